import { DataSource } from 'typeorm';
import { TestApp, bootTestApp, staffToken } from 'test/harness/app';
import {
  TestEmployer,
  createPublishedVacancy,
  createVacancy,
  createVerifiedEmployer,
  isoDate,
  registerEmployer,
} from 'test/harness/supply.factory';

describe('vacancies (e2e)', () => {
  let t: TestApp;
  let staff: string;
  let employer: TestEmployer;
  let other: TestEmployer;

  beforeAll(async () => {
    t = await bootTestApp();
    staff = await staffToken(t);
    employer = await createVerifiedEmployer(t, { staff });
    other = await createVerifiedEmployer(t, { staff });
  });
  afterAll(() => t.close());

  const auth = (token: string) => ({ authorization: `Bearer ${token}` });
  const outboxEvents = async (vacancyId: string): Promise<number> => {
    const rows = await t.app
      .get(DataSource)
      .query(
        `SELECT count(*)::int AS n FROM outbox WHERE job_name = 'search.index-vacancy' AND payload->>'vacancyId' = $1`,
        [vacancyId],
      );
    return rows[0].n;
  };

  it('creates a draft visible only to its employer and staff, announcing it to search', async () => {
    const draft = await createVacancy(t, employer.token);
    expect(draft).toMatchObject({
      status: 'draft',
      version: 1,
      occupationCode: '5120',
      salary: { min: 80000, max: 100000, currency: 'RUB', period: 'month', gross: true },
      housing: { provided: true, costPerMonth: 0 },
      location: { lat: 55.7505, lng: 37.5934 },
      employer: { id: employer.id },
      termsSnapshotId: null,
    });
    expect(await outboxEvents(draft.id)).toBe(1);
    await t.http().get(`/v1/vacancies/${draft.id}`).set(auth(employer.token)).expect(200);
    await t.http().get(`/v1/vacancies/${draft.id}`).set(auth(staff)).expect(200);
    await t.http().get(`/v1/vacancies/${draft.id}`).expect(404);
    await t.http().get(`/v1/vacancies/${draft.id}`).set(auth(other.token)).expect(404);
  });

  it("answers 404 when employer A reads or changes employer B's draft", async () => {
    const draft = await createVacancy(t, other.token);
    await t.http().get(`/v1/vacancies/${draft.id}`).set(auth(employer.token)).expect(404);
    await t
      .http()
      .patch(`/v1/vacancies/${draft.id}`)
      .set(auth(employer.token))
      .send({ version: 1, title: 'Taken over' })
      .expect(404);
    await t.http().post(`/v1/vacancies/${draft.id}/publish`).set(auth(employer.token)).expect(404);
    await t.http().post(`/v1/vacancies/${draft.id}/close`).set(auth(employer.token)).expect(404);
  });

  it('refuses bad drafts: unknown occupation or region, min above max, unknown fields, staff creating', async () => {
    const bad = async (overrides: Record<string, unknown>, field: string) => {
      const res = await t
        .http()
        .post('/v1/vacancies')
        .set(auth(employer.token))
        .send({ ...(await import('test/harness/supply.factory')).vacancyBody(overrides) });
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    };
    await bad({ occupationCode: '0000' }, 'occupationCode');
    await bad({ occupationCode: '51201' }, 'occupationCode');
    await bad({ region: 'RU-XXX' }, 'region');
    await bad(
      { salary: { min: 100000, max: 80000, currency: 'RUB', period: 'month', gross: true } },
      'salary.max',
    );
    await bad({ salary: { min: 100000, currency: 'KZT', period: 'month', gross: true } }, 'salary.currency');
    await bad(
      { requirements: { languages: [{ code: 'ru', level: 'Z9' }] } },
      'requirements.languages[0].level',
    );
    await bad({ hiddenFee: 100 }, 'hiddenFee');
    await t.http().post('/v1/vacancies').set(auth(staff)).send({}).expect(403);
  });

  it('refuses money amounts with more than two decimals, however they are written (400, not 500)', async () => {
    const { vacancyBody } = await import('test/harness/supply.factory');
    const draft = await createVacancy(t, employer.token);
    const salary = { min: 80000, currency: 'RUB', period: 'month', gross: true };
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ housing: { provided: true, costPerMonth: -5e-324 } }, 'housing.costPerMonth'],
      [{ housing: { provided: true, costPerMonth: 1e-7 } }, 'housing.costPerMonth'],
      [{ salary: { ...salary, min: 80000.001 } }, 'salary.min'],
      [{ workerCosts: [{ item: 'travel', amount: 5e-324 }] }, 'workerCosts[0].amount'],
    ];
    for (const [overrides, field] of cases) {
      for (const req of [
        t.http().post('/v1/vacancies').send(vacancyBody(overrides)),
        t.http().patch(`/v1/vacancies/${draft.id}`).send(overrides),
      ]) {
        const res = await req.set(auth(employer.token));
        expect(res.status).toBe(400);
        expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      }
    }
  });

  it('lets an unverified employer save drafts but not publish (409 employer-not-verified)', async () => {
    const pending = await registerEmployer(t);
    const draft = await createVacancy(t, pending.token);
    const res = await t.http().post(`/v1/vacancies/${draft.id}/publish`).set(auth(pending.token)).expect(409);
    expect(res.body.type).toBe('/problems/employer-not-verified');
  });

  it('saves a draft with a worker-paid fee but refuses to publish it, naming the item (422)', async () => {
    const draft = await createVacancy(t, employer.token, {
      workerCosts: [
        { item: 'recruitment_fee', amount: 15000 },
        { item: 'medical_exam', amount: 0 },
        { item: 'travel', amount: 5000 },
      ],
    });
    const res = await t
      .http()
      .post(`/v1/vacancies/${draft.id}/publish`)
      .set(auth(employer.token))
      .expect(422);
    expect(res.body.type).toBe('/problems/worker-paid-cost');
    expect(res.body.detail).toContain('recruitment_fee');
    expect(res.body.detail).toContain('travel');
    expect(res.body.items).toEqual([
      { item: 'recruitment_fee', amount: 15000 },
      { item: 'travel', amount: 5000 },
    ]);
    const fixed = await t
      .http()
      .patch(`/v1/vacancies/${draft.id}`)
      .set(auth(employer.token))
      .send({ version: draft.version, workerCosts: [{ item: 'recruitment_fee', amount: 0 }] })
      .expect(200);
    await t.http().post(`/v1/vacancies/${fixed.body.id}/publish`).set(auth(employer.token)).expect(200);
  });

  it('refuses to publish below the minimum wage or with a start date in the past', async () => {
    const low = await createVacancy(t, employer.token, {
      salary: { min: 15000, currency: 'RUB', period: 'month', gross: true },
    });
    const res = await t.http().post(`/v1/vacancies/${low.id}/publish`).set(auth(employer.token)).expect(422);
    expect(res.body.type).toBe('/problems/below-minimum-wage');
    expect(res.body.minimumWage.currency).toBe('RUB');

    const hourly = await createVacancy(t, employer.token, {
      salary: { min: 80, currency: 'RUB', period: 'hour', gross: true },
    });
    await t.http().post(`/v1/vacancies/${hourly.id}/publish`).set(auth(employer.token)).expect(422);

    // Part-time pay is compared pro rata: 10 hours a week is a quarter of the full-time minimum.
    const partTime = await createVacancy(t, employer.token, {
      schedule: 'part_time',
      workingTime: { hoursPerWeek: 10 },
      salary: { min: 15000, currency: 'RUB', period: 'month', gross: true },
    });
    await t.http().post(`/v1/vacancies/${partTime.id}/publish`).set(auth(employer.token)).expect(200);

    const past = await createVacancy(t, employer.token, { startDate: isoDate(-3) });
    const late = await t
      .http()
      .post(`/v1/vacancies/${past.id}/publish`)
      .set(auth(employer.token))
      .expect(422);
    expect(late.body.detail).toMatch(/startDate/);
  });

  it('runs the lifecycle draft → published → paused → published → closed; invalid moves are 409', async () => {
    const draft = await createVacancy(t, employer.token);
    await t.http().post(`/v1/vacancies/${draft.id}/pause`).set(auth(employer.token)).expect(409);
    const published = await t
      .http()
      .post(`/v1/vacancies/${draft.id}/publish`)
      .set(auth(employer.token))
      .expect(200);
    expect(published.body).toMatchObject({ status: 'published', termsSnapshotId: expect.any(String) });
    expect(published.body.publishedAt).toBeTruthy();
    await t.http().post(`/v1/vacancies/${draft.id}/publish`).set(auth(employer.token)).expect(409);
    await t.http().get(`/v1/vacancies/${draft.id}`).expect(200);

    const paused = await t
      .http()
      .post(`/v1/vacancies/${draft.id}/pause`)
      .set(auth(employer.token))
      .expect(200);
    expect(paused.body.status).toBe('paused');
    await t.http().get(`/v1/vacancies/${draft.id}`).expect(404);

    const again = await t
      .http()
      .post(`/v1/vacancies/${draft.id}/publish`)
      .set(auth(employer.token))
      .expect(200);
    // Unchanged terms keep their snapshot.
    expect(again.body.termsSnapshotId).toBe(published.body.termsSnapshotId);

    const filled = await t
      .http()
      .post(`/v1/vacancies/${draft.id}/close`)
      .set(auth(employer.token))
      .send({ filled: true })
      .expect(200);
    expect(filled.body.status).toBe('filled');
    await t.http().get(`/v1/vacancies/${draft.id}`).expect(200);
    await t.http().post(`/v1/vacancies/${draft.id}/publish`).set(auth(employer.token)).expect(409);
    await t.http().post(`/v1/vacancies/${draft.id}/close`).set(auth(employer.token)).expect(409);
    await t
      .http()
      .patch(`/v1/vacancies/${draft.id}`)
      .set(auth(employer.token))
      .send({ version: filled.body.version })
      .expect(409);
    // created, published, paused, published, filled
    expect(await outboxEvents(draft.id)).toBe(5);
  });

  it('uses optimistic concurrency: a stale version answers 409; If-Match works too', async () => {
    const draft = await createVacancy(t, employer.token);
    await t
      .http()
      .patch(`/v1/vacancies/${draft.id}`)
      .set(auth(employer.token))
      .send({ title: 'No version' })
      .expect(400);
    const first = await t
      .http()
      .patch(`/v1/vacancies/${draft.id}`)
      .set(auth(employer.token))
      .send({ version: 1, title: 'Повар-универсал' })
      .expect(200);
    expect(first.body).toMatchObject({ version: 2, title: 'Повар-универсал' });
    const stale = await t
      .http()
      .patch(`/v1/vacancies/${draft.id}`)
      .set(auth(employer.token))
      .send({ version: 1, title: 'Lost update' })
      .expect(409);
    expect(stale.body).toMatchObject({ type: '/problems/stale-version', currentVersion: 2 });
    await t
      .http()
      .patch(`/v1/vacancies/${draft.id}`)
      .set(auth(employer.token))
      .set('if-match', '"1"')
      .send({ positions: 5 })
      .expect(409);
    const viaHeader = await t
      .http()
      .patch(`/v1/vacancies/${draft.id}`)
      .set(auth(employer.token))
      .set('if-match', '"2"')
      .send({ positions: 5, address: null })
      .expect(200);
    expect(viaHeader.body).toMatchObject({ version: 3, positions: 5, address: null });
  });

  it('snapshots new terms when a published vacancy changes pay; old snapshots stay as they were', async () => {
    const v = await createPublishedVacancy(t, employer.token);
    const changed = await t
      .http()
      .patch(`/v1/vacancies/${v.id}`)
      .set(auth(employer.token))
      .send({
        version: v.version,
        salary: { min: 90000, max: 110000, currency: 'RUB', period: 'month', gross: true },
      })
      .expect(200);
    expect(changed.body.termsSnapshotId).not.toBe(v.termsSnapshotId);
    const snapshots = await t.http().get(`/v1/vacancies/${v.id}/terms-snapshots`).expect(200);
    expect(snapshots.body).toHaveLength(2);
    expect(snapshots.body[0]).toMatchObject({
      id: v.termsSnapshotId,
      seq: 1,
      terms: { salary: { min: 80000 } },
    });
    expect(snapshots.body[1]).toMatchObject({
      id: changed.body.termsSnapshotId,
      seq: 2,
      terms: { salary: { min: 90000 } },
    });

    // A live vacancy cannot be edited into one that charges the worker.
    await t
      .http()
      .patch(`/v1/vacancies/${v.id}`)
      .set(auth(employer.token))
      .send({ version: changed.body.version, workerCosts: [{ item: 'documents', amount: 3000 }] })
      .expect(422);
  });

  it('counts a listing exactly up to 1,000 vacancies past the page start, and says "at least" beyond', async () => {
    const big = await createVerifiedEmployer(t, { staff });
    const first = await createPublishedVacancy(t, big.token);
    // 1,049 copies of the published vacancy, each a minute older than the one before, written straight to the
    // table: the API would take minutes for a count the listing has to stop at.
    await t.app.get(DataSource).query(
      `INSERT INTO vacancies
       SELECT (jsonb_populate_record(NULL::vacancies, to_jsonb(v) || jsonb_build_object(
         'id', gen_random_uuid(), 'published_at', v.published_at - make_interval(mins => g)))).*
       FROM vacancies v CROSS JOIN generate_series(1, 1049) g WHERE v.id = $1`,
      [first.id],
    );
    const list = (query: Record<string, unknown>) =>
      t
        .http()
        .get('/v1/vacancies')
        .query({ employerId: big.id, ...query })
        .expect(200);

    const top = await list({});
    expect(top.body).toMatchObject({ total: 1000, totalRelation: 'gte', page: 1, pageSize: 20 });
    expect(top.body.items[0].id).toBe(first.id);
    // From the 980th vacancy on, the count reaches the end: exact.
    const deep = await list({ page: 50 });
    expect(deep.body).toMatchObject({ total: 1050, totalRelation: 'eq', page: 50 });
    expect(deep.body.items).toHaveLength(20);
    const last = await list({ page: 53 });
    expect(last.body).toMatchObject({ total: 1050, totalRelation: 'eq' });
    expect(last.body.items).toHaveLength(10);
    // Exactly 1,000 past the start is still exact.
    const edge = await list({ page: 3, pageSize: 25 });
    expect(edge.body).toMatchObject({ total: 1050, totalRelation: 'eq' });
    const below = await list({ page: 2, pageSize: 25 });
    expect(below.body).toMatchObject({ total: 1025, totalRelation: 'gte' });
  });

  it('lists published vacancies with filters and paging; mine=true shows own drafts', async () => {
    const mine = await createVerifiedEmployer(t, { staff });
    const a = await createPublishedVacancy(t, mine.token, { region: 'RU-SPE', city: 'Санкт-Петербург' });
    const b = await createPublishedVacancy(t, mine.token, {
      occupationCode: '7112',
      title: 'Каменщик',
      schedule: 'rotation',
      housing: { provided: false },
      salary: { min: 120000, currency: 'RUB', period: 'month', gross: true },
    });
    const draft = await createVacancy(t, mine.token);

    const byEmployer = await t.http().get('/v1/vacancies').query({ employerId: mine.id }).expect(200);
    expect(byEmployer.body.items.map((v: { id: string }) => v.id).sort()).toEqual([a.id, b.id].sort());
    expect(byEmployer.body).toMatchObject({ total: 2, page: 1, pageSize: 20 });
    // A listed vacancy is the same document as the vacancy read alone (every field, dates, amounts, the employer),
    // except that its minimum wage states the fact in the language asked for only, without the other four and the
    // working-time breakdown.
    const one = await t.http().get(`/v1/vacancies/${b.id}`).expect(200);
    const listed = byEmployer.body.items.find((v: { id: string }) => v.id === b.id);
    expect(listed.minimumWage.facts).toBeUndefined();
    expect(listed.minimumWage.forWorkingTime).toBeUndefined();
    expect(listed.minimumWage.fact).toBe(one.body.minimumWage.facts.ru);
    const { facts: _facts, forWorkingTime: _forWorkingTime, ...alone } = one.body.minimumWage;
    expect(listed).toEqual({ ...one.body, minimumWage: alone });

    const q = (query: Record<string, unknown>) =>
      t
        .http()
        .get('/v1/vacancies')
        .query({ employerId: mine.id, ...query })
        .expect(200);
    expect((await q({ region: 'RU-SPE' })).body.items.map((v: { id: string }) => v.id)).toEqual([a.id]);
    expect((await q({ occupation: '7112' })).body.items.map((v: { id: string }) => v.id)).toEqual([b.id]);
    expect((await q({ occupation: '71' })).body.items.map((v: { id: string }) => v.id)).toEqual([b.id]);
    expect((await q({ salaryMin: 110000 })).body.items.map((v: { id: string }) => v.id)).toEqual([b.id]);
    expect((await q({ schedule: 'rotation' })).body.items.map((v: { id: string }) => v.id)).toEqual([b.id]);
    expect((await q({ housing: 'true' })).body.items.map((v: { id: string }) => v.id)).toEqual([a.id]);
    expect((await q({ foreignersAccepted: 'false' })).body.total).toBe(0);
    const paged = await q({ pageSize: 1, page: 2 });
    expect(paged.body).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(paged.body.items).toHaveLength(1);
    const past = await q({ pageSize: 1, page: 3 });
    expect(past.body).toEqual({ items: [], total: 2, totalRelation: 'eq', page: 3, pageSize: 1 });

    const own = await t.http().get('/v1/vacancies').query({ mine: 'true' }).set(auth(mine.token)).expect(200);
    expect(own.body.items.map((v: { id: string }) => v.id)).toContain(draft.id);
    expect(own.body.total).toBe(3);
    const drafts = await t
      .http()
      .get('/v1/vacancies')
      .query({ mine: 'true', status: 'draft' })
      .set(auth(mine.token));
    expect(drafts.body.items.map((v: { id: string }) => v.id)).toEqual([draft.id]);

    await t.http().get('/v1/vacancies').query({ pageSize: 101 }).expect(400);
    await t.http().get('/v1/vacancies').query({ mine: 'true' }).expect(400);
    await t
      .http()
      .get('/v1/vacancies')
      .query({ q: 'x'.repeat(201) })
      .expect(400);
  });
});
