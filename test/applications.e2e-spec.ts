import { DataSource } from 'typeorm';
import { TestApp, bootTestApp, staffToken, unique } from 'test/harness/app';
import { applyOnline, createApplication } from 'test/harness/applications.factory';
import { RegisteredMigrant, registerMigrant } from 'test/harness/migrants.factory';
import {
  TestEmployer,
  VacancyView,
  createFairScenario,
  createPublishedVacancy,
  createVerifiedEmployer,
} from 'test/harness/supply.factory';

describe('applications online', () => {
  let t: TestApp;
  let ds: DataSource;
  let staff: string;
  let employer: TestEmployer;
  let otherEmployer: TestEmployer;
  let vacancy: VacancyView;
  let alice: RegisteredMigrant;
  let bob: RegisteredMigrant;

  const auth = (token: string) => ({ authorization: `Bearer ${token}` });
  const post = (token: string, body: unknown, key?: string) => {
    const req = t.http().post('/v1/applications').set(auth(token));
    if (key) req.set('idempotency-key', key);
    return req.send(body as object);
  };

  beforeAll(async () => {
    t = await bootTestApp();
    ds = t.app.get(DataSource);
    staff = await staffToken(t);
    [employer, otherEmployer] = await Promise.all([
      createVerifiedEmployer(t, { staff }),
      createVerifiedEmployer(t, { staff }),
    ]);
    vacancy = await createPublishedVacancy(t, employer.token);
    [alice, bob] = await Promise.all([registerMigrant(t), registerMigrant(t)]);
  });

  afterAll(() => t.close());

  describe('POST /v1/applications', () => {
    let applicationId: string;

    it('applies, keeping the terms snapshot and eligibility, with history and notifications', async () => {
      const res = await post(alice.token, { vacancyId: vacancy.id, message: 'Работал поваром 3 года' });
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        id: expect.any(String),
        status: 'submitted',
        vacancyId: vacancy.id,
        termsSnapshotId: vacancy.termsSnapshotId,
        createdAt: expect.any(String),
      });
      applicationId = res.body.id;

      const [row] = await ds.query(`SELECT * FROM applications WHERE id = $1`, [applicationId]);
      expect(row).toMatchObject({ migrant_id: alice.id, employer_id: employer.id, source: 'online' });
      expect(row.eligibility).toMatchObject({ status: expect.any(String), ruleSet: expect.any(Object) });

      const history = await ds.query(
        `SELECT from_status, to_status, actor_role FROM application_transitions WHERE application_id = $1`,
        [applicationId],
      );
      expect(history).toEqual([{ from_status: null, to_status: 'submitted', actor_role: 'migrant' }]);

      const notes = await ds.query(
        `SELECT n.template, u.migrant_id, u.employer_id FROM notifications n JOIN users u ON u.id = n.recipient_user_id
          WHERE n.payload->>'vacancyTitle' = $1 AND (u.migrant_id = $2 OR u.employer_id = $3)`,
        [vacancy.title, alice.id, employer.id],
      );
      expect(
        notes.filter((n: { template: string }) => n.template === 'application_received').length,
      ).toBeGreaterThan(0);
      expect(
        notes.filter((n: { template: string }) => n.template === 'new_application').length,
      ).toBeGreaterThan(0);
    });

    it('refuses a second application to the same vacancy (409 duplicate-application)', async () => {
      const res = await post(alice.token, { vacancyId: vacancy.id });
      expect(res.status).toBe(409);
      expect(res.body.type).toBe('/problems/duplicate-application');
    });

    it('replays the first answer for the same Idempotency-Key and refuses another body with it (422)', async () => {
      const v = await createPublishedVacancy(t, employer.token);
      const key = unique('apply-key-');
      const first = await post(bob.token, { vacancyId: v.id }, key);
      const again = await post(bob.token, { vacancyId: v.id }, key);
      expect(first.status).toBe(201);
      expect(again.status).toBe(201);
      expect(again.body).toEqual(first.body);
      // Completed in the application's own transaction (now() is the transaction's start): a crash after the
      // commit cannot leave the key open for a second run that would answer 409.
      const [stored] = await ds.query(
        `SELECT k.state, k.completed_at = a.created_at AS same_transaction, k.response_body
           FROM idempotency_keys k, applications a WHERE k.key = $1 AND a.id = $2`,
        [key, first.body.id],
      );
      expect(stored).toEqual({ state: 'completed', same_transaction: true, response_body: first.body });
      const other = await post(bob.token, { vacancyId: vacancy.id }, key);
      expect(other.status).toBe(422);
      expect(other.body.type).toBe('/problems/idempotency-key-reused');
      const [{ n }] = await ds.query(
        `SELECT count(*)::int AS n FROM applications WHERE migrant_id = $1 AND vacancy_id = $2`,
        [bob.id, v.id],
      );
      expect(n).toBe(1);
    });

    it('refuses a vacancy that is not published (409 vacancy-not-open)', async () => {
      const v = await createPublishedVacancy(t, employer.token);
      const paused = await t.http().post(`/v1/vacancies/${v.id}/pause`).set(auth(employer.token));
      expect(paused.status).toBe(200);
      const res = await post(alice.token, { vacancyId: v.id });
      expect(res.status).toBe(409);
      expect(res.body.type).toBe('/problems/vacancy-not-open');
    });

    it('refuses a vacancy of an employer that is no longer verified (409 employer-not-verified)', async () => {
      const e = await createVerifiedEmployer(t, { staff });
      const v = await createPublishedVacancy(t, e.token);
      await ds.query(`UPDATE employers SET status = 'pending' WHERE id = $1`, [e.id]);
      const res = await post(alice.token, { vacancyId: v.id });
      expect(res.status).toBe(409);
      expect(res.body.type).toBe('/problems/employer-not-verified');
    });

    it('answers 404 for an unknown vacancy, 400 for a bad body, 403 for a non-migrant', async () => {
      expect((await post(alice.token, { vacancyId: '00000000-0000-4000-8000-000000000000' })).status).toBe(
        404,
      );
      expect((await post(alice.token, { vacancyId: 'nope' })).status).toBe(400);
      expect((await post(alice.token, { vacancyId: vacancy.id, extra: 1 })).status).toBe(400);
      expect((await post(alice.token, { vacancyId: vacancy.id, message: 'a\u0000b' })).status).toBe(400);
      expect((await post(employer.token, { vacancyId: vacancy.id })).status).toBe(403);
      expect((await t.http().post('/v1/applications').send({ vacancyId: vacancy.id })).status).toBe(401);
    });

    it('lets the employer see the applicant’s profile and phone', async () => {
      const res = await t.http().get(`/v1/migrants/${alice.id}`).set(auth(employer.token));
      expect(res.status).toBe(200);
      expect(res.body.phone).toBe(alice.phone);
      expect((await t.http().get(`/v1/migrants/${alice.id}`).set(auth(otherEmployer.token))).status).toBe(
        404,
      );
    });

    describe('reading', () => {
      it('scopes GET /v1/applications by role', async () => {
        const mine = await t.http().get('/v1/applications').set(auth(alice.token));
        expect(mine.status).toBe(200);
        expect(mine.body.items.map((a: { id: string }) => a.id)).toContain(applicationId);
        expect(mine.body.items.every((a: { migrantId: string }) => a.migrantId === alice.id)).toBe(true);

        const bobs = await t.http().get('/v1/applications').set(auth(bob.token));
        expect(bobs.body.items.map((a: { id: string }) => a.id)).not.toContain(applicationId);

        const employers = await t.http().get('/v1/applications').set(auth(employer.token));
        expect(employers.body.items.map((a: { id: string }) => a.id)).toContain(applicationId);
        expect(employers.body.items.every((a: { employerId: string }) => a.employerId === employer.id)).toBe(
          true,
        );

        const others = await t.http().get('/v1/applications').set(auth(otherEmployer.token));
        expect(others.body).toMatchObject({ items: [], total: 0 });

        const all = await t
          .http()
          .get('/v1/applications')
          .query({ vacancyId: vacancy.id, status: 'submitted', from: '2020-01-01', pageSize: 5 })
          .set(auth(staff));
        expect(all.status).toBe(200);
        expect(all.body).toMatchObject({ page: 1, pageSize: 5 });
        expect(all.body.items.map((a: { id: string }) => a.id)).toContain(applicationId);
        expect(all.body.items[0]).toMatchObject({
          vacancyTitle: vacancy.title,
          employerName: expect.any(String),
        });

        const none = await t
          .http()
          .get('/v1/applications')
          .query({ vacancyId: vacancy.id, to: '2020-01-01' })
          .set(auth(staff));
        expect(none.body.total).toBe(0);
        const byStatus = await t
          .http()
          .get('/v1/applications')
          .query({ vacancyId: vacancy.id, status: 'hired' })
          .set(auth(staff));
        expect(byStatus.body.total).toBe(0);
      });

      it('refuses bad filters with 400', async () => {
        for (const query of [
          { status: 'nope' },
          { vacancyId: 'x' },
          { from: 'yesterday' },
          { pageSize: 1000 },
        ]) {
          const res = await t.http().get('/v1/applications').query(query).set(auth(staff));
          expect(res.status).toBe(400);
        }
      });

      it('shows one application only to its migrant, the vacancy’s employer and staff (others 404)', async () => {
        const url = `/v1/applications/${applicationId}`;
        expect((await t.http().get(url).set(auth(alice.token))).status).toBe(200);
        expect((await t.http().get(url).set(auth(employer.token))).status).toBe(200);
        const bySaff = await t.http().get(url).set(auth(staff));
        expect(bySaff.status).toBe(200);
        expect(bySaff.body).toMatchObject({ id: applicationId, migrantId: alice.id, status: 'submitted' });
        expect((await t.http().get(url).set(auth(bob.token))).status).toBe(404);
        expect((await t.http().get(url).set(auth(otherEmployer.token))).status).toBe(404);
        expect((await t.http().get('/v1/applications/not-a-uuid').set(auth(staff))).status).toBe(400);
      });

      it('refuses a kiosk token on application routes (403)', async () => {
        const scenario = await createFairScenario(t, { staff });
        const res = await t.http().get('/v1/applications').set(auth(scenario.kiosk.token));
        expect(res.status).toBe(403);
      });
    });

    describe('POST /v1/applications/:id/withdraw', () => {
      it('lets only the owner withdraw, once', async () => {
        const url = `/v1/applications/${applicationId}/withdraw`;
        expect((await t.http().post(url).set(auth(bob.token)).send({})).status).toBe(404);
        expect((await t.http().post(url).set(auth(employer.token)).send({})).status).toBe(403);
        const res = await t.http().post(url).set(auth(alice.token)).send({ reason: 'Нашёл другую работу' });
        expect(res.status).toBe(200);
        expect(res.body.status).toBe('withdrawn');
        const again = await t.http().post(url).set(auth(alice.token)).send({});
        expect(again.status).toBe(409);
        expect(again.body.type).toBe('/problems/invalid-transition');
        const history = await ds.query(
          `SELECT from_status, to_status, reason FROM application_transitions WHERE application_id = $1 ORDER BY id`,
          [applicationId],
        );
        expect(history[1]).toEqual({
          from_status: 'submitted',
          to_status: 'withdrawn',
          reason: 'Нашёл другую работу',
        });
      });
    });
  });

  describe('merging duplicate profiles', () => {
    it('keeps the older application where both profiles applied to the same vacancy', async () => {
      const first = await createApplication(t, {
        employer,
        vacancy: await createPublishedVacancy(t, employer.token),
      });
      const twin = await registerMigrant(t, { birthDate: first.migrant.birthDate });
      const later = await applyOnline(t, twin.token, first.vacancy.id);
      const res = await t
        .http()
        .post(`/v1/migrants/${first.migrant.id}/merge`)
        .set(auth(staff))
        .send({ intoId: twin.id });
      expect(res.status).toBe(200);
      const rows = await ds.query(`SELECT id, migrant_id FROM applications WHERE vacancy_id = $1`, [
        first.vacancy.id,
      ]);
      expect(rows).toEqual([{ id: first.applicationId, migrant_id: twin.id }]);
      const gone = await ds.query(`SELECT 1 FROM application_transitions WHERE application_id = $1`, [
        later.id,
      ]);
      expect(gone).toEqual([]);
    });
  });
});
