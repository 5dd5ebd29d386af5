import { DataSource } from 'typeorm';
import type { Response } from 'supertest';
import { AccessCodeHasher } from 'src/common/crypto/access-code-hasher';
import { TestApp, bootTestApp, staffToken, unique } from 'test/harness/app';
import { slotAt } from 'test/harness/interviews.factory';
import { migrantRegistration, registerMigrant } from 'test/harness/migrants.factory';
import {
  HiringSetup,
  createHiringSetup,
  dataSourceOf,
  insertApplication,
  insertMigrant,
} from 'test/harness/placements.factory';
import {
  FairScenario,
  createFairScenario,
  employerBody,
  fairBody,
  vacancyBody,
} from 'test/harness/supply.factory';

/**
 * Every route that honours Idempotency-Key completes the key in the transaction that makes its effect: the key's
 * row and the effect's row carry the same transaction id (xmin), so no crash can fall between the commit of the
 * effect and the stored answer, and a retry gets that answer instead of a second run (a second draft vacancy, a
 * second slot, a 409 where the first attempt succeeded).
 */
describe('Idempotency-Key completed with the effect (e2e)', () => {
  let t: TestApp;
  let ds: DataSource;
  let staff: string;
  let fair: FairScenario;
  let hiring: HiringSetup;

  beforeAll(async () => {
    t = await bootTestApp();
    ds = dataSourceOf(t);
    staff = await staffToken(t);
    fair = await createFairScenario(t, { staff });
    hiring = await createHiringSetup(t, staff, { positions: 10 });
  });
  afterAll(() => t.close());

  /** A POST of `body` (as `token`, or anonymous with null) under the key it is given. */
  const post =
    (path: string, token: string | null, body: object = {}) =>
    (key: string) => {
      const request = t.http().post(path).set('idempotency-key', key);
      if (token) request.set('authorization', `Bearer ${token}`);
      return request.send(body);
    };

  /**
   * Sends the request twice with one new key and checks: the expected status both times, the same body, the key
   * completed with that body, and written by the transaction that last wrote `table`'s row where `column` equals
   * `rowOf(body)` (the body's `id` unless given).
   */
  async function completedWithEffect(
    send: (key: string) => Promise<Response>,
    status: number,
    table: string,
    rowOf: (body: Record<string, unknown>) => string = (b) => b.id as string,
    column = 'id',
  ): Promise<Record<string, unknown>> {
    const key = unique('idem-');
    const first = await send(key);
    expect(first.status).toBe(status);
    const [stored] = await ds.query(
      `SELECT k.state, k.response_body, k.xmin::text = r.xmin::text AS same_transaction
         FROM idempotency_keys k, ${table} r WHERE k.key = $1 AND r.${column} = $2`,
      [key, rowOf(first.body)],
    );
    expect(stored).toEqual({ state: 'completed', response_body: first.body, same_transaction: true });
    const replay = await send(key);
    expect({ status: replay.status, type: replay.body.type }).toEqual({ status, type: first.body.type });
    expect(replay.body).toEqual(first.body);
    return first.body;
  }

  it('registering an employer', async () => {
    const body = employerBody();
    const created = await completedWithEffect(post('/v1/employers', null, body), 201, 'employers');
    expect(created.status).toBe('pending');
  });

  it('registering a migrant online', async () => {
    const body = migrantRegistration();
    await completedWithEffect(post('/v1/migrants', null, body), 201, 'migrants');
  });

  it('adding a document', async () => {
    const migrant = await registerMigrant(t);
    const body = { type: 'passport', number: 'FA1234567', issuingCountry: 'UZ', validUntil: '2031-01-01' };
    const created = await completedWithEffect(
      post(`/v1/migrants/${migrant.id}/documents`, migrant.token, body),
      201,
      'migrant_documents',
    );
    expect(created.number).toBe('••••••567');
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM migrant_documents WHERE migrant_id = $1`, [
      migrant.id,
    ]);
    expect(n).toBe(1);
  });

  it('creating and publishing a vacancy', async () => {
    const body = vacancyBody({ title: `Повар ${unique()}` });
    const draft = await completedWithEffect(
      post('/v1/vacancies', fair.employer.token, body),
      201,
      'vacancies',
    );
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM vacancies WHERE title = $1`, [body.title]);
    expect(n).toBe(1);
    const published = await completedWithEffect(
      post(`/v1/vacancies/${draft.id as string}/publish`, fair.employer.token),
      200,
      'vacancies',
    );
    expect(published.status).toBe('published');
  });

  it('creating a fair', async () => {
    const body = fairBody();
    await completedWithEffect(post('/v1/fairs', staff, body), 201, 'fairs');
  });

  it('publishing interview slots', async () => {
    const body = {
      slots: [slotAt(600, 20, { location: 'Room 1' }), slotAt(630, 20, { location: 'Room 2' })],
    };
    const created = await completedWithEffect(
      post(`/v1/vacancies/${fair.vacancy.id}/interview-slots`, fair.employer.token, body),
      201,
      'interview_slots',
      (b) => (b.items as Array<{ id: string }>)[1].id,
    );
    expect(created.items).toHaveLength(2);
    const [{ n }] = await ds.query(
      `SELECT count(*)::int AS n FROM interview_slots WHERE vacancy_id = $1 AND location IN ('Room 1', 'Room 2')`,
      [fair.vacancy.id],
    );
    expect(n).toBe(2);
  });

  it('a returning visitor checking in at a kiosk, counted once', async () => {
    const migrant = await registerMigrant(t);
    // As after an earlier kiosk visit: the person's login has an access code.
    await ds.query(`UPDATE users SET access_code_hash = $2 WHERE migrant_id = $1`, [
      migrant.id,
      t.app.get(AccessCodeHasher).hash('K7M2QX4P'),
    ]);
    const checkedIn = await completedWithEffect(
      post('/v1/kiosk/check-ins', fair.kiosk.token, { phone: migrant.phone, accessCode: 'K7M2QX4P' }),
      200,
      'fair_attendance',
      (b) => b.migrantId as string,
      'migrant_id',
    );
    expect(checkedIn).toEqual({ migrantId: migrant.id, visits: 1 });
  });

  it('moving an application, hiring, ending the placement and recording the duty done', async () => {
    // An EAEU citizen's application (eligible in Russia without documents) in the given status.
    const applicationIn = async (status: 'submitted' | 'offered') =>
      insertApplication(ds, {
        migrantId: await insertMigrant(ds, { citizenship: 'KG' }),
        vacancyId: hiring.vacancy.id,
        employerId: hiring.employer.id,
        status,
      });
    const moved = await applicationIn('submitted');
    const shortlisted = await completedWithEffect(
      post(`/v1/applications/${moved}/transitions`, hiring.employer.token, { to: 'shortlisted' }),
      200,
      'applications',
      (b) => b.applicationId as string,
    );
    expect(shortlisted).toEqual({ applicationId: moved, from: 'submitted', status: 'shortlisted' });

    const offered = await applicationIn('offered');
    const hired = await completedWithEffect(
      post(`/v1/applications/${offered}/transitions`, hiring.employer.token, {
        to: 'hired',
        contractStartDate: '2026-12-14',
      }),
      200,
      'placements',
      (b) => b.applicationId as string,
      'application_id',
    );
    const placement = hired.placement as { id: string };
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM placements WHERE application_id = $1`, [
      offered,
    ]);
    expect(n).toBe(1);

    const ended = await completedWithEffect(
      post(`/v1/placements/${placement.id}/terminate`, hiring.employer.token, {
        date: '2026-12-20',
        reason: 'Contract ended by agreement',
      }),
      200,
      'placements',
    );
    expect(ended.status).not.toBe('active');

    const [duty] = await ds.query(
      `SELECT id FROM employer_obligations WHERE placement_id = $1 AND kind = 'hire_notification'`,
      [placement.id],
    );
    const completion = { completedAt: new Date().toISOString(), reference: 'MVD-2026-12-0001' };
    const done = await completedWithEffect(
      post(`/v1/obligations/${duty.id as string}/complete`, hiring.employer.token, completion),
      200,
      'employer_obligations',
    );
    expect(done.status).toBe('done');
  });
});
