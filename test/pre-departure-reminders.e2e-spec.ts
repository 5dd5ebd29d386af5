import { DataSource } from 'typeorm';
import { JobName, QueueName } from 'src/queue/queue.constants';
import { QueueService } from 'src/queue/queue.service';
import { localMoment, reminderJobId } from 'src/modules/recruitment/pre-departure-reminders';
import { TestApp, bootTestApp, login, staffToken, unique, waitFor } from 'test/harness/app';
import { registerMigrant } from 'test/harness/migrants.factory';
import {
  TestEmployer,
  VacancyView,
  createFair,
  createPublishedVacancy,
  createVerifiedEmployer,
} from 'test/harness/supply.factory';

interface Step {
  id: string;
  code: string;
  phase: string;
  dueDate: string;
  done: boolean;
  overdue: boolean;
}

interface ReminderRow {
  channel: string;
  locale: string;
  template: string;
  step_text: string;
  due_date: string;
}

/** Today on Moscow's clock (UTC+3 all year), the zone of a Moscow vacancy and of a person with no fair. */
const moscowDate = (days = 0) =>
  new Date(Date.now() + 3 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

describe('pre-departure reminders through the queue', () => {
  let t: TestApp;
  let ds: DataSource;
  let queues: QueueService;
  let staff: string;
  let employer: TestEmployer;
  let vacancy: VacancyView;

  const auth = (token: string) => ({ authorization: `Bearer ${token}` });
  const job = (id: string) => queues.queue(QueueName.Scheduling).getJob(id);
  const remindersOf = (stepId: string): Promise<ReminderRow[]> =>
    ds.query(
      `SELECT channel, locale, template, payload->>'stepText' AS step_text, payload->>'dueDate' AS due_date
         FROM notifications WHERE dedupe_key LIKE $1 ORDER BY channel`,
      [`pre-departure:${stepId}:%`],
    );

  async function plan(token: string, migrantId: string, body: Record<string, unknown>, lang = 'en') {
    const res = await t
      .http()
      .post(`/v1/migrants/${migrantId}/pre-departure-plan`)
      .query({ lang })
      .set(auth(token))
      .send({ vacancyId: vacancy.id, ...body });
    if (res.status !== 200) throw new Error(`plan: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.items as Step[];
  }

  beforeAll(async () => {
    t = await bootTestApp();
    ds = t.app.get(DataSource);
    queues = t.app.get(QueueService);
    staff = await staffToken(t);
    employer = await createVerifiedEmployer(t, { staff });
    vacancy = await createPublishedVacancy(t, employer.token);
  });

  afterAll(() => t.close());

  it('reminds of a deadline due today at once, in the person’s language, on the channels they chose', async () => {
    const person = await registerMigrant(t, { citizenship: 'UZ', preferredLanguage: 'uz' });
    const items = await plan(person.token, person.id, {
      arrivalDate: moscowDate(),
      reminders: ['sms', 'in_app'],
    });
    const today = items.filter((s) => s.dueDate === moscowDate());
    expect(today.map((s) => s.code).sort()).toEqual([
      'CHECK_PASSPORT',
      'MIGRATION_CARD_WORK',
      'TAKE_DOCUMENTS',
    ]);
    for (const step of today) {
      const rows = await waitFor(
        async () => {
          const found = await remindersOf(step.id);
          return found.length >= 2 && found;
        },
        { what: `the reminders of ${step.code}` },
      );
      // SMS and in-app only (no e-mail chosen), in Uzbek although the plan was asked for in English.
      expect(rows.map((r) => r.channel)).toEqual(['in_app', 'sms']);
      for (const r of rows) {
        expect(r).toMatchObject({ template: 'pre_departure_reminder', locale: 'uz' });
        expect(r.due_date).toBe(moscowDate().split('-').reverse().join('.'));
      }
    }
    // The kept plan reads back in the person's language, with the vacancy; another person sees nothing of it.
    const kept = await t.http().get(`/v1/migrants/${person.id}/pre-departure-plan`).set(auth(person.token));
    expect(kept.status).toBe(200);
    expect(kept.body.items.map((s: { id: string }) => s.id).sort()).toEqual(items.map((s) => s.id).sort());
    const keptCard = kept.body.items.find((s: { code: string }) => s.code === 'MIGRATION_CARD_WORK');
    expect(keptCard).toMatchObject({
      vacancyTitle: vacancy.title,
      message: expect.stringMatching(/migratsiya/),
    });
    const stranger = await registerMigrant(t);
    expect(
      (await t.http().get(`/v1/migrants/${person.id}/pre-departure-plan`).set(auth(stranger.token))).status,
    ).toBe(404);
    const card = today.find((s) => s.code === 'MIGRATION_CARD_WORK')!;
    expect((await remindersOf(card.id))[0].step_text).toMatch(/migratsiya kartasi/i);
    // The person reads it in the inbox.
    const inbox = await t.http().get('/v1/me/notifications').set(auth(person.token));
    expect(inbox.status).toBe(200);
    expect(
      inbox.body.items.filter((i: { template: string }) => i.template === 'pre_departure_reminder').length,
    ).toBeGreaterThanOrEqual(3);
  });

  it('schedules delayed reminders 7 days and 1 day before a later deadline, and a tick removes them', async () => {
    const person = await registerMigrant(t, { citizenship: 'UZ', preferredLanguage: 'ru' });
    const items = await plan(person.token, person.id, { arrivalDate: moscowDate(2) });
    const patent = items.find((s) => s.code === 'APPLY_FOR_PATENT')!;
    const sevenDays = reminderJobId(patent.id, 0, 7);
    const oneDay = reminderJobId(patent.id, 0, 1);
    const delayed = await waitFor(async () => (await job(sevenDays)) ?? undefined, {
      what: 'the delayed reminder job',
    });
    expect(await delayed.getState()).toBe('delayed');
    expect(delayed.name).toBe(JobName.PreDepartureReminder);
    expect(delayed.data).toEqual({ stepId: patent.id, dueDate: patent.dueDate, daysBefore: 7, round: 0 });
    // Due at 09:00 Moscow time seven days before the deadline (the relay adds it a moment after the save).
    const dueAt = delayed.timestamp + delayed.delay;
    expect(Math.abs(dueAt - localMoment(patent.dueDate, 7, 9, 'Europe/Moscow'))).toBeLessThan(60_000);
    expect(await job(oneDay)).toBeTruthy();

    const ticked = await t
      .http()
      .patch(`/v1/migrants/${person.id}/pre-departure-plan/steps/${patent.id}`)
      .set(auth(person.token))
      .send({ done: true });
    expect(ticked.status).toBe(200);
    await waitFor(async () => !(await job(sevenDays)) && !(await job(oneDay)), {
      what: 'the reminders removed',
    });

    // Opened again: a new round of reminders.
    const reopened = await t
      .http()
      .patch(`/v1/migrants/${person.id}/pre-departure-plan/steps/${patent.id}`)
      .set(auth(staff))
      .send({ done: false });
    expect(reopened.body.done).toBe(false);
    await waitFor(async () => (await job(reminderJobId(patent.id, 1, 7))) ?? undefined, {
      what: 'the reminders of the new round',
    });
  });

  it('sends nothing for a step ticked off, whatever job still runs for it', async () => {
    const person = await registerMigrant(t, { citizenship: 'UZ' });
    const items = await plan(person.token, person.id, { arrivalDate: moscowDate(3) });
    const step = items.find((s) => s.code === 'REGISTER_STAY')!;
    await t
      .http()
      .patch(`/v1/migrants/${person.id}/pre-departure-plan/steps/${step.id}`)
      .set(auth(person.token))
      .send({ done: true })
      .expect(200);
    // A job that was already taken when the tick came: it runs now, through the real worker.
    const jobId = unique('late-reminder-');
    await queues.enqueue(
      JobName.PreDepartureReminder,
      { stepId: step.id, dueDate: step.dueDate, daysBefore: 1, round: 0 },
      { jobId },
    );
    await waitFor(async () => (await (await job(jobId))?.getState()) === 'completed', {
      what: 'the late job to finish',
    });
    expect(await remindersOf(step.id)).toEqual([]);
    // The same job for a step still open does send: the check above could fail.
    const open = items.find((s) => s.code === 'MEDICAL_EXAM_AND_FINGERPRINTS')!;
    await queues.enqueue(
      JobName.PreDepartureReminder,
      { stepId: open.id, dueDate: open.dueDate, daysBefore: 1, round: 0 },
      { jobId: unique('open-reminder-') },
    );
    await waitFor(async () => (await remindersOf(open.id)).length > 0, { what: 'the open step’s reminder' });
  });

  it('shows staff an overdue legal deadline with whose it is, filtered, and reminds of none already past', async () => {
    const person = await registerMigrant(t, { citizenship: 'UZ' });
    const items = await plan(staff, person.id, { arrivalDate: moscowDate(-40) });
    const register = items.find((s) => s.code === 'REGISTER_STAY')!;
    expect(register.overdue).toBe(true);
    const mine = await t
      .http()
      .get('/v1/pre-departure/overdue')
      .query({ migrantId: person.id })
      .set(auth(staff));
    expect(mine.status).toBe(200);
    expect(mine.body.items.length).toBe(items.filter((s) => s.overdue).length);
    const row = mine.body.items.find((s: { id: string }) => s.id === register.id);
    expect(row).toMatchObject({ vacancyTitle: vacancy.title, citizenship: 'UZ', code: 'REGISTER_STAY' });
    expect(row.migrantName).toEqual(expect.any(String));
    expect(row.daysOverdue).toBeGreaterThan(20);
    const byCode = await t
      .http()
      .get('/v1/pre-departure/overdue')
      .query({ migrantId: person.id, code: 'APPLY_FOR_PATENT' })
      .set(auth(staff));
    expect(byCode.body.items.map((s: { code: string }) => s.code)).toEqual(['APPLY_FOR_PATENT']);
    const bad = await t
      .http()
      .get('/v1/pre-departure/overdue')
      .query({ code: 'drop table' })
      .set(auth(staff));
    expect(bad.status).toBe(400);
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
    // A deadline already past is for staff to chase; no reminder job was made for it (the employer's, still
    // ahead, has its own).
    const mvd = items.find((s) => s.code === 'EMPLOYER_NOTIFIES_MVD')!;
    expect(mvd.overdue).toBe(false);
    await waitFor(async () => (await job(reminderJobId(mvd.id, 0, 7))) ?? undefined, { what: 'a job ahead' });
    for (const s of items.filter((x) => x.overdue)) {
      for (const d of [7, 1, 0]) expect(await job(reminderJobId(s.id, 0, d))).toBeFalsy();
    }
  });

  it('lets a legal adviser the person consulted tick a step off, and no other adviser', async () => {
    const fair = await createFair(t, staff);
    const adviser = async () => {
      const email = `${unique('adviser')}@test.jobfair.local`;
      const res = await t
        .http()
        .post('/v1/legal-advisers')
        .set(auth(staff))
        .send({ email, password: 'adviser-password-123', displayName: 'Юрист', fairIds: [fair.id] });
      expect(res.status).toBe(201);
      return {
        id: res.body.id as string,
        token: await login(t, { email, password: 'adviser-password-123' }),
      };
    };
    const consulted = await adviser();
    const other = await adviser();
    const start = Math.ceil((Date.now() + 2 * 86_400_000) / 3_600_000) * 3_600_000;
    const desk = await t
      .http()
      .post(`/v1/fairs/${fair.id}/legal-desks`)
      .set(auth(staff))
      .send({
        name: 'Юридическая помощь',
        location: 'Зал B',
        slots: [
          {
            adviserId: consulted.id,
            startsAt: new Date(start).toISOString(),
            endsAt: new Date(start + 1_800_000).toISOString(),
          },
        ],
      });
    expect(desk.status).toBe(201);
    const person = await registerMigrant(t, { citizenship: 'UZ' });
    const booked = await t
      .http()
      .post('/v1/legal-consultations')
      .set(auth(person.token))
      .send({ slotId: desk.body.slots[0].id, topic: 'registration', lang: 'ru' });
    expect(booked.status).toBe(201);
    const items = await plan(person.token, person.id, { arrivalDate: moscowDate(5) });
    const step = items.find((s) => s.code === 'REGISTER_STAY')!;
    const tick = (token: string) =>
      t
        .http()
        .patch(`/v1/migrants/${person.id}/pre-departure-plan/steps/${step.id}`)
        .set(auth(token))
        .send({ done: true });
    expect((await tick(other.token)).status).toBe(404);
    const read = (token: string) =>
      t.http().get(`/v1/migrants/${person.id}/pre-departure-plan`).set(auth(token));
    expect((await read(other.token)).status).toBe(404);
    expect((await read(consulted.token)).body.items.length).toBe(items.length);
    const done = await tick(consulted.token);
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ id: step.id, done: true });
  });
});
