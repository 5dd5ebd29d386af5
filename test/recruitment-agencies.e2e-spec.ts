import { DataSource } from 'typeorm';
import { TestApp, bootTestApp, staffToken } from 'test/harness/app';
import { registerMigrant } from 'test/harness/migrants.factory';
import {
  TestEmployer,
  VacancyView,
  createPublishedVacancy,
  createVerifiedEmployer,
} from 'test/harness/supply.factory';

const EMPLOYER_PAYS = {
  travel: 'employer',
  medicalExam: 'employer',
  patent: 'employer',
  housing: 'employer',
};

/** A taxpayer number of TJ or UZ: 9 digits, unique enough for one run's database. */
const nineDigits = (): string => String(Math.floor(100_000_000 + Math.random() * 899_999_999));

describe('licensed recruitment agencies kept by staff', () => {
  let t: TestApp;
  let ds: DataSource;
  let staff: string;
  let employer: TestEmployer;
  let vacancy: VacancyView;

  const auth = (token: string) => ({ authorization: `Bearer ${token}` });
  const agencyBody = (overrides: Record<string, unknown> = {}) => ({
    country: 'TJ',
    name: `Агентство «Кор» ${nineDigits()}`,
    taxId: nineDigits(),
    licenceNumber: 'ЛЦ-0042',
    issuingBody: 'Migration Service of the Republic of Tajikistan',
    licenceValidFrom: '2026-01-01',
    licenceValidUntil: '2028-12-31',
    source: 'Licence No. ЛЦ-0042 presented by the agency, copy checked on 2026-12-01',
    ...overrides,
  });
  const createAgency = (overrides: Record<string, unknown> = {}, token = staff) =>
    t.http().post('/v1/recruitment-agencies').set(auth(token)).send(agencyBody(overrides));
  const order = (overrides: Record<string, unknown> = {}) =>
    t
      .http()
      .post('/v1/recruitment/orders')
      .set(auth(employer.token))
      .send({
        vacancyId: vacancy.id,
        workers: 4,
        originCountries: ['TJ'],
        startsOn: '2027-03-01',
        endsOn: '2027-06-30',
        costs: EMPLOYER_PAYS,
        ...overrides,
      });
  const auditOf = (
    agencyId: string,
  ): Promise<
    Array<{
      action: string;
      actor_role: string;
      details: { changes: Record<string, { from: string; to: string }> };
    }>
  > =>
    ds.query(
      `SELECT action, actor_role, details, reason FROM audit_log
        WHERE subject_type = 'recruitment_agency' AND subject_id = $1 ORDER BY created_at, id`,
      [agencyId],
    );

  beforeAll(async () => {
    t = await bootTestApp();
    ds = t.app.get(DataSource);
    staff = await staffToken(t);
    employer = await createVerifiedEmployer(t, { staff });
    vacancy = await createPublishedVacancy(t, employer.token);
  });

  afterAll(() => t.close());

  it('lists an agency with its licence and source, on the audit trail; employers read the list to choose one', async () => {
    const body = agencyBody();
    const created = await t.http().post('/v1/recruitment-agencies').set(auth(staff)).send(body);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      country: 'TJ',
      taxId: body.taxId,
      licenceNumber: 'ЛЦ-0042',
      licenceValidFrom: '2026-01-01',
      licenceValidUntil: '2028-12-31',
      source: body.source,
      licenceStatus: 'active',
      statusReason: null,
    });
    const id = created.body.id as string;

    const list = await t
      .http()
      .get('/v1/recruitment-agencies')
      .query({ country: 'TJ' })
      .set(auth(employer.token));
    expect(list.status).toBe(200);
    expect(list.body.items.map((a: { id: string }) => a.id)).toContain(id);
    expect(list.body.items.every((a: { country: string }) => a.country === 'TJ')).toBe(true);
    const one = await t.http().get(`/v1/recruitment-agencies/${id}`).set(auth(employer.token));
    expect(one.status).toBe(200);
    expect(one.body.name).toBe(body.name);

    const audit = await auditOf(id);
    expect(audit).toEqual([
      expect.objectContaining({
        action: 'recruitment_agency.create',
        actor_role: 'staff',
        details: expect.objectContaining({ licenceNumber: 'ЛЦ-0042', source: body.source }),
      }),
    ]);

    // The same tax number in the same country is the same agency: 409.
    const twice = await createAgency({ taxId: body.taxId });
    expect(twice.status).toBe(409);
    expect(twice.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('refuses licence dates that do not exist or end before they start, and a tax number not in the country’s format', async () => {
    const backwards = await createAgency({ licenceValidFrom: '2027-05-01', licenceValidUntil: '2027-04-30' });
    expect(backwards.status).toBe(400);
    expect(backwards.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(backwards.body.errors).toEqual([expect.objectContaining({ field: 'licenceValidUntil' })]);
    const noSuchDay = await createAgency({ licenceValidFrom: '2027-02-30' });
    expect(noSuchDay.status).toBe(400);
    expect(noSuchDay.body.errors).toEqual([expect.objectContaining({ field: 'licenceValidFrom' })]);
    expect((await createAgency({ licenceValidUntil: '31.12.2028' })).status).toBe(400);
    // KG numbers have 14 digits: 9 is another country's format.
    const kg = await createAgency({ country: 'KG', taxId: nineDigits() });
    expect(kg.status).toBe(400);
    expect(kg.body.errors).toEqual([expect.objectContaining({ field: 'taxId' })]);
    expect((await createAgency({ taxId: '12345678' })).status).toBe(400);
    expect((await createAgency({ country: 'RU' })).status).toBe(400);
    expect((await createAgency({ source: undefined })).status).toBe(400);
    expect((await createAgency({ source: '   ' })).status).toBe(400);
    expect((await createAgency({ licenceNumber: 'x\u0000' })).status).toBe(400);
    expect((await createAgency({ owner: 'someone' })).status).toBe(400);
    const kgValid = await createAgency({ country: 'KG', taxId: `0${nineDigits()}1234` });
    expect(kgValid.status).toBe(201);

    const id = kgValid.body.id as string;
    const patchBackwards = await t
      .http()
      .patch(`/v1/recruitment-agencies/${id}`)
      .set(auth(staff))
      .send({ licenceValidUntil: '2025-12-31' });
    expect(patchBackwards.status).toBe(400);
    expect((await t.http().patch(`/v1/recruitment-agencies/${id}`).set(auth(staff)).send({})).status).toBe(
      400,
    );
    const unknown = await t
      .http()
      .patch('/v1/recruitment-agencies/00000000-0000-4000-8000-000000000000')
      .set(auth(staff))
      .send({ name: 'Nobody' });
    expect(unknown.status).toBe(404);
    expect((await t.http().get('/v1/recruitment-agencies/not-a-uuid').set(auth(staff))).status).toBe(400);
    expect(
      (await t.http().get('/v1/recruitment-agencies').query({ status: 'gone' }).set(auth(staff))).status,
    ).toBe(400);
  });

  it('lets only staff write: an employer is refused with 403, a migrant cannot even read the list', async () => {
    const created = await createAgency();
    const id = created.body.id as string;
    const byEmployer = await createAgency({}, employer.token);
    expect(byEmployer.status).toBe(403);
    expect(byEmployer.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(
      (
        await t
          .http()
          .patch(`/v1/recruitment-agencies/${id}`)
          .set(auth(employer.token))
          .send({ name: 'Mine' })
      ).status,
    ).toBe(403);
    expect(
      (
        await t
          .http()
          .post(`/v1/recruitment-agencies/${id}/licence-status`)
          .set(auth(employer.token))
          .send({ status: 'revoked', reason: 'because' })
      ).status,
    ).toBe(403);
    const migrant = await registerMigrant(t, { citizenship: 'TJ' });
    expect((await t.http().get('/v1/recruitment-agencies').set(auth(migrant.token))).status).toBe(403);
    expect((await t.http().get('/v1/recruitment-agencies')).status).toBe(401);
    // Nothing the refused calls asked for was written.
    expect((await auditOf(id)).map((a) => a.action)).toEqual(['recruitment_agency.create']);
  });

  it('refuses an order naming an agency that is unlisted, of another country or whose licence does not cover the order', async () => {
    const unlisted = await order({ agencyId: '00000000-0000-4000-8000-000000000000' });
    expect(unlisted.status).toBe(422);
    expect(unlisted.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(unlisted.body).toMatchObject({ type: '/problems/agency-not-licensed', reason: 'not_listed' });

    const uzbek = await createAgency({ country: 'UZ' });
    const otherCountry = await order({ agencyId: uzbek.body.id });
    expect(otherCountry.status).toBe(422);
    expect(otherCountry.body).toMatchObject({
      type: '/problems/agency-not-licensed',
      reason: 'other_country',
    });
    // Recruiting from Uzbekistan too, the Uzbek agency may be named.
    const both = await order({ agencyId: uzbek.body.id, originCountries: ['TJ', 'UZ'] });
    expect(both.status).toBe(201);
    expect(both.body.agencyId).toBe(uzbek.body.id);

    const expiring = await createAgency({ licenceValidUntil: '2027-05-31' });
    const expired = await order({ agencyId: expiring.body.id });
    expect(expired.status).toBe(422);
    expect(expired.body).toMatchObject({ type: '/problems/agency-not-licensed', reason: 'licence_dates' });
    expect(expired.body.detail).toContain('2027-05-31');
    const notYet = await createAgency({ licenceValidFrom: '2027-03-02' });
    expect((await order({ agencyId: notYet.body.id })).body.reason).toBe('licence_dates');

    // Staff correct the licence from the renewed decision: the order may now name it, and the change is audited.
    const renewed = await t
      .http()
      .patch(`/v1/recruitment-agencies/${expiring.body.id}`)
      .set(auth(staff))
      .send({
        licenceValidUntil: '2029-05-31',
        source: 'Renewal decision of 2027-01-10, register entry checked',
      });
    expect(renewed.status).toBe(200);
    expect(renewed.body.licenceValidUntil).toBe('2029-05-31');
    expect((await order({ agencyId: expiring.body.id })).status).toBe(201);
    const audit = await auditOf(expiring.body.id);
    expect(audit.map((a) => a.action)).toEqual(['recruitment_agency.create', 'recruitment_agency.update']);
    expect(audit[1].details.changes.licenceValidUntil).toEqual({ from: '2027-05-31', to: '2029-05-31' });

    const [{ n }] = await ds.query(
      `SELECT count(*)::int AS n FROM recruitment_orders WHERE agency_id = ANY($1::uuid[])`,
      [[notYet.body.id, uzbek.body.id]],
    );
    expect(n).toBe(1);
  });

  it('suspends a licence so that an order naming it cannot be approved, reinstates it, and keeps a revocation final', async () => {
    const agency = await createAgency();
    const id = agency.body.id as string;
    const placed = await order({ agencyId: id });
    expect(placed.status).toBe(201);
    const noReason = await t
      .http()
      .post(`/v1/recruitment-agencies/${id}/licence-status`)
      .set(auth(staff))
      .send({ status: 'suspended' });
    expect(noReason.status).toBe(400);
    const suspended = await t
      .http()
      .post(`/v1/recruitment-agencies/${id}/licence-status`)
      .set(auth(staff))
      .send({
        status: 'suspended',
        reason: 'Licence suspended by order of the Migration Service, 2026-12-05',
      });
    expect(suspended.status).toBe(200);
    expect(suspended.body).toMatchObject({
      licenceStatus: 'suspended',
      statusReason: expect.stringContaining('2026-12-05'),
    });

    const refused = await t.http().post(`/v1/recruitment/orders/${placed.body.id}/approve`).set(auth(staff));
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({
      type: '/problems/agency-not-licensed',
      reason: 'licence_suspended',
    });
    expect((await order({ agencyId: id })).status).toBe(422);
    const [{ status }] = await ds.query(`SELECT status FROM recruitment_orders WHERE id = $1`, [
      placed.body.id,
    ]);
    expect(status).toBe('pending');

    const reinstated = await t
      .http()
      .post(`/v1/recruitment-agencies/${id}/licence-status`)
      .set(auth(staff))
      .send({ status: 'active' });
    expect(reinstated.status).toBe(200);
    expect(reinstated.body.statusReason).toBeNull();
    const approved = await t.http().post(`/v1/recruitment/orders/${placed.body.id}/approve`).set(auth(staff));
    expect(approved.status).toBe(200);

    const revoked = await t
      .http()
      .post(`/v1/recruitment-agencies/${id}/licence-status`)
      .set(auth(staff))
      .send({ status: 'revoked', reason: 'Licence revoked, register entry of 2026-12-07' });
    expect(revoked.status).toBe(200);
    const back = await t
      .http()
      .post(`/v1/recruitment-agencies/${id}/licence-status`)
      .set(auth(staff))
      .send({ status: 'active' });
    expect(back.status).toBe(409);
    expect(back.body.type).toBe('/problems/invalid-transition');
    expect((await order({ agencyId: id })).body.reason).toBe('licence_revoked');
    const revokedList = await t
      .http()
      .get('/v1/recruitment-agencies')
      .query({ status: 'revoked' })
      .set(auth(staff));
    expect(revokedList.body.items.map((a: { id: string }) => a.id)).toContain(id);

    expect((await auditOf(id)).map((a) => a.action)).toEqual([
      'recruitment_agency.create',
      'recruitment_agency.suspend',
      'recruitment_agency.reinstate',
      'recruitment_agency.revoke',
    ]);
  });
});
