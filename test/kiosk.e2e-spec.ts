import { DataSource } from 'typeorm';
import { TestApp, bootTestApp, login, staffToken, unique, waitFor } from 'test/harness/app';
import { kioskSubmission } from 'test/harness/applications.factory';
import {
  FairScenario,
  addFairVacancies,
  createFairScenario,
  createPublishedVacancy,
} from 'test/harness/supply.factory';

describe('fair kiosk', () => {
  let t: TestApp;
  let ds: DataSource;
  let staff: string;
  let a: FairScenario;
  let b: FairScenario;
  let secondVacancyId: string;

  const auth = (token: string) => ({ authorization: `Bearer ${token}` });
  const submit = (token: string, body: unknown, key: string | null = unique('kiosk-key-')) => {
    const req = t.http().post('/v1/kiosk/applications').set(auth(token));
    if (key) req.set('idempotency-key', key);
    return req.send(body as object);
  };
  const countByPhone = async (phone: string) => {
    const [row] = await ds.query(
      `SELECT (SELECT count(*)::int FROM migrants WHERE phone = $1) AS migrants,
              (SELECT count(*)::int FROM applications a JOIN migrants m ON m.id = a.migrant_id WHERE m.phone = $1)
                AS applications`,
      [phone],
    );
    return row as { migrants: number; applications: number };
  };

  beforeAll(async () => {
    t = await bootTestApp();
    ds = t.app.get(DataSource);
    staff = await staffToken(t);
    [a, b] = await Promise.all([createFairScenario(t, { staff }), createFairScenario(t, { staff })]);
    const second = await createPublishedVacancy(t, a.employer.token, {
      title: 'Кухонный работник',
      occupationCode: '9412',
    });
    await addFairVacancies(t, a.employer.token, a.fair.id, [second.id]);
    secondVacancyId = second.id;
  });

  afterAll(() => t.close());

  describe('GET /v1/kiosk/vacancies', () => {
    it('lists the fair’s vacancies with what a visitor needs, in their language', async () => {
      const res = await t.http().get('/v1/kiosk/vacancies').query({ lang: 'uz' }).set(auth(a.kiosk.token));
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ fairId: a.fair.id, lang: 'uz' });
      const ids = res.body.items.map((v: { id: string }) => v.id);
      expect(ids.sort()).toEqual([a.vacancy.id, secondVacancyId].sort());
      const cook = res.body.items.find((v: { id: string }) => v.id === a.vacancy.id);
      expect(cook).toMatchObject({
        occupation: { code: '5120', label: expect.any(String) },
        employer: { id: a.employer.id, name: expect.any(String), booth: 'A-1' },
        region: { code: 'RU-MOW', name: expect.any(String) },
        city: 'Москва',
        salary: { min: 80000, max: 100000, currency: 'RUB', period: 'month', gross: true },
        schedule: 'full_time',
        housing: { provided: true, costPerMonth: 0 },
        termsSnapshotId: a.vacancy.termsSnapshotId,
      });
      const ru = await t.http().get('/v1/kiosk/vacancies').query({ lang: 'ru' }).set(auth(a.kiosk.token));
      const cookRu = ru.body.items.find((v: { id: string }) => v.id === a.vacancy.id);
      expect(cookRu.occupation.label).not.toBe(cook.occupation.label);
    });

    it('refuses an unknown language (400) and a user token (403)', async () => {
      expect(
        (await t.http().get('/v1/kiosk/vacancies').query({ lang: 'xx' }).set(auth(a.kiosk.token))).status,
      ).toBe(400);
      expect((await t.http().get('/v1/kiosk/vacancies').set(auth(staff))).status).toBe(403);
      expect((await t.http().get('/v1/kiosk/vacancies')).status).toBe(401);
    });
  });

  describe('POST /v1/kiosk/applications', () => {
    it('registers the visitor, counts the visit, applies and gives an access code', async () => {
      const body = kioskSubmission([a.vacancy.id, secondVacancyId]);
      const res = await submit(a.kiosk.token, body);
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        migrantId: expect.any(String),
        identity: 'new',
        accessCode: expect.stringMatching(/^[ABCDEFGHJKMNPQRSTUVWXYZ2-9]{8}$/),
        accessCodeSent: false,
        applications: [
          { id: expect.any(String), vacancyId: a.vacancy.id, status: 'submitted' },
          { id: expect.any(String), vacancyId: secondVacancyId, status: 'submitted' },
        ],
      });
      const { migrantId, accessCode } = res.body;
      const [attendance] = await ds.query(`SELECT * FROM fair_attendance WHERE migrant_id = $1`, [migrantId]);
      expect(attendance).toMatchObject({ fair_id: a.fair.id, kiosk_id: a.kiosk.id, visits: 1 });
      const apps = await ds.query(
        `SELECT source, fair_id, kiosk_id, eligibility FROM applications WHERE migrant_id = $1`,
        [migrantId],
      );
      expect(apps).toHaveLength(2);
      for (const app of apps) {
        expect(app).toMatchObject({ source: 'kiosk', fair_id: a.fair.id, kiosk_id: a.kiosk.id });
        expect(app.eligibility).toMatchObject({ status: expect.any(String) });
      }
      const history = await ds.query(
        `SELECT actor_role FROM application_transitions WHERE application_id = $1`,
        [res.body.applications[0].id],
      );
      expect(history).toEqual([{ actor_role: 'kiosk' }]);
      const notes = await ds.query(
        `SELECT n.template, n.channel, n.locale FROM notifications n JOIN users u ON u.id = n.recipient_user_id
          WHERE u.migrant_id = $1 ORDER BY n.template, n.channel`,
        [migrantId],
      );
      expect(notes).toEqual(
        expect.arrayContaining([
          { template: 'access_code', channel: 'sms', locale: 'tg' },
          { template: 'application_received', channel: 'sms', locale: 'tg' },
        ]),
      );
      expect(
        notes.some(
          (n: { template: string; channel: string }) =>
            n.template === 'access_code' && n.channel === 'in_app',
        ),
      ).toBe(false);

      // The code logs in (case-insensitively) and lets the person set a password.
      const phone = body.migrant.phone as string;
      const token = await login(t, { phone, accessCode: accessCode.toLowerCase() });
      const me = await t.http().get('/v1/auth/me').set(auth(token));
      expect(me.body).toMatchObject({ role: 'migrant', migrantId });
      const mine = await t.http().get('/v1/applications').set(auth(token));
      expect(mine.body.total).toBe(2);
      const set = await t
        .http()
        .post('/v1/me/password')
        .set(auth(token))
        .send({ password: 'new-password-1' });
      expect(set.status).toBe(204);
      await login(t, { phone, password: 'new-password-1' });
      const change = await t
        .http()
        .post('/v1/me/password')
        .set(auth(token))
        .send({ password: 'newer-password-2' });
      expect(change.status).toBe(400);
      const wrong = await t
        .http()
        .post('/v1/me/password')
        .set(auth(token))
        .send({ password: 'newer-password-2', currentPassword: 'wrong-password' });
      expect(wrong.status).toBe(403);
      expect(
        (await t.http().post('/v1/me/password').set(auth(a.kiosk.token)).send({ password: 'xxxxxxxxxx' }))
          .status,
      ).toBe(403);
    });

    it('acts for a returning person who shows their access code, reports an earlier application as it stands and applies to the rest', async () => {
      const body = kioskSubmission([a.vacancy.id]);
      const first = await submit(a.kiosk.token, body);
      expect(first.status).toBe(201);
      const again = await submit(a.kiosk.token, {
        ...body,
        identification: { accessCode: first.body.accessCode },
        vacancyIds: [a.vacancy.id, secondVacancyId],
      });
      expect(again.status).toBe(201);
      expect(again.body).toMatchObject({ migrantId: first.body.migrantId, identity: 'confirmed' });
      // Proven by the code, the person keeps it: nothing new on the screen, nothing texted.
      expect(again.body.accessCode).toBeNull();
      expect(again.body.accessCodeSent).toBe(false);
      expect(again.body.applications).toEqual([
        { id: first.body.applications[0].id, vacancyId: a.vacancy.id, status: 'submitted' },
        { id: expect.any(String), vacancyId: secondVacancyId, status: 'submitted' },
      ]);
      const [attendance] = await ds.query(`SELECT visits FROM fair_attendance WHERE migrant_id = $1`, [
        first.body.migrantId,
      ]);
      expect(attendance.visits).toBe(2);
      const phone = body.migrant.phone as string;
      await login(t, { phone, accessCode: first.body.accessCode });
    });

    it('gives no access code when the phone is another person’s login, and texts the visitor instead', async () => {
      const first = kioskSubmission([a.vacancy.id]);
      const owner = await submit(a.kiosk.token, first);
      expect(owner.status).toBe(201);
      // The same phone, another birth date: another person (a relative's phone), not the same profile.
      const other = {
        ...first,
        migrant: { ...first.migrant, birthDate: '1991-02-03', fullName: 'Другой Человек' },
      };
      const res = await submit(a.kiosk.token, { ...other, vacancyIds: [secondVacancyId] });
      expect(res.status).toBe(201);
      expect(res.body.migrantId).not.toBe(owner.body.migrantId);
      expect(res.body.accessCode).toBeNull();
      expect(res.body.accessCodeSent).toBe(false);
      const phone = first.migrant.phone as string;
      const users = await ds.query(`SELECT migrant_id FROM users WHERE phone = $1`, [phone]);
      expect(users).toEqual([{ migrant_id: owner.body.migrantId }]);
      const [visit] = await ds.query(`SELECT visits FROM fair_attendance WHERE migrant_id = $1`, [
        res.body.migrantId,
      ]);
      expect(visit.visits).toBe(1);
      const sms = await ds.query(
        `SELECT channel, recipient_address, template FROM notifications WHERE dedupe_key LIKE $1`,
        [`application:${res.body.applications[0].id}:received%`],
      );
      expect(sms).toEqual([{ channel: 'sms', recipient_address: phone, template: 'application_received' }]);
      // The owner's code still opens the owner's account.
      await login(t, { phone, accessCode: owner.body.accessCode });
    });

    it('replays the same body for the same key and refuses another body with it (422)', async () => {
      const body = kioskSubmission([a.vacancy.id]);
      const key = unique('kiosk-replay-');
      const first = await submit(a.kiosk.token, body, key);
      const replay = await submit(a.kiosk.token, body, key);
      expect(first.status).toBe(201);
      expect(replay.status).toBe(201);
      expect(replay.body).toEqual(first.body);
      // The key was completed in the submission's own transaction (now() is the transaction's start), so a crash
      // after the commit cannot leave it open for a second run.
      const [stored] = await ds.query(
        `SELECT k.state, k.completed_at = m.created_at AS same_transaction, k.response_body
           FROM idempotency_keys k, migrants m WHERE k.key = $1 AND m.id = $2`,
        [key, first.body.migrantId],
      );
      // The access code is kept only encrypted (docs/SECURITY.md); the replay above showed it decrypted.
      expect(stored).toEqual({
        state: 'completed',
        same_transaction: true,
        response_body: { ...first.body, accessCode: { $sealed: expect.any(String) } },
      });
      const other = await submit(a.kiosk.token, kioskSubmission([a.vacancy.id]), key);
      expect(other.status).toBe(422);
      expect(other.body.type).toBe('/problems/idempotency-key-reused');
      expect(await countByPhone(body.migrant.phone as string)).toEqual({ migrants: 1, applications: 1 });
    });

    it('creates one person and one set of applications from two simultaneous submissions with one key', async () => {
      const body = kioskSubmission([a.vacancy.id, secondVacancyId]);
      const key = unique('kiosk-race-');
      const [x, y] = await Promise.all([submit(a.kiosk.token, body, key), submit(a.kiosk.token, body, key)]);
      expect([x.status, y.status]).toEqual([201, 201]);
      expect(y.body).toEqual(x.body);
      expect(await countByPhone(body.migrant.phone as string)).toEqual({ migrants: 1, applications: 2 });
    });

    it('lets exactly one of two retries take over a key whose first holder died', async () => {
      const registration = kioskSubmission([a.vacancy.id]);
      const registered = await submit(a.kiosk.token, registration);
      expect(registered.status).toBe(201);
      // A returning visitor with their code, so that the rerun acts for the same person.
      const body = { ...registration, identification: { accessCode: registered.body.accessCode } };
      const key = unique('kiosk-orphan-');
      const first = await submit(a.kiosk.token, body, key);
      expect(first.status).toBe(201);
      // As if the process that held the key had died mid-request: still processing, lease run out.
      const [, orphaned] = await ds.query(
        `UPDATE idempotency_keys SET state = 'processing', response_body = NULL, completed_at = NULL,
                lease_until = now() - interval '1 second'
          WHERE key = $1`,
        [key],
      );
      expect(orphaned).toBe(1);
      // Hold the key's row so that both retries see the lease run out and queue up to take it over.
      const holder = ds.createQueryRunner();
      await holder.connect();
      await holder.startTransaction();
      await holder.query(`SELECT 1 FROM idempotency_keys WHERE key = $1 FOR UPDATE`, [key]);
      const retries = Promise.all([submit(a.kiosk.token, body, key), submit(a.kiosk.token, body, key)]);
      try {
        await waitFor(async () => {
          const [{ n }] = await ds.query(
            `SELECT count(*)::int AS n FROM pg_stat_activity
              WHERE datname = current_database() AND wait_event_type = 'Lock'
                AND query LIKE 'UPDATE idempotency_keys SET lease_until%'`,
          );
          return n === 2;
        });
      } finally {
        await holder.commitTransaction();
        await holder.release();
      }
      const [x, y] = await retries;
      expect([x.status, y.status]).toEqual([201, 201]);
      expect(y.body).toEqual(x.body);
      expect(x.body.migrantId).toBe(first.body.migrantId);
      // The submission ran once more, not twice: one more visit counted.
      const [visit] = await ds.query(`SELECT visits FROM fair_attendance WHERE migrant_id = $1`, [
        first.body.migrantId,
      ]);
      expect(visit.visits).toBe(3);
      expect(await countByPhone(body.migrant.phone as string)).toEqual({ migrants: 1, applications: 1 });
    });

    it('refuses a vacancy of another fair with 422 and writes nothing', async () => {
      const body = kioskSubmission([a.vacancy.id, b.vacancy.id]);
      const res = await submit(a.kiosk.token, body);
      expect(res.status).toBe(422);
      expect(res.body.type).toBe('/problems/vacancy-not-at-fair');
      expect(res.body.vacancyIds).toEqual([b.vacancy.id]);
      expect(await countByPhone(body.migrant.phone as string)).toEqual({ migrants: 0, applications: 0 });
    });

    it('refuses a closed vacancy of the fair (409) and writes nothing', async () => {
      const v = await createPublishedVacancy(t, a.employer.token);
      await addFairVacancies(t, a.employer.token, a.fair.id, [v.id]);
      await t.http().post(`/v1/vacancies/${v.id}/pause`).set(auth(a.employer.token));
      const body = kioskSubmission([v.id]);
      const res = await submit(a.kiosk.token, body);
      expect(res.status).toBe(409);
      expect(res.body.type).toBe('/problems/vacancy-not-open');
      expect(await countByPhone(body.migrant.phone as string)).toEqual({ migrants: 0, applications: 0 });
    });

    it('validates the whole body and requires an Idempotency-Key', async () => {
      const valid = kioskSubmission([a.vacancy.id]);
      expect((await submit(a.kiosk.token, valid, null)).status).toBe(400);
      const bad: unknown[] = [
        {},
        { ...valid, vacancyIds: [] },
        { ...valid, vacancyIds: Array.from({ length: 11 }, () => a.vacancy.id) },
        { ...valid, vacancyIds: ['x'] },
        { ...valid, migrant: { ...valid.migrant, password: 'secret-password' } },
        {
          ...valid,
          migrant: {
            ...valid.migrant,
            consent: { ...(valid.migrant.consent as object), dataProcessing: false },
          },
        },
        { ...valid, migrant: { ...valid.migrant, phone: '12' } },
        { ...valid, migrant: { ...valid.migrant, fullName: 'A\u0000B' } },
        { ...valid, migrant: { ...valid.migrant, birthDate: '2099-01-01' } },
        { ...valid, migrant: { ...valid.migrant, citizenship: 'XX' } },
        { ...valid, migrant: [valid.migrant] },
        { ...valid, migrant: 'someone' },
      ];
      for (const body of bad) {
        const res = await submit(a.kiosk.token, body);
        expect({ body, status: res.status }).toEqual({ body, status: 400 });
      }
    });

    it('is for kiosks only (403 with a user token)', async () => {
      const res = await t
        .http()
        .post('/v1/kiosk/applications')
        .set(auth(staff))
        .set('idempotency-key', unique('k-'))
        .send(kioskSubmission([a.vacancy.id]));
      expect(res.status).toBe(403);
    });
  });

  describe('POST /v1/kiosk/check-ins', () => {
    let phone: string;
    let birthDate: string;
    let code: string;
    let migrantId: string;

    beforeAll(async () => {
      const body = kioskSubmission([a.vacancy.id]);
      const res = await submit(a.kiosk.token, body);
      ({ migrantId, accessCode: code } = res.body);
      phone = body.migrant.phone as string;
      birthDate = body.migrant.birthDate as string;
    });

    const checkIn = (token: string, body: unknown) =>
      t
        .http()
        .post('/v1/kiosk/check-ins')
        .set(auth(token))
        .send(body as object);

    it('counts a returning visitor who shows their access code', async () => {
      const byCode = await checkIn(a.kiosk.token, { phone, accessCode: code.toLowerCase() });
      expect(byCode.status).toBe(200);
      expect(byCode.body).toEqual({ migrantId, visits: 2 });
      // At another fair it is the first visit.
      const elsewhere = await checkIn(b.kiosk.token, { phone, accessCode: code });
      expect(elsewhere.body).toEqual({ migrantId, visits: 1 });
    });

    it('takes no birth date as proof (400), answers 422 for a wrong code and 400 for an ambiguous body', async () => {
      const byBirth = await checkIn(a.kiosk.token, { phone, birthDate });
      expect(byBirth.status).toBe(400);
      expect(byBirth.body.errors).toEqual([
        { field: 'birthDate', message: expect.stringMatching(/no proof/) },
      ]);
      const wrong = await checkIn(a.kiosk.token, { phone, accessCode: 'ZZZZZZZZ' });
      expect(wrong.status).toBe(422);
      expect(wrong.body.type).toBe('/problems/identification-failed');
      expect((await checkIn(a.kiosk.token, { phone })).status).toBe(400);
      expect((await checkIn(a.kiosk.token, { phone, accessCode: code, code: '123456' })).status).toBe(400);
      expect((await checkIn(a.kiosk.token, { accessCode: code })).status).toBe(400);
      expect((await checkIn(staff, { phone, accessCode: code })).status).toBe(403);
    });
  });
});
