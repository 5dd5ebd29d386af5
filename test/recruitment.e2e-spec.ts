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

describe('organised recruitment', () => {
  let t: TestApp;
  let ds: DataSource;
  let staff: string;
  let employer: TestEmployer;
  let vacancy: VacancyView;

  const auth = (token: string) => ({ authorization: `Bearer ${token}` });
  const order = (token: string, overrides: Record<string, unknown> = {}) =>
    t
      .http()
      .post('/v1/recruitment/orders')
      .set(auth(token))
      .send({
        vacancyId: vacancy.id,
        workers: 5,
        originCountries: ['TJ', 'UZ'],
        startsOn: '2027-03-01',
        endsOn: '2027-06-30',
        costs: EMPLOYER_PAYS,
        ...overrides,
      });

  beforeAll(async () => {
    t = await bootTestApp();
    ds = t.app.get(DataSource);
    staff = await staffToken(t);
    employer = await createVerifiedEmployer(t, { staff });
    vacancy = await createPublishedVacancy(t, employer.token);
    // The run's database holds other specs' recruits too: the funnel is compared with what it said before.
    for (const groupBy of ['citizenship', 'origin_region']) {
      const res = await t.http().get('/v1/recruitment/funnel').query({ groupBy }).set(auth(staff));
      for (const row of res.body.rows as FunnelRow[]) before.set(`${groupBy}:${row.group}`, row);
    }
  });

  afterAll(() => t.close());

  type FunnelRow = { group: string } & Record<string, number>;
  const before = new Map<string, FunnelRow>();
  /** The row's counts less those before this spec ran. */
  const added = (groupBy: string, row: FunnelRow | undefined): Record<string, number> | undefined => {
    if (!row) return undefined;
    const base = before.get(`${groupBy}:${row.group}`);
    return Object.fromEntries(
      Object.entries(row)
        .filter(([k]) => k !== 'group')
        .map(([k, v]) => [k, Number(v) - Number(base?.[k] ?? 0)]),
    );
  };

  it('refuses an order that puts any cost on the worker (employer pays)', async () => {
    const res = await order(employer.token, { costs: { ...EMPLOYER_PAYS, travel: 'worker' } });
    expect(res.status).toBe(422);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.type).toBe('/problems/worker-paid-cost');
  });

  it('refuses an agency that is not listed, and an order for a vacancy of another employer', async () => {
    expect((await order(employer.token, { agencyId: 'some-middleman' })).status).toBe(400);
    const unlisted = await order(employer.token, { agencyId: '00000000-0000-4000-8000-00000000a9e7' });
    expect(unlisted.status).toBe(422);
    expect(unlisted.body.type).toBe('/problems/agency-not-licensed');
    const other = await createVerifiedEmployer(t, { staff });
    expect((await order(other.token)).status).toBe(404);
  });

  it('takes a recruit through every journey step of an approved order, refusing an illegal step with 409', async () => {
    const placed = await order(employer.token);
    expect(placed.status).toBe(201);
    expect(placed.body).toMatchObject({ status: 'pending', workers: 5, originCountries: ['TJ', 'UZ'] });
    const orderId = placed.body.id as string;
    const person = await registerMigrant(t, {
      citizenship: 'TJ',
      preferredLanguage: 'tg',
      consent: { dataProcessing: true, visibleToEmployers: true, version: '2025-01' },
    });
    // Someone who did not consent to be seen by employers is not the employer's to select (404, nothing told).
    const hidden = await registerMigrant(t, { citizenship: 'TJ' });

    // Not before staff approve it; the employer cannot approve its own order.
    const early = await t.http().post(`/v1/recruitment/orders/${orderId}/recruits`).set(auth(employer.token));
    expect([400, 409]).toContain(early.status);
    expect(
      (await t.http().post(`/v1/recruitment/orders/${orderId}/approve`).set(auth(employer.token))).status,
    ).toBe(403);
    const approved = await t.http().post(`/v1/recruitment/orders/${orderId}/approve`).set(auth(staff));
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('approved');

    const notVisible = await t
      .http()
      .post(`/v1/recruitment/orders/${orderId}/recruits`)
      .set(auth(employer.token))
      .send({ migrantId: hidden.id });
    expect(notVisible.status).toBe(404);
    const selected = await t
      .http()
      .post(`/v1/recruitment/orders/${orderId}/recruits`)
      .set(auth(employer.token))
      .send({ migrantId: person.id });
    expect(selected.status).toBe(201);
    expect(selected.body.status).toBe('selected');
    const recruitId = selected.body.id as string;
    const step = (token: string, body: Record<string, unknown>) =>
      t.http().post(`/v1/recruitment/recruits/${recruitId}/steps`).set(auth(token)).send(body);

    // The conditional offer: the advertised terms in the person's language, from the vacancy's snapshot.
    const offer = await t
      .http()
      .get(`/v1/recruitment/recruits/${recruitId}/offer`)
      .query({ lang: 'tg' })
      .set(auth(person.token));
    expect(offer.status).toBe(200);
    expect(offer.body).toMatchObject({ termsSnapshotId: vacancy.termsSnapshotId, lang: 'tg' });
    const terms = Object.fromEntries(
      offer.body.terms.map((x: { key: string; label: string; value: string }) => [x.key, x]),
    );
    expect(terms.pay).toMatchObject({
      label: 'Музди меҳнат',
      value: expect.stringContaining('80000–100000 RUB'),
    });
    expect(terms.costs.value).toBe('роҳкиро, муоинаи тиббӣ, патент, манзил');
    expect(offer.body.conditional).toContain('пардохт');

    const skip = await step(employer.token, { to: 'departed' });
    expect(skip.status).toBe(409);
    expect(skip.body.type).toBe('/problems/invalid-transition');

    expect((await step(person.token, { to: 'offer_accepted', date: '2027-02-01' })).status).toBe(200);
    expect((await step(staff, { to: 'documents_ready', date: '2027-02-20' })).status).toBe(200);
    expect((await step(person.token, { to: 'departed', date: '2027-03-04' })).status).toBe(200);
    expect((await step(person.token, { to: 'arrived', date: '2027-03-05' })).status).toBe(200);
    expect((await step(staff, { to: 'authorised', date: '2027-03-25' })).status).toBe(200);
    const done = await step(employer.token, { to: 'placed', date: '2027-03-26' });
    expect(done.status).toBe(200);
    expect(
      done.body.steps.map((s: { status: string; date: string }) => `${s.status}@${s.date}`).slice(1),
    ).toEqual([
      'offer_accepted@2027-02-01',
      'documents_ready@2027-02-20',
      'departed@2027-03-04',
      'arrived@2027-03-05',
      'authorised@2027-03-25',
      'placed@2027-03-26',
    ]);
    expect((await step(staff, { to: 'dropped', reason: 'too late' })).status).toBe(409);

    const [audit] = await ds.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE subject_type = 'recruit' AND subject_id = $1`,
      [recruitId],
    );
    expect(audit.n).toBe(7);

    const pipeline = await t
      .http()
      .get(`/v1/recruitment/orders/${orderId}/pipeline`)
      .set(auth(employer.token));
    expect(pipeline.status).toBe(200);
    expect(pipeline.body.counts).toEqual({ placed: 1 });
    const stranger = await createVerifiedEmployer(t, { staff });
    expect(
      (await t.http().get(`/v1/recruitment/orders/${orderId}/pipeline`).set(auth(stranger.token))).status,
    ).toBe(404);
  });

  it('drops a recruit at any step with a reason, and skips a person banned from the host country', async () => {
    const placed = await order(employer.token, { originCountries: ['UZ'] });
    const orderId = placed.body.id as string;
    await t.http().post(`/v1/recruitment/orders/${orderId}/approve`).set(auth(staff)).expect(200);
    const person = await registerMigrant(t, { citizenship: 'UZ' });
    const selected = await t
      .http()
      .post(`/v1/recruitment/orders/${orderId}/recruits`)
      .set(auth(staff))
      .send({ migrantId: person.id });
    const recruitId = selected.body.id as string;
    const noReason = await t
      .http()
      .post(`/v1/recruitment/recruits/${recruitId}/steps`)
      .set(auth(staff))
      .send({ to: 'dropped' });
    expect(noReason.status).toBe(400);
    const dropped = await t
      .http()
      .post(`/v1/recruitment/recruits/${recruitId}/steps`)
      .set(auth(person.token))
      .send({ to: 'dropped', reason: 'Found a job at home' });
    expect(dropped.status).toBe(200);
    expect(dropped.body).toMatchObject({ status: 'dropped', droppedReason: 'Found a job at home' });

    const tajik = await registerMigrant(t, { citizenship: 'TJ' });
    const wrongCountry = await t
      .http()
      .post(`/v1/recruitment/orders/${orderId}/recruits`)
      .set(auth(staff))
      .send({ migrantId: tajik.id });
    expect(wrongCountry.status).toBe(422);

    const banned = await registerMigrant(t, { citizenship: 'UZ' });
    await t
      .http()
      .post(`/v1/migrants/${banned.id}/entry-bans`)
      .set(auth(staff))
      .send({ hostCountry: 'RU', until: '2030-01-01', source: 'checked' })
      .expect(201);
    const refused = await t
      .http()
      .post(`/v1/recruitment/orders/${orderId}/recruits`)
      .set(auth(staff))
      .send({ migrantId: banned.id });
    expect(refused.status).toBe(422);
    expect(refused.body.detail).toContain('entry ban');
  });

  it('reports the funnel by order, citizenship and origin region as JSON, CSV and XLSX (staff only)', async () => {
    const json = await t
      .http()
      .get('/v1/recruitment/funnel')
      .query({ groupBy: 'citizenship' })
      .set(auth(staff));
    expect(json.status).toBe(200);
    const tj = added(
      'citizenship',
      json.body.rows.find((r: FunnelRow) => r.group === 'TJ'),
    );
    expect(tj).toMatchObject({ selected: 1, departed: 1, arrived: 1, authorised: 1, placed: 1, dropped: 0 });
    const uz = added(
      'citizenship',
      json.body.rows.find((r: FunnelRow) => r.group === 'UZ'),
    );
    expect(uz).toMatchObject({ selected: 1, departed: 0, dropped: 1 });
    const region = await t
      .http()
      .get('/v1/recruitment/funnel')
      .query({ groupBy: 'origin_region' })
      .set(auth(staff));
    expect(region.body.rows.map((r: FunnelRow) => r.group)).toContain('online');
    expect(
      added(
        'origin_region',
        region.body.rows.find((r: FunnelRow) => r.group === 'online'),
      ),
    ).toMatchObject({
      selected: 2,
    });
    const csv = await t.http().get('/v1/recruitment/funnel').query({ format: 'csv' }).set(auth(staff));
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.text).toContain('group,selected,departed,arrived,authorised,placed,dropped');
    const xlsx = await t
      .http()
      .get('/v1/recruitment/funnel')
      .query({ format: 'xlsx' })
      .set(auth(staff))
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(xlsx.status).toBe(200);
    expect((xlsx.body as Buffer).subarray(0, 2).toString()).toBe('PK');
    expect((await t.http().get('/v1/recruitment/funnel').set(auth(employer.token))).status).toBe(403);
    expect(
      (await t.http().get('/v1/recruitment/funnel').query({ groupBy: 'shoe' }).set(auth(staff))).status,
    ).toBe(400);
  });
});
