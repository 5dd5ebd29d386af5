import { TestApp, bootTestApp, staffToken, waitFor } from 'test/harness/app';
import { createSlots, insertApplication, insertMigrant, slotAt } from 'test/harness/interviews.factory';
import { PrivateRedis } from 'test/harness/private-redis';
import { SmtpSink } from 'test/harness/smtp-sink';
import {
  TestEmployer,
  VacancyView,
  createPublishedVacancy,
  createVerifiedEmployer,
} from 'test/harness/supply.factory';

describe('interviews under concurrency, outages and reminders', () => {
  let t: TestApp;
  let redis: PrivateRedis;
  let smtp: SmtpSink;
  let employer: TestEmployer;
  let vacancy: VacancyView;

  const auth = (token: string) => ({ authorization: `Bearer ${token}` });
  const book = (applicationId: string, slotId: string) =>
    t.http().post(`/v1/applications/${applicationId}/interview`).set(auth(employer.token)).send({ slotId });
  const subjectsTo = (address: string) =>
    smtp.messages.filter((m) => m.to.includes(address)).map((m) => m.parsed?.subject ?? '');

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    smtp = await SmtpSink.start();
    // One reminder, one minute before: a slot starting in 70 s is reminded of within about 10 s.
    t = await bootTestApp({ REDIS_URL: redis.url, SMTP_URL: smtp.url, REMINDER_OFFSETS_MINUTES: '1' });
    const staff = await staffToken(t);
    employer = await createVerifiedEmployer(t, { staff });
    vacancy = await createPublishedVacancy(t, employer.token);
  });

  afterAll(async () => {
    await t?.close();
    await smtp?.close();
    await redis?.down();
  });

  it('gives exactly one of 20 simultaneous bookings of one slot', async () => {
    const [slot] = await createSlots(t, employer.token, vacancy.id, [slotAt(300, 20, { location: 'Race' })]);
    const applications = await Promise.all(
      Array.from({ length: 20 }, async () => insertApplication(t, (await insertMigrant(t)).id, vacancy.id)),
    );
    const answers = await Promise.all(applications.map((id) => book(id, slot.id)));
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    for (const r of answers.filter((a) => a.status === 409)) expect(r.body.type).toBe('/problems/slot-taken');
  });

  it('lets only one of several simultaneous overlapping slots in', async () => {
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        t
          .http()
          .post(`/v1/vacancies/${vacancy.id}/interview-slots`)
          .set(auth(employer.token))
          .send({ slots: [slotAt(400 + i, 30, { location: 'Parallel booth' })] }),
      ),
    );
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(5);
  });

  it("refuses a migrant's second overlapping interview even when both are booked at once", async () => {
    const vacancy2 = await createPublishedVacancy(t, employer.token);
    const m = await insertMigrant(t);
    const appA = await insertApplication(t, m.id, vacancy.id);
    const appB = await insertApplication(t, m.id, vacancy2.id);
    const [slotA] = await createSlots(t, employer.token, vacancy.id, [
      slotAt(500, 30, { location: 'Twin A' }),
    ]);
    const [slotB] = await createSlots(t, employer.token, vacancy2.id, [
      slotAt(510, 30, { location: 'Twin B' }),
    ]);
    const answers = await Promise.all([book(appA, slotA.id), book(appB, slotB.id)]);
    expect(answers.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(answers.find((r) => r.status === 409)!.body.type).toBe('/problems/interview-overlap');
  });

  it('reminds of a booked interview and not of a cancelled one', async () => {
    const kept = await insertMigrant(t);
    const dropped = await insertMigrant(t);
    const [slotKept, slotDropped] = await createSlots(t, employer.token, vacancy.id, [
      slotAt(70 / 60, 20, { location: 'Reminder 1' }),
      slotAt(70 / 60, 20, { location: 'Reminder 2' }),
    ]);
    const keptRes = await book(await insertApplication(t, kept.id, vacancy.id), slotKept.id);
    const droppedRes = await book(await insertApplication(t, dropped.id, vacancy.id), slotDropped.id);
    expect([keptRes.status, droppedRes.status]).toEqual([201, 201]);
    const cancel = await t
      .http()
      .post(`/v1/interviews/${droppedRes.body.id}/cancel`)
      .set(auth(employer.token))
      .send({ reason: 'Position filled' });
    expect(cancel.status).toBe(200);

    await waitFor(async () => subjectsTo(kept.email!).some((s) => s.startsWith('Напоминание')), {
      timeoutMs: 30_000,
      what: 'the reminder',
    });
    // Both were due at the same instant; give the cancelled one's a moment more to show up if it would.
    await new Promise((r) => setTimeout(r, 2000));
    expect(subjectsTo(dropped.email!).some((s) => s.startsWith('Напоминание'))).toBe(false);
    expect(subjectsTo(dropped.email!).some((s) => s.startsWith('Собеседование отменено'))).toBe(true);
  });

  it('books while Redis is down and delivers the invitation once it is back', async () => {
    const m = await insertMigrant(t);
    const applicationId = await insertApplication(t, m.id, vacancy.id);
    const [slot] = await createSlots(t, employer.token, vacancy.id, [
      slotAt(800, 20, { location: 'Outage' }),
    ]);
    await redis.down();
    try {
      const res = await book(applicationId, slot.id);
      expect(res.status).toBe(201);
      await new Promise((r) => setTimeout(r, 500));
      expect(subjectsTo(m.email!)).toEqual([]);
    } finally {
      await redis.up();
    }
    await waitFor(async () => subjectsTo(m.email!).some((s) => s.startsWith('Приглашение')), {
      timeoutMs: 45_000,
      what: 'the invitation after the outage',
    });
  });
});
