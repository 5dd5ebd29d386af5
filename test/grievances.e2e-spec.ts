import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import {
  GRIEVANCE_STATES,
  GrievanceState,
  canTransitionGrievance,
} from 'src/modules/grievances/grievance.types';
import { OVERDUE_SCHEDULE } from 'src/modules/grievances/grievances.processor';
import { JOB_QUEUE, JobName } from 'src/queue/queue.constants';
import { QueueService } from 'src/queue/queue.service';
import { TestApp, bootTestApp, staffToken, unique, waitFor } from 'test/harness/app';
import { RegisteredMigrant, registerMigrant } from 'test/harness/migrants.factory';
import {
  HiringSetup,
  createHiringSetup,
  dataSourceOf,
  insertApplication,
} from 'test/harness/placements.factory';
import { FairScenario, createFairScenario } from 'test/harness/supply.factory';
import { pageLinks } from 'src/modules/notifications/links';

describe('grievances (e2e)', () => {
  let t: TestApp;
  let ds: DataSource;
  let staff: string;
  let staffUserId: string;
  let setup: HiringSetup;
  let person: RegisteredMigrant;
  let other: RegisteredMigrant;
  let applicationId: string;

  const auth = (token: string) => ({ authorization: `Bearer ${token}` });
  const file = (token: string, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
    t.http().post('/v1/grievances').set(auth(token)).set(headers).send(body);
  const move = (id: string, body: Record<string, unknown>, token = staff) =>
    t.http().post(`/v1/grievances/${id}/transitions`).set(auth(token)).send(body);

  /** An application of the person to the setup's vacancy, pointing at the vacancy's terms snapshot. */
  async function applicationOf(migrantId: string, s: HiringSetup = setup): Promise<string> {
    const id = await insertApplication(ds, { migrantId, vacancyId: s.vacancy.id, employerId: s.employer.id });
    await ds.query(
      `UPDATE applications a SET terms_snapshot_id = v.current_terms_snapshot_id FROM vacancies v
        WHERE v.id = a.vacancy_id AND a.id = $1`,
      [id],
    );
    return id;
  }

  beforeAll(async () => {
    t = await bootTestApp();
    ds = dataSourceOf(t);
    staff = await staffToken(t);
    const [me] = await ds.query(`SELECT id FROM users WHERE role = 'staff' ORDER BY created_at DESC LIMIT 1`);
    staffUserId = me.id;
    setup = await createHiringSetup(t, staff, { positions: 10 });
    person = await registerMigrant(t, { gender: 'female', preferredLanguage: 'uz' });
    other = await registerMigrant(t);
    applicationId = await applicationOf(person.id);
  });
  afterAll(() => t.close());

  describe('filing', () => {
    it('files online with a migrant token: 201 received, due in 2 working days, texts encrypted at rest', async () => {
      const res = await file(person.token, {
        category: 'wages_unpaid',
        description: 'Не платят зарплату два месяца',
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        state: 'received',
        urgent: false,
        channel: 'online',
        migrantId: person.id,
        description: 'Не платят зарплату два месяца',
        hotlines: [],
        urgentNotice: null,
      });
      expect(res.body.dueAt).toBe(new Date(`${res.body.dueDate}T23:59:59.999+03:00`).toISOString());
      const [row] = await ds.query(`SELECT description_enc FROM grievances WHERE id = $1`, [res.body.id]);
      expect(row.description_enc).not.toContain('зарплату');
    });

    it('honours Idempotency-Key: a retry answers the first grievance and files no second one', async () => {
      const key = unique('idem');
      const body = { category: 'other', description: `Retry ${key}` };
      const first = await file(person.token, body, { 'idempotency-key': key }).expect(201);
      const second = await file(person.token, body, { 'idempotency-key': key }).expect(201);
      expect(second.body.id).toBe(first.body.id);
      const [{ n }] = await ds.query(
        `SELECT count(*)::int AS n FROM grievances WHERE migrant_id = $1 AND created_at > now() - interval '1 minute'
           AND id = $2`,
        [person.id, first.body.id],
      );
      expect(n).toBe(1);
      await file(person.token, { ...body, category: 'unsafe_work' }, { 'idempotency-key': key }).expect(422);
    });

    it.each([
      ['harassment_violence', 'uz', 'Favqulodda'],
      ['forced_labour', 'ky', 'Өзгөчө'],
      ['documents_retained', 'tg', 'хадамоти'],
      ['documents_retained', 'ru', 'экстренных'],
      ['harassment_violence', 'en', 'emergency'],
    ])(
      'an urgent %s is due today and answers at once with cited hotlines in %s',
      async (category, lang, word) => {
        const res = await file(person.token, {
          category,
          description: 'Паспорт забрал бригадир',
          lang,
        }).expect(201);
        expect(res.body.urgent).toBe(true);
        const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Moscow' }).format(new Date());
        expect(res.body.dueDate).toBe(today);
        expect(res.body.hotlines).toEqual([
          expect.objectContaining({ number: '112', source: expect.stringContaining('488-FZ') }),
        ]);
        expect(res.body.hotlines[0].label).toContain(word);
        expect(res.body.urgentNotice).toEqual(expect.any(String));
      },
    );

    it('takes the ILO forced-labour indicators as a checklist, and lists them with their source', async () => {
      const list = await t
        .http()
        .get('/v1/grievances/ilo-indicators?lang=en')
        .set(auth(person.token))
        .expect(200);
      expect(list.body.items).toHaveLength(11);
      expect(list.body.source).toContain('ILO Indicators of Forced Labour');
      const res = await file(person.token, {
        category: 'forced_labour',
        description: 'Не выпускают с объекта',
        iloIndicators: ['restriction_of_movement', 'retention_of_identity_documents'],
      }).expect(201);
      expect(res.body.iloIndicators).toEqual(['restriction_of_movement', 'retention_of_identity_documents']);
      await file(person.token, {
        category: 'forced_labour',
        description: 'x',
        iloIndicators: ['made_up'],
      }).expect(400);
    });

    it('refuses bad input with problem details, never a 500', async () => {
      for (const body of [
        { category: 'bad', description: 'x' },
        { category: 'other' },
        { category: 'other', description: '' },
        { category: 'other', description: 'x', applicationId: 'nope' },
        { category: 'other', description: 'x', reportedTerms: { hoursPerWeek: 500 } },
        // Amounts written with an exponent: the decimal-places check threw on them (500).
        { category: 'other', description: 'x', reportedTerms: { housingCostPerMonth: 9e-323 } },
        {
          category: 'other',
          description: 'x',
          reportedTerms: { monthlyPay: { amount: 1e-7, currency: 'RUB' } },
        },
      ]) {
        const res = await file(person.token, body);
        expect(res.status).toBe(400);
        expect(res.headers['content-type']).toContain('application/problem+json');
      }
      await file(setup.employer.token, { category: 'other', description: 'x' }).expect(403);
      await t.http().post('/v1/grievances').send({ category: 'other', description: 'x' }).expect(401);
      // Only staff back-date a paper form.
      await file(person.token, {
        category: 'other',
        description: 'x',
        receivedAt: '2026-10-30T10:00:00+03:00',
      }).expect(400);
    });

    it('lets staff file on a person’s behalf at the desk, naming the person', async () => {
      await file(staff, { category: 'other', description: 'Без migrantId' }).expect(400);
      const res = await file(staff, {
        category: 'terms_differ',
        description: 'С ярмарки',
        migrantId: person.id,
      }).expect(201);
      expect(res.body.channel).toBe('desk');
    });
  });

  describe('cross-tenant links', () => {
    it('a person cannot point at another person’s application or placement (404)', async () => {
      await file(other.token, { category: 'wages_unpaid', description: 'x', applicationId }).expect(404);
      await file(staff, {
        category: 'wages_unpaid',
        description: 'x',
        applicationId,
        migrantId: other.id,
      }).expect(404);
    });

    it('a person may name only an employer or vacancy they applied to (422)', async () => {
      const res = await file(other.token, {
        category: 'wages_unpaid',
        description: 'x',
        employerId: setup.employer.id,
      });
      expect(res.status).toBe(422);
      await file(other.token, {
        category: 'wages_unpaid',
        description: 'x',
        vacancyId: setup.vacancy.id,
      }).expect(422);
      const mine = await file(person.token, {
        category: 'wages_unpaid',
        description: 'x',
        vacancyId: setup.vacancy.id,
      });
      expect(mine.status).toBe(201);
      expect(mine.body.employerId).toBe(setup.employer.id);
    });

    it('a link inconsistent with the application is refused (422)', async () => {
      const elsewhere = await createHiringSetup(t, staff);
      await file(person.token, {
        category: 'other',
        description: 'x',
        applicationId,
        employerId: elsewhere.employer.id,
      }).expect(422);
    });

    it('another person, another employer and an unshared employer see a grievance as not there (404)', async () => {
      const g = await file(person.token, { category: 'other', description: 'Личное', applicationId }).expect(
        201,
      );
      await t.http().get(`/v1/grievances/${g.body.id}`).set(auth(other.token)).expect(404);
      await t.http().get(`/v1/grievances/${g.body.id}`).set(auth(setup.employer.token)).expect(404);
      const mine = await t.http().get(`/v1/grievances/${g.body.id}`).set(auth(person.token)).expect(200);
      expect(mine.body.description).toBe('Личное');
      const list = await t.http().get('/v1/grievances').set(auth(other.token)).expect(200);
      expect(list.body.items.map((i: { id: string }) => i.id)).not.toContain(g.body.id);
    });
  });

  describe('the state machine, every pair', () => {
    const PATHS: Record<GrievanceState, Record<string, unknown>[]> = {
      received: [],
      in_review: [{ to: 'in_review' }],
      referred: [
        { to: 'in_review' },
        { to: 'referred', referral: { body: 'labour_inspectorate', name: 'State Labour Inspectorate' } },
      ],
      resolved: [{ to: 'in_review' }, { to: 'resolved', outcome: 'not_substantiated' }],
      rejected: [{ to: 'in_review' }, { to: 'rejected', note: 'Not a labour matter' }],
    };
    const bodyFor = (to: GrievanceState): Record<string, unknown> =>
      to === 'referred'
        ? { to, referral: { body: 'legal_aid', name: 'Legal aid desk', note: 'Contract review' } }
        : to === 'resolved'
          ? { to, outcome: 'substantiated' }
          : { to };
    const cases = GRIEVANCE_STATES.flatMap((from) =>
      GRIEVANCE_STATES.map((to) => [from, to, canTransitionGrievance(from, to)] as const),
    );

    it.each(cases)('%s → %s (legal: %s)', async (from, to, legal) => {
      const g = await file(staff, {
        category: 'other',
        description: `${from}→${to}`,
        migrantId: other.id,
      }).expect(201);
      for (const step of PATHS[from]) await move(g.body.id, step).expect(200);
      const res = await move(g.body.id, bodyFor(to));
      if (legal) {
        expect(res.status).toBe(200);
        expect(res.body.state).toBe(to);
      } else {
        expect(res.status).toBe(409);
        expect(res.body).toMatchObject({ type: '/problems/invalid-transition', currentState: from });
      }
    });

    it('keeps the history with the referral body and name, and needs a referral or an outcome where due', async () => {
      const g = await file(staff, {
        category: 'worker_charged',
        description: 'Взяли 30 000',
        migrantId: other.id,
      }).expect(201);
      await move(g.body.id, { to: 'in_review', note: 'Called the person' }).expect(200);
      await move(g.body.id, { to: 'referred' }).expect(400);
      await move(g.body.id, { to: 'resolved' }).expect(400);
      await move(g.body.id, { to: 'rejected', referral: { body: 'ngo', name: 'x' } }).expect(400);
      await move(g.body.id, { to: 'referred', referral: { body: 'nope', name: 'x' } }).expect(400);
      await move(g.body.id, {
        to: 'referred',
        referral: { body: 'embassy_consulate', name: 'Consulate of Uzbekistan', note: 'Passport' },
      }).expect(200);
      const res = await t.http().get(`/v1/grievances/${g.body.id}`).set(auth(staff)).expect(200);
      expect(res.body.history.map((h: { to: string }) => h.to)).toEqual([
        'received',
        'in_review',
        'referred',
      ]);
      expect(res.body.history[2]).toMatchObject({
        from: 'in_review',
        referral: { body: 'embassy_consulate', name: 'Consulate of Uzbekistan' },
        note: 'Passport',
      });
      expect(res.body.firstResponseAt).not.toBeNull();
      expect(res.body.closedAt).not.toBeNull();
      // A person and an employer do not move grievances.
      await move(g.body.id, { to: 'in_review' }, other.token).expect(403);
    });

    it('tells the person of a state change in their language', async () => {
      const g = await file(person.token, { category: 'other', description: 'Уведомите меня' }).expect(201);
      await move(g.body.id, { to: 'in_review' }).expect(200);
      const [user] = await ds.query(`SELECT id FROM users WHERE migrant_id = $1`, [person.id]);
      const [n] = await waitFor(
        async () => {
          const rows = await ds.query(
            `SELECT locale, payload FROM notifications WHERE recipient_user_id = $1 AND channel = 'in_app'
               AND template = 'grievance_state_changed' AND payload->>'grievanceUrl' = $2`,
            [user.id, pageLinks.migrantGrievance(g.body.id)],
          );
          return rows.length ? rows : undefined;
        },
        { what: 'state notification' },
      );
      expect(n.locale).toBe('uz');
      expect(n.payload.stateLabel).toBe('Ko‘rib chiqilmoqda');
    });
  });

  describe('deadlines on the production calendar', () => {
    const desk = (receivedAt: string, category = 'wages_unpaid') =>
      file(staff, { category, description: 'Paper form', migrantId: other.id, receivedAt });

    it('a Friday filing is due on Tuesday: the weekend is not counted', async () => {
      const res = await desk('2026-10-30T10:00:00+03:00').expect(201);
      expect(res.body.dueDate).toBe('2026-11-03');
    });

    it('a holiday is skipped: filed the day before National Unity Day (4 November) it is due on the 6th', async () => {
      const res = await desk('2026-11-03T10:00:00+03:00').expect(201);
      expect(res.body.dueDate).toBe('2026-11-06');
    });

    it('an urgent grievance is due the same day, even on a Saturday', async () => {
      const res = await desk('2026-10-31T10:00:00+03:00', 'harassment_violence').expect(201);
      expect(res.body.dueDate).toBe('2026-10-31');
    });

    it('a filing date is a Moscow date: 22:30 UTC on Friday is Saturday in Moscow', async () => {
      const res = await desk('2026-10-30T22:30:00Z').expect(201);
      expect(res.body.dueDate).toBe('2026-11-03');
    });

    it('refuses a filing time in the future', async () => {
      await desk(new Date(Date.now() + 86_400_000).toISOString()).expect(400);
    });
  });

  describe('the overdue reminder through the queue', () => {
    it('is scheduled as a repeatable job', async () => {
      const queue = t.app.get(QueueService).queue(JOB_QUEUE[JobName.GrievancesOverdueSweep]);
      const schedulers = await queue.getJobSchedulers();
      expect(schedulers.map((s) => s.key ?? s.id)).toContain(OVERDUE_SCHEDULE.id);
    });

    it('reminds staff once of a grievance past its first-response date', async () => {
      const g = await file(staff, {
        category: 'wages_unpaid',
        description: 'Overdue',
        migrantId: other.id,
        receivedAt: '2026-10-30T10:00:00+03:00',
      }).expect(201);
      const listed = await t
        .http()
        .get('/v1/grievances?overdue=true&pageSize=100')
        .set(auth(staff))
        .expect(200);
      expect(listed.body.items.map((i: { id: string }) => i.id)).toContain(g.body.id);

      const queues = t.app.get(QueueService);
      await queues.enqueue(JobName.GrievancesOverdueSweep, {}, { jobId: unique('sweep') });
      const url = pageLinks.staffGrievance(g.body.id);
      await waitFor(
        async () => {
          const rows = await ds.query(
            `SELECT 1 FROM notifications WHERE recipient_user_id = $1 AND template = 'grievance_overdue'
               AND payload->>'grievanceUrl' = $2`,
            [staffUserId, url],
          );
          return rows.length > 0;
        },
        { what: 'overdue reminder', timeoutMs: 15_000 },
      );
      // A second run does not remind again.
      const again = unique('sweep');
      await queues.enqueue(JobName.GrievancesOverdueSweep, {}, { jobId: again });
      const queue = queues.queue(JOB_QUEUE[JobName.GrievancesOverdueSweep]);
      await waitFor(async () => (await (await queue.getJob(again))?.getState()) === 'completed', {
        what: 'second sweep',
        timeoutMs: 15_000,
      });
      const [{ n }] = await ds.query(
        `SELECT count(*)::int AS n FROM notifications WHERE recipient_user_id = $1 AND template = 'grievance_overdue'
           AND channel = 'in_app' AND payload->>'grievanceUrl' = $2`,
        [staffUserId, url],
      );
      expect(n).toBe(1);
    });
  });

  describe('the advertised terms beside what the person reports', () => {
    it('flags the differing terms against the immutable snapshot', async () => {
      const res = await file(person.token, {
        category: 'terms_differ',
        description: 'Платят меньше, работаем по 12 часов, жильё не дали',
        applicationId,
        reportedTerms: {
          monthlyPay: { amount: 50000, currency: 'RUB' },
          hoursPerWeek: 72,
          housingProvided: false,
          costsCharged: 0,
        },
      }).expect(201);
      // The vacancy changes after the application: the comparison keeps the terms advertised then.
      await ds.query(`UPDATE vacancies SET salary_min = 10000 WHERE id = $1`, [setup.vacancy.id]);
      const got = await t.http().get(`/v1/grievances/${res.body.id}`).set(auth(staff)).expect(200);
      expect(got.body.comparison.differing).toEqual(['pay', 'hours', 'housing']);
      const byTerm = Object.fromEntries(got.body.comparison.terms.map((x: { term: string }) => [x.term, x]));
      expect(byTerm.pay).toMatchObject({ advertised: { min: 80000, currency: 'RUB' }, differs: true });
      expect(byTerm.hours).toMatchObject({ advertised: 40, reported: 72, differs: true });
      expect(byTerm.workerCosts).toMatchObject({ advertised: 0, reported: 0, differs: false });
      expect(byTerm.housingCost.differs).toBeNull();
      expect(got.body.employerId).toBe(setup.employer.id);
    });

    it('links a placement, and through it the application, vacancy and employer', async () => {
      const second = await createHiringSetup(t, staff);
      const appId = await applicationOf(person.id, second);
      const [p] = await ds.query(
        `INSERT INTO placements (application_id, migrant_id, vacancy_id, employer_id, contract_start_date, terms_snapshot_id)
         SELECT id, migrant_id, vacancy_id, employer_id, current_date, terms_snapshot_id FROM applications WHERE id = $1
         RETURNING id`,
        [appId],
      );
      await file(other.token, { category: 'wages_unpaid', description: 'x', placementId: p.id }).expect(404);
      const res = await file(person.token, {
        category: 'wages_unpaid',
        description: 'Не доплатили',
        placementId: p.id,
        reportedTerms: { monthlyPay: { amount: 90000, currency: 'RUB' } },
      }).expect(201);
      expect(res.body).toMatchObject({
        placementId: p.id,
        applicationId: appId,
        vacancyId: second.vacancy.id,
      });
      const got = await t.http().get(`/v1/grievances/${res.body.id}`).set(auth(person.token)).expect(200);
      expect(got.body.comparison.differing).toEqual([]);
    });
  });

  describe('messages, the employer and suspension', () => {
    it('staff write to the person, who reads it in the thread and gets a notification', async () => {
      const g = await file(person.token, { category: 'other', description: 'Вопрос' }).expect(201);
      const msg = await t
        .http()
        .post(`/v1/grievances/${g.body.id}/messages`)
        .set(auth(staff))
        .send({ body: 'Приходите в среду к юристу' })
        .expect(201);
      expect(msg.body.authorRole).toBe('staff');
      await t
        .http()
        .post(`/v1/grievances/${g.body.id}/messages`)
        .set(auth(other.token))
        .send({ body: 'x' })
        .expect(404);
      const got = await t.http().get(`/v1/grievances/${g.body.id}`).set(auth(person.token)).expect(200);
      expect(got.body.messages).toEqual([expect.objectContaining({ body: 'Приходите в среду к юристу' })]);
      expect(got.body.firstResponseAt).not.toBeNull();
      const [user] = await ds.query(`SELECT id FROM users WHERE migrant_id = $1`, [person.id]);
      const rows = await ds.query(
        `SELECT channel FROM notifications WHERE recipient_user_id = $1 AND template = 'grievance_message'`,
        [user.id],
      );
      expect(rows.map((r: { channel: string }) => r.channel)).toEqual(
        expect.arrayContaining(['in_app', 'sms']),
      );
      const [stored] = await ds.query(`SELECT body_enc FROM grievance_messages WHERE id = $1`, [msg.body.id]);
      expect(stored.body_enc).not.toContain('юристу');
    });

    it('a staff message goes by the channel the person picked on their profile: SMS, e-mail or in-app only', async () => {
      const picky = await registerMigrant(t, { email: `${unique('picky')}@test.jobfair.local` });
      const g = await file(picky.token, { category: 'other', description: 'Вопрос о договоре' }).expect(201);
      const channelsOf = async (messageId: string) =>
        (
          await ds.query(
            `SELECT channel, recipient_address AS address FROM notifications
              WHERE template = 'grievance_message' AND dedupe_key LIKE $1 ORDER BY channel`,
            [`grievance-message:${messageId}:%`],
          )
        ).map(
          (r: { channel: string; address: string | null }) =>
            `${r.channel}${r.address ? ` ${r.address}` : ''}`,
        );
      const pick = (grievanceChannel: string | null) =>
        t
          .http()
          .patch(`/v1/migrants/${picky.id}`)
          .set(auth(picky.token))
          .send({ grievanceChannel })
          .expect(200);
      const write = async (body: string) =>
        (
          await t
            .http()
            .post(`/v1/grievances/${g.body.id}/messages`)
            .set(auth(staff))
            .send({ body })
            .expect(201)
        ).body.id as string;

      expect((await pick('sms')).body.grievanceChannel).toBe('sms');
      expect(await channelsOf(await write('Позвоните нам'))).toEqual(['in_app', `sms ${picky.phone}`]);

      await pick('email');
      expect(await channelsOf(await write('Пришлите договор'))).toEqual([
        `email ${(await ds.query(`SELECT email FROM migrants WHERE id = $1`, [picky.id]))[0].email}`,
        'in_app',
      ]);

      await pick('in_app');
      expect(await channelsOf(await write('Ответ в кабинете'))).toEqual(['in_app']);

      // No pick: every channel the login has, as before.
      expect((await pick(null)).body.grievanceChannel).toBeNull();
      expect(await channelsOf(await write('Снова все каналы'))).toEqual(['in_app', `sms ${picky.phone}`]);
      await t
        .http()
        .patch(`/v1/migrants/${picky.id}`)
        .set(auth(picky.token))
        .send({ grievanceChannel: 'pigeon' })
        .expect(400);
    });

    it('the employer sees a grievance only once shared, never an anonymous person, and answers once', async () => {
      const g = await file(person.token, {
        category: 'wages_unpaid',
        description: 'Не платят',
        applicationId,
        anonymousToEmployer: true,
      }).expect(201);
      const employerGet = () => t.http().get(`/v1/grievances/${g.body.id}`).set(auth(setup.employer.token));
      await employerGet().expect(404);
      const before = await t.http().get('/v1/grievances').set(auth(setup.employer.token)).expect(200);
      expect(before.body.items.map((i: { id: string }) => i.id)).not.toContain(g.body.id);
      await t
        .http()
        .post(`/v1/grievances/${g.body.id}/employer-answer`)
        .set(auth(setup.employer.token))
        .send({ body: 'x' })
        .expect(404);

      await t.http().post(`/v1/grievances/${g.body.id}/share`).set(auth(person.token)).expect(403);
      await t.http().post(`/v1/grievances/${g.body.id}/share`).set(auth(staff)).expect(200);
      const seen = await employerGet().expect(200);
      expect(seen.body).toMatchObject({
        migrantId: null,
        personName: null,
        applicationId: null,
        description: 'Не платят',
      });
      expect(JSON.stringify(seen.body)).not.toContain(person.id);
      expect(seen.body.history).toBeUndefined();
      const listed = await t.http().get('/v1/grievances').set(auth(setup.employer.token)).expect(200);
      const item = listed.body.items.find((i: { id: string }) => i.id === g.body.id);
      expect(item.migrantId).toBeNull();

      const elsewhere = await createHiringSetup(t, staff);
      await t.http().get(`/v1/grievances/${g.body.id}`).set(auth(elsewhere.employer.token)).expect(404);

      const answer = () =>
        t
          .http()
          .post(`/v1/grievances/${g.body.id}/employer-answer`)
          .set(auth(setup.employer.token))
          .send({ body: 'Выплатим до пятницы' });
      const first = await answer().expect(200);
      expect(first.body.employerAnswer).toBe('Выплатим до пятницы');
      await answer().expect(409);
      const staffView = await t.http().get(`/v1/grievances/${g.body.id}`).set(auth(staff)).expect(200);
      expect(staffView.body.employerAnswer).toBe('Выплатим до пятницы');
    });

    it('shows the person’s name to the employer when not anonymous', async () => {
      const g = await file(person.token, { category: 'other', description: 'Открыто', applicationId }).expect(
        201,
      );
      await t.http().post(`/v1/grievances/${g.body.id}/share`).set(auth(staff)).expect(200);
      const seen = await t
        .http()
        .get(`/v1/grievances/${g.body.id}`)
        .set(auth(setup.employer.token))
        .expect(200);
      expect(seen.body.migrantId).toBe(person.id);
      expect(seen.body.personName).toEqual(expect.any(String));
    });

    it('flags employers with substantiated grievances and lets staff suspend and lift publishing', async () => {
      const s = await createHiringSetup(t, staff);
      const app = await applicationOf(other.id, s);
      const g = await file(other.token, {
        category: 'worker_charged',
        description: 'Взяли деньги',
        applicationId: app,
      }).expect(201);
      await move(g.body.id, { to: 'in_review' }).expect(200);
      await move(g.body.id, { to: 'resolved', outcome: 'substantiated' }).expect(200);
      const flagged = await t.http().get('/v1/employers/flagged').set(auth(staff)).expect(200);
      expect(flagged.body).toEqual(
        expect.arrayContaining([expect.objectContaining({ employerId: s.employer.id, substantiated: 1 })]),
      );
      await t.http().get('/v1/employers/flagged').set(auth(s.employer.token)).expect(403);
      const detail = await t.http().get(`/v1/grievances/${g.body.id}`).set(auth(staff)).expect(200);
      expect(detail.body.employerSubstantiated).toBe(1);

      const suspend = (token: string, body: Record<string, unknown>) =>
        t.http().post(`/v1/employers/${s.employer.id}/suspension`).set(auth(token)).send(body);
      await suspend(s.employer.token, { reason: 'Charging workers' }).expect(403);
      await suspend(staff, {}).expect(400);
      const res = await suspend(staff, { reason: 'Charging workers recruitment fees' }).expect(201);
      expect(res.body).toMatchObject({ status: 'suspended', unpublishedVacancyIds: [s.vacancy.id] });
      const [v] = await ds.query(`SELECT status FROM vacancies WHERE id = $1`, [s.vacancy.id]);
      expect(v.status).toBe('paused');
      await suspend(staff, { reason: 'again' }).expect(409);
      const notes = await ds.query(
        `SELECT n.payload FROM notifications n JOIN users u ON u.id = n.recipient_user_id
          WHERE u.employer_id = $1 AND n.template = 'employer_suspended' AND n.channel = 'in_app'`,
        [s.employer.id],
      );
      expect(notes[0].payload.reason).toBe('Charging workers recruitment fees');
      const publish = await t
        .http()
        .post(`/v1/vacancies/${s.vacancy.id}/publish`)
        .set(auth(s.employer.token));
      expect(publish.status).toBeGreaterThanOrEqual(400);
      expect(publish.status).toBeLessThan(500);

      const lifted = await t
        .http()
        .delete(`/v1/employers/${s.employer.id}/suspension`)
        .set(auth(staff))
        .expect(200);
      expect(lifted.body.status).toBe('verified');
      await t.http().delete(`/v1/employers/${s.employer.id}/suspension`).set(auth(staff)).expect(409);
      await t
        .http()
        .post(`/v1/employers/${crypto.randomUUID()}/suspension`)
        .set(auth(staff))
        .send({ reason: 'xyz' })
        .expect(404);
    });
  });

  describe('the kiosk', () => {
    let scenario: FairScenario;
    beforeAll(async () => {
      scenario = await createFairScenario(t, { staff });
    });

    const kioskFile = (body: Record<string, unknown>) =>
      t.http().post('/v1/kiosk/grievances').set(auth(scenario.kiosk.token)).send(body);

    it('files for a visitor of its fair, and not for anyone else', async () => {
      const visitor = await registerMigrant(t);
      await ds.query(`INSERT INTO fair_attendance (fair_id, migrant_id) VALUES ($1, $2)`, [
        scenario.fair.id,
        visitor.id,
      ]);
      const res = await kioskFile({
        category: 'harassment_violence',
        description: 'Угрожают',
        migrantId: visitor.id,
        lang: 'tg',
      }).expect(201);
      expect(res.body).toMatchObject({ channel: 'kiosk', fairId: scenario.fair.id, urgent: true });
      expect(res.body.hotlines[0].label).toContain('хадамоти');
      await kioskFile({ category: 'other', description: 'x', migrantId: other.id }).expect(404);
      await kioskFile({ category: 'other', description: 'x' }).expect(400);
      // A kiosk neither reads grievances nor files on the staff route; staff see where it was filed.
      await t.http().get(`/v1/grievances/${res.body.id}`).set(auth(scenario.kiosk.token)).expect(403);
      await file(scenario.kiosk.token, { category: 'other', description: 'x', migrantId: visitor.id }).expect(
        403,
      );
      await kioskFile({
        category: 'other',
        description: 'x',
        migrantId: visitor.id,
        fairId: crypto.randomUUID(),
      }).expect(400);
      await t
        .http()
        .post('/v1/kiosk/grievances')
        .set(auth(staff))
        .send({ category: 'other', description: 'x' })
        .expect(403);
    });
  });

  describe('the staff queue', () => {
    it('puts open urgent grievances first, then the earliest due date; a person sees only their own', async () => {
      const res = await t
        .http()
        .get('/v1/grievances?pageSize=100&state=received')
        .set(auth(staff))
        .expect(200);
      const items: { urgent: boolean; dueDate: string; description: string | null }[] = res.body.items;
      expect(items.length).toBeGreaterThan(3);
      const firstNonUrgent = items.findIndex((i) => !i.urgent);
      expect(items.slice(firstNonUrgent).every((i) => !i.urgent)).toBe(true);
      const dues = items.slice(firstNonUrgent).map((i) => i.dueDate);
      expect([...dues].sort()).toEqual(dues);
      // The queue shows no texts; reading one is audited.
      expect(items.every((i) => i.description === null)).toBe(true);
      const urgentOnly = await t
        .http()
        .get('/v1/grievances?urgent=true&category=forced_labour')
        .set(auth(staff))
        .expect(200);
      expect(urgentOnly.body.items.every((i: { category: string }) => i.category === 'forced_labour')).toBe(
        true,
      );
      await t.http().get('/v1/grievances?state=bogus').set(auth(staff)).expect(400);

      const mine = await t.http().get('/v1/grievances?pageSize=100').set(auth(other.token)).expect(200);
      expect(mine.body.items.every((i: { migrantId: string }) => i.migrantId === other.id)).toBe(true);
    });

    it('writes every staff read of a grievance to the audit trail', async () => {
      const g = await file(person.token, { category: 'other', description: 'Audit me' }).expect(201);
      await t.http().get(`/v1/grievances/${g.body.id}`).set(auth(staff)).expect(200);
      const rows = await ds.query(
        `SELECT actor_id FROM audit_log WHERE action = 'grievance.read' AND subject_id = $1`,
        [g.body.id],
      );
      expect(rows).toEqual([{ actor_id: staffUserId }]);
      await t.http().get(`/v1/grievances/${g.body.id}`).set(auth(person.token)).expect(200);
      const after = await ds.query(
        `SELECT 1 FROM audit_log WHERE action = 'grievance.read' AND subject_id = $1`,
        [g.body.id],
      );
      expect(after).toHaveLength(1);
    });
  });

  describe('erasure and reports', () => {
    it('erases texts and messages with the person, keeping an anonymised count', async () => {
      const gone = await registerMigrant(t, { gender: 'female', citizenship: 'TJ' });
      const g = await file(gone.token, { category: 'harassment_violence', description: 'Секрет' }).expect(
        201,
      );
      await t
        .http()
        .post(`/v1/grievances/${g.body.id}/messages`)
        .set(auth(staff))
        .send({ body: 'Ответ' })
        .expect(201);
      const before = await t.http().get('/v1/grievances/report?by=citizenship').set(auth(staff)).expect(200);
      const tjBefore = before.body.rows.find((r: { key: string }) => r.key === 'TJ');

      await t.http().post(`/v1/migrants/${gone.id}/erase`).set(auth(gone.token)).expect(200);
      const seen = await t.http().get(`/v1/grievances/${g.body.id}`).set(auth(staff)).expect(200);
      expect(seen.body).toMatchObject({ description: null, reportedTerms: null });
      expect(seen.body.erasedAt).not.toBeNull();
      expect(seen.body.messages).toEqual([expect.objectContaining({ body: null })]);
      const [row] = await ds.query(
        `SELECT description_enc, (SELECT body_enc FROM grievance_messages WHERE grievance_id = g.id LIMIT 1) AS msg
           FROM grievances g WHERE id = $1`,
        [g.body.id],
      );
      expect(row).toEqual({ description_enc: null, msg: null });
      const after = await t.http().get('/v1/grievances/report?by=citizenship').set(auth(staff)).expect(200);
      expect(after.body.rows.find((r: { key: string }) => r.key === 'TJ')).toEqual(tjBefore);
    });

    it('reports by category, citizenship, gender, employer, fair and region, counting women', async () => {
      for (const by of ['category', 'citizenship', 'gender', 'employer', 'fair', 'region']) {
        const res = await t.http().get(`/v1/grievances/report?by=${by}`).set(auth(staff)).expect(200);
        expect(res.body.by).toBe(by);
        expect(res.body.rows.length).toBeGreaterThan(0);
      }
      const gender = await t.http().get('/v1/grievances/report?by=gender').set(auth(staff)).expect(200);
      const female = gender.body.rows.find((r: { key: string }) => r.key === 'female');
      expect(female.women).toBe(female.total);
      expect(female.total).toBeGreaterThan(5);
      const cat = await t.http().get('/v1/grievances/report?by=category').set(auth(staff)).expect(200);
      const other = cat.body.rows.find((r: { key: string }) => r.key === 'other');
      expect(other.avgHoursToFirstResponse).not.toBeNull();
      await t.http().get('/v1/grievances/report?by=nothing').set(auth(staff)).expect(400);
      await t.http().get('/v1/grievances/report').set(auth(person.token)).expect(403);
    });

    it('exports CSV and XLSX', async () => {
      const csv = await t
        .http()
        .get('/v1/grievances/report?by=category&format=csv')
        .set(auth(staff))
        .expect(200);
      expect(csv.headers['content-type']).toContain('text/csv');
      expect(csv.text.replace('\uFEFF', '').split('\r\n')[0]).toBe(
        'key,label,total,women,men,urgent,substantiated,avgHoursToFirstResponse,avgHoursToClose',
      );
      const xlsx = await t
        .http()
        .get('/v1/grievances/report?by=gender&format=xlsx')
        .set(auth(staff))
        .buffer(true)
        .parse((res, cb) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => cb(null, Buffer.concat(chunks)));
        })
        .expect(200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(xlsx.body as unknown as Parameters<typeof book.xlsx.load>[0]);
      expect(book.getWorksheet('Grievances')!.getRow(1).getCell(1).value).toBe('key');
    });
  });
});
