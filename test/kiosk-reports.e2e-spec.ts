import { DataSource } from 'typeorm';
import { TestApp, bootTestApp, login, staffToken } from 'test/harness/app';
import { kioskSubmission } from 'test/harness/applications.factory';
import { RegisteredMigrant, registerMigrant, uniqueMigrantPhone } from 'test/harness/migrants.factory';
import { dataSourceOf } from 'test/harness/placements.factory';
import { FairScenario, createFair, createFairScenario, registerKiosk } from 'test/harness/supply.factory';

/**
 * "Report a problem" at the kiosk for a visitor with no profile, naming the visitor's own application or
 * placement, and the help numbers the kiosk keeps for when it is offline.
 */
describe('kiosk reports (e2e)', () => {
  let t: TestApp;
  let ds: DataSource;
  let staff: string;
  let scenario: FairScenario;
  let khujand: { fairId: string; kiosk: { id: string; token: string } };
  let someone: RegisteredMigrant;

  const auth = (token: string) => ({ authorization: `Bearer ${token}` });
  const report = (token: string, body: Record<string, unknown>, key = crypto.randomUUID()) =>
    t.http().post('/v1/kiosk/grievances').set(auth(token)).set('Idempotency-Key', key).send(body);
  const reporter = (overrides: Record<string, unknown> = {}) => ({
    fullName: 'Зарина Саидова',
    phone: uniqueMigrantPhone(),
    citizenship: 'TJ',
    preferredLanguage: 'tg',
    consent: { dataProcessing: true, visibleToEmployers: false, version: '2025-01' },
    ...overrides,
  });
  const expectProblem = (res: { status: number; type: string }, status: number) => {
    expect(res.status).toBe(status);
    expect(res.type).toBe('application/problem+json');
  };

  beforeAll(async () => {
    t = await bootTestApp({ LEGAL_HELP_PHONE: 'RU=+7 495 123-45-67;*=+7 800 100-00-00' });
    ds = dataSourceOf(t);
    staff = await staffToken(t);
    scenario = await createFairScenario(t, { staff });
    const fair = await createFair(t, staff, {
      region: 'TJ-SU',
      city: 'Худжанд',
      venue: 'Дворец культуры',
      timezone: 'Asia/Dushanbe',
    });
    khujand = { fairId: fair.id, kiosk: await registerKiosk(t, staff, fair.id) };
    someone = await registerMigrant(t);
  });
  afterAll(() => t.close());

  describe('a visitor with no profile', () => {
    it('is registered with the report as the apply flow registers one: the access code on screen and by SMS', async () => {
      const who = reporter();
      const key = crypto.randomUUID();
      const res = await report(
        scenario.kiosk.token,
        { category: 'wages_unpaid', description: 'Не заплатили за ноябрь', migrant: who },
        key,
      );
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        channel: 'kiosk',
        fairId: scenario.fair.id,
        state: 'received',
        visitor: {
          migrantId: expect.any(String),
          identity: 'new',
          accessCode: expect.stringMatching(/^[ABCDEFGHJKMNPQRSTUVWXYZ2-9]{8}$/),
          accessCodeSent: true,
        },
      });
      const { migrantId, accessCode } = res.body.visitor;
      expect(res.body.migrantId).toBe(migrantId);
      const [profile] = await ds.query(
        `SELECT source, fair_id, birth_date, citizenship, preferred_language, gender FROM migrants WHERE id = $1`,
        [migrantId],
      );
      expect(profile).toEqual({
        source: 'kiosk',
        fair_id: scenario.fair.id,
        birth_date: null,
        citizenship: 'TJ',
        preferred_language: 'tg',
        gender: 'unspecified',
      });
      const [visit] = await ds.query(`SELECT kiosk_id, visits FROM fair_attendance WHERE migrant_id = $1`, [
        migrantId,
      ]);
      expect(visit).toEqual({ kiosk_id: scenario.kiosk.id, visits: 1 });
      const notes = await ds.query(
        `SELECT n.channel, n.locale FROM notifications n JOIN users u ON u.id = n.recipient_user_id
          WHERE u.migrant_id = $1 AND n.template = 'access_code' ORDER BY n.channel`,
        [migrantId],
      );
      expect(notes).toEqual([{ channel: 'sms', locale: 'tg' }]);

      // The code logs in, and the person finds their report among their own.
      const token = await login(t, { phone: who.phone, accessCode });
      const mine = await t.http().get('/v1/grievances').set(auth(token)).expect(200);
      expect(mine.body.items.map((g: { id: string }) => g.id)).toEqual([res.body.id]);

      // A retry with the same key answers the same, and registers nobody twice.
      const again = await report(
        scenario.kiosk.token,
        { category: 'wages_unpaid', description: 'Не заплатили за ноябрь', migrant: who },
        key,
      );
      expect(again.status).toBe(201);
      expect(again.body).toEqual(res.body);
      const profiles = await ds.query(`SELECT id FROM migrants WHERE phone = $1`, [who.phone]);
      expect(profiles).toHaveLength(1);
      // The key completed in the registration's own transaction, the access code kept only encrypted.
      const [stored] = await ds.query(
        `SELECT k.completed_at = m.created_at AS same_transaction, k.response_body
           FROM idempotency_keys k, migrants m WHERE k.key = $1 AND m.id = $2`,
        [key, migrantId],
      );
      expect(stored).toEqual({
        same_transaction: true,
        response_body: expect.objectContaining({
          id: res.body.id,
          visitor: { ...res.body.visitor, accessCode: { $sealed: expect.any(String) } },
        }),
      });
    });

    it('never reaches the profile of the person whose phone it gives: a new profile for staff to review', async () => {
      const res = await report(scenario.kiosk.token, {
        category: 'other',
        description: 'Хочу пожаловаться',
        migrant: reporter({ phone: someone.phone, birthDate: someone.birthDate }),
      });
      expect(res.status).toBe(201);
      expect(res.body.visitor).toMatchObject({
        identity: 'unconfirmed',
        accessCode: null,
        accessCodeSent: false,
      });
      expect(res.body.visitor.migrantId).not.toBe(someone.id);
      const theirs = await t.http().get('/v1/grievances').set(auth(someone.token)).expect(200);
      expect(theirs.body.items.map((g: { id: string }) => g.id)).not.toContain(res.body.id);
      const audit = await ds.query(
        `SELECT 1 FROM audit_log WHERE action = 'kiosk.identity_unconfirmed' AND actor_id = $1`,
        [scenario.kiosk.id],
      );
      expect(audit.length).toBeGreaterThan(0);
    });

    it('refuses a report that is not whole or names what a new profile cannot have (problem+json)', async () => {
      const body = { category: 'other', description: 'Проблема' };
      expectProblem(
        await report(scenario.kiosk.token, { ...body, migrant: reporter(), migrantId: someone.id }),
        400,
      );
      expectProblem(
        await report(scenario.kiosk.token, { ...body, migrant: reporter({ consent: undefined }) }),
        400,
      );
      expectProblem(
        await report(scenario.kiosk.token, {
          ...body,
          migrant: reporter({
            consent: { dataProcessing: false, visibleToEmployers: false, version: '2025-01' },
          }),
        }),
        400,
      );
      expectProblem(await report(scenario.kiosk.token, { ...body, migrant: reporter({ phone: '12' }) }), 400);
      expectProblem(
        await report(scenario.kiosk.token, { ...body, migrant: reporter({ citizenship: 'XX' }) }),
        400,
      );
      expectProblem(
        await report(scenario.kiosk.token, { ...body, migrant: reporter({ birthDate: '2999-01-01' }) }),
        400,
      );
      expectProblem(await report(scenario.kiosk.token, { ...body, migrant: 'me' }), 400);
      expectProblem(
        await report(scenario.kiosk.token, { ...body, migrant: reporter(), vacancyId: scenario.vacancy.id }),
        422,
      );
      expectProblem(await report(staff, { ...body, migrant: reporter() }), 403);
    });
  });

  describe('a proven visitor names their own application or placement', () => {
    let visitor: { migrantId: string; phone: string; accessCode: string; applicationId: string };
    let placementId: string;

    beforeAll(async () => {
      const body = kioskSubmission([scenario.vacancy.id]);
      const res = await t
        .http()
        .post('/v1/kiosk/applications')
        .set(auth(scenario.kiosk.token))
        .set('Idempotency-Key', crypto.randomUUID())
        .send(body)
        .expect(201);
      visitor = {
        migrantId: res.body.migrantId,
        phone: body.migrant.phone as string,
        accessCode: res.body.accessCode,
        applicationId: res.body.applications[0].id,
      };
      const [placement] = await ds.query(
        `INSERT INTO placements (application_id, migrant_id, vacancy_id, employer_id, contract_start_date,
                                 terms_snapshot_id)
         SELECT a.id, a.migrant_id, a.vacancy_id, a.employer_id, current_date, a.terms_snapshot_id
           FROM applications a WHERE a.id = $1 RETURNING id`,
        [visitor.applicationId],
      );
      placementId = placement.id;
    });

    const records = (token: string, body: Record<string, unknown>) =>
      t
        .http()
        .post('/v1/kiosk/visitor-records')
        .set(auth(token))
        .set('Idempotency-Key', crypto.randomUUID())
        .send(body);

    it('lists the visitor’s own applications and placements with the title and the advertised terms', async () => {
      const res = await records(scenario.kiosk.token, {
        phone: visitor.phone,
        accessCode: visitor.accessCode,
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ migrantId: visitor.migrantId, visits: 2 });
      expect(res.body.applications).toEqual([
        expect.objectContaining({
          id: visitor.applicationId,
          vacancyId: scenario.vacancy.id,
          vacancyTitle: scenario.vacancy.title,
          termsSnapshotId: scenario.vacancy.termsSnapshotId,
        }),
      ]);
      const pay = res.body.applications[0].terms.find((x: { term: string }) => x.term === 'pay');
      expect(pay.advertised).toMatchObject({ min: 80000, currency: 'RUB' });
      expect(res.body.placements).toEqual([
        expect.objectContaining({
          id: placementId,
          applicationId: visitor.applicationId,
          status: 'active',
          vacancyTitle: scenario.vacancy.title,
        }),
      ]);
    });

    it('lists nothing without the proof, and another visitor’s proof lists only theirs', async () => {
      expectProblem(
        await records(scenario.kiosk.token, { phone: visitor.phone, accessCode: 'ZZZZZZZZ' }),
        422,
      );
      expectProblem(await records(scenario.kiosk.token, { phone: visitor.phone }), 400);
      expectProblem(
        await records(scenario.kiosk.token, { phone: 'nope', accessCode: visitor.accessCode }),
        400,
      );
      expectProblem(await records(staff, { phone: visitor.phone, accessCode: visitor.accessCode }), 403);
      const other = kioskSubmission([scenario.vacancy.id]);
      const registered = await t
        .http()
        .post('/v1/kiosk/applications')
        .set(auth(scenario.kiosk.token))
        .set('Idempotency-Key', crypto.randomUUID())
        .send(other)
        .expect(201);
      const theirs = await records(scenario.kiosk.token, {
        phone: other.migrant.phone,
        accessCode: registered.body.accessCode,
      }).expect(200);
      expect(theirs.body.migrantId).toBe(registered.body.migrantId);
      expect(theirs.body.applications.map((a: { id: string }) => a.id)).toEqual([
        registered.body.applications[0].id,
      ]);
      expect(theirs.body.placements).toEqual([]);
      // That visitor cannot point a report at the first visitor's application or placement.
      const complaint = {
        category: 'terms_differ',
        description: 'Платят меньше',
        migrantId: theirs.body.migrantId,
      };
      expectProblem(
        await report(scenario.kiosk.token, { ...complaint, applicationId: visitor.applicationId }),
        404,
      );
      expectProblem(await report(scenario.kiosk.token, { ...complaint, placementId }), 404);
    });

    it('files the report with the advertised terms beside the reported ones', async () => {
      const byApplication = await report(scenario.kiosk.token, {
        category: 'terms_differ',
        description: 'Обещали 80 000, платят 50 000',
        migrantId: visitor.migrantId,
        applicationId: visitor.applicationId,
        reportedTerms: { monthlyPay: { amount: 50000, currency: 'RUB' } },
      });
      expect(byApplication.status).toBe(201);
      expect(byApplication.body).toMatchObject({
        channel: 'kiosk',
        applicationId: visitor.applicationId,
        vacancyId: scenario.vacancy.id,
        employerId: scenario.employer.id,
        comparison: { snapshotId: scenario.vacancy.termsSnapshotId, differing: ['pay'] },
      });
      const read = await t.http().get(`/v1/grievances/${byApplication.body.id}`).set(auth(staff)).expect(200);
      expect(read.body.comparison).toMatchObject({
        snapshotId: scenario.vacancy.termsSnapshotId,
        differing: ['pay'],
      });

      const byPlacement = await report(scenario.kiosk.token, {
        category: 'wages_unpaid',
        description: 'Зарплату задерживают',
        migrantId: visitor.migrantId,
        placementId,
      });
      expect(byPlacement.status).toBe(201);
      expect(byPlacement.body).toMatchObject({
        placementId,
        applicationId: visitor.applicationId,
        comparison: { snapshotId: scenario.vacancy.termsSnapshotId },
      });
    });

    it('a kiosk of another fair files nothing for the visitor, naming their application or not (404)', async () => {
      const complaint = {
        category: 'wages_unpaid',
        description: 'x',
        migrantId: visitor.migrantId,
        applicationId: visitor.applicationId,
      };
      expectProblem(await report(khujand.kiosk.token, complaint), 404);
      const { applicationId: _named, ...plain } = complaint;
      expectProblem(await report(khujand.kiosk.token, plain), 404);
    });
  });

  describe('help numbers for the kiosk to keep', () => {
    it('answers the numbers of the fair’s host country in the asked language, with the urgent categories', async () => {
      const ru = await t.http().get('/v1/kiosk/hotlines?lang=tg').set(auth(scenario.kiosk.token)).expect(200);
      expect(ru.body).toMatchObject({
        country: 'RU',
        lang: 'tg',
        urgentCategories: expect.arrayContaining([
          'forced_labour',
          'harassment_violence',
          'documents_retained',
        ]),
        urgentNotice: expect.any(String),
      });
      expect(ru.body.items.map((h: { number: string }) => h.number)).toEqual(['112', '+7 495 123-45-67']);
      expect(ru.body.items[0].label).toContain('ройгон');
      const tj = await t.http().get('/v1/kiosk/hotlines?lang=en').set(auth(khujand.kiosk.token)).expect(200);
      expect(tj.body.country).toBe('TJ');
      expect(tj.body.items.map((h: { number: string }) => h.number)).toEqual(['+7 800 100-00-00']);
      expectProblem(await t.http().get('/v1/kiosk/hotlines?lang=xx').set(auth(scenario.kiosk.token)), 400);
      expectProblem(await t.http().get('/v1/kiosk/hotlines').set(auth(staff)), 403);
      expectProblem(await t.http().get('/v1/kiosk/hotlines'), 401);
    });

    it('an urgent kiosk report without an employer answers the numbers of the fair’s country', async () => {
      const res = await report(khujand.kiosk.token, {
        category: 'documents_retained',
        description: 'Забрали паспорт',
        migrant: reporter({ preferredLanguage: 'en' }),
        lang: 'en',
      });
      expect(res.status).toBe(201);
      const kept = await t
        .http()
        .get('/v1/kiosk/hotlines?lang=en')
        .set(auth(khujand.kiosk.token))
        .expect(200);
      expect(res.body.hotlines).toEqual(kept.body.items);
      expect(res.body.urgentNotice).toBe(kept.body.urgentNotice);
      // Staff reading it later see the same numbers.
      const read = await t.http().get(`/v1/grievances/${res.body.id}?lang=en`).set(auth(staff)).expect(200);
      expect(read.body.hotlines).toEqual(kept.body.items);
    });
  });
});
