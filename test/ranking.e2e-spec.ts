import { TestApp, bootTestApp, staffToken, waitFor } from 'test/harness/app';
import { addMigrantDocument, registerMigrant } from 'test/harness/migrants.factory';
import {
  FairScenario,
  TestEmployer,
  addFairVacancies,
  createFairScenario,
  createPublishedVacancy,
  isoDate,
} from 'test/harness/supply.factory';

/**
 * Eligibility in the ranking (issue 18): at equal or near-equal relevance an eligible match comes first, for a
 * person's matches, a kiosk visitor's list and an employer's candidates, and each match says why it is where it is.
 * The trade is one no other spec uses, so that the list holds only this file's vacancies.
 */
describe('eligibility in the ranking (e2e)', () => {
  const TRADE = '7316';
  let t: TestApp;
  let staff: string;
  let fair: FairScenario;
  let employer: TestEmployer;
  let moscowId: string;
  let oblastId: string;

  const auth = (token: string) => ({ authorization: `Bearer ${token}` });
  const patent = (region: string) => ({
    type: 'patent',
    number: '770123456789',
    region,
    validFrom: isoDate(-30),
    validUntil: isoDate(400),
  });
  // Moscow oblast offers housing, Moscow does not: for someone who needs housing Moscow oblast is exactly 0.1 more
  // relevant (MATCH_WEIGHTS.housing), the conditional penalty.
  const vacancy = (region: string, housing: boolean) => ({
    title: `Оформитель витрин ${region}`,
    occupationCode: TRADE,
    region,
    city: region === 'RU-MOW' ? 'Москва' : 'Подольск',
    housing: housing ? { provided: true, costPerMonth: 0 } : { provided: false },
    requirements: {},
    quotaAvailable: false,
    startDate: isoDate(30),
  });

  beforeAll(async () => {
    t = await bootTestApp();
    staff = await staffToken(t);
    fair = await createFairScenario(t, { staff, vacancy: vacancy('RU-MOS', true) });
    employer = fair.employer;
    oblastId = fair.vacancy.id;
    moscowId = (await createPublishedVacancy(t, employer.token, vacancy('RU-MOW', false))).id;
    await addFairVacancies(t, employer.token, fair.fair.id, [moscowId]);
  });
  afterAll(() => t.close());

  /** A Tajik worker of the trade who needs housing, with a patent for `region`. */
  async function tajikWorker(region: string, extra: Record<string, unknown> = {}) {
    const m = await registerMigrant(t, {
      citizenship: 'TJ',
      birthDate: '1994-05-05',
      occupations: [{ code: TRADE, years: 3 }],
      desiredRegions: [],
      needsHousing: true,
      languages: [{ code: 'ru', level: 'B1' }],
      consent: { dataProcessing: true, visibleToEmployers: true, version: '2025-01' },
      ...extra,
    });
    await addMigrantDocument(t, m.token, m.id, patent(region));
    return m;
  }

  it('lists the Moscow vacancy the worker may take now before the equally ranked one in Moscow oblast', async () => {
    const m = await tajikWorker('RU-MOW');
    const res = await waitFor(
      async () => {
        const r = await t.http().get(`/v1/migrants/${m.id}/matches?lang=en`).set(auth(m.token));
        const ids = (r.body.items ?? []).map((i: { vacancy: { id: string } }) => i.vacancy.id);
        return ids.includes(moscowId) && ids.includes(oblastId) ? r : undefined;
      },
      { what: 'both vacancies indexed', timeoutMs: 15_000 },
    );
    const items = res.body.items.filter((i: { vacancy: { id: string } }) =>
      [moscowId, oblastId].includes(i.vacancy.id),
    );
    expect(items.map((i: { vacancy: { id: string } }) => i.vacancy.id)).toEqual([moscowId, oblastId]);
    const [moscow, oblast] = items;
    expect(moscow.eligibility.status).toBe('eligible');
    expect(oblast.eligibility.status).toBe('conditional');
    expect(oblast.ranking.relevance - moscow.ranking.relevance).toBeCloseTo(0.1, 3);
    expect(moscow.ranking).toMatchObject({
      eligibilityPenalty: 0,
      aheadOfMoreRelevant: 1,
      behindLessRelevant: 0,
    });
    expect(oblast.ranking).toMatchObject({
      eligibilityPenalty: 0.1,
      aheadOfMoreRelevant: 0,
      behindLessRelevant: 1,
    });
    expect(moscow.score).toBe(oblast.score);
    expect(moscow.ranking.explanation).toContain('No documents needed first');
    expect(moscow.ranking.explanation).toContain('Ranked above more relevant matches');
    expect(oblast.ranking.explanation).toContain('ranked 10 points lower because documents are needed first');
    // The minimum wage in force in each vacancy's region is a fact shown beside it.
    expect(moscow.minimumWage).toMatchObject({ amount: 39730, scope: 'regional' });
    expect(oblast.minimumWage).toMatchObject({ amount: 27093, scope: 'national' });
    const tg = await t.http().get(`/v1/migrants/${m.id}/matches?lang=tg`).set(auth(m.token)).expect(200);
    const moscowTg = tg.body.items.find((i: { vacancy: { id: string } }) => i.vacancy.id === moscowId);
    expect(moscowTg.ranking.explanation).toMatch(/^Мувофиқат \d+%/);
    expect(moscowTg.minimumWage.fact).toContain('Маскав');
  });

  it('ranks the fair’s vacancies for a kiosk visitor the same way, from what they said', async () => {
    const ask = (body: Record<string, unknown>, lang = 'en') =>
      t.http().post(`/v1/kiosk/matches?lang=${lang}`).set(auth(fair.kiosk.token)).send(body);
    const visitor = { citizenship: 'TJ', birthDate: '1994-05-05', occupationCode: TRADE, needsHousing: true };
    // The kiosk asks for no document number.
    const { number: _number, ...held } = patent('RU-MOW');
    const withPatent = await ask({ ...visitor, documents: [held] }).expect(200);
    expect(withPatent.body.fairId).toBe(fair.fair.id);
    expect(withPatent.body.items.map((i: { vacancy: { id: string } }) => i.vacancy.id)).toEqual([
      moscowId,
      oblastId,
    ]);
    expect(withPatent.body.items[0].ranking.explanation).toContain('No documents needed first');
    // Without papers both need a patent first: relevance alone decides, housing in Moscow oblast wins.
    const without = await ask(visitor).expect(200);
    expect(without.body.items.map((i: { vacancy: { id: string } }) => i.vacancy.id)).toEqual([
      oblastId,
      moscowId,
    ]);
    expect(without.body.items.map((i: { eligibility: { status: string } }) => i.eligibility.status)).toEqual([
      'conditional',
      'conditional',
    ]);
    // An EAEU citizen may take both.
    const kyrgyz = await ask({ ...visitor, citizenship: 'KG' }, 'ky').expect(200);
    expect(kyrgyz.body.items[0]).toMatchObject({ eligibility: { status: 'eligible' } });
    expect(kyrgyz.body.items[0].ranking.explanation).toMatch(/^Дал келүү/);
    // A minor may take neither: nothing is listed unless asked for.
    const minor = { ...visitor, birthDate: isoDate(-16 * 365) };
    expect((await ask(minor).expect(200)).body.items).toEqual([]);
    const shown = await ask({ ...minor, includeIneligible: true }).expect(200);
    expect(shown.body.items[0].ranking.explanation).toContain('may not be taken legally');
  });

  it('refuses a bad visitor description with 400 and a non-kiosk caller with 401/403', async () => {
    const base = { citizenship: 'TJ', birthDate: '1994-05-05' };
    for (const body of [
      { ...base, citizenship: 'QQ' },
      { ...base, birthDate: '1994-02-30' },
      { ...base, occupationCode: '0000' },
      { ...base, documents: [{ type: 'patent', region: 'RU-QQQ' }] },
      { ...base, documents: [{ type: 'patent', validFrom: '2027-01-01', validUntil: '2026-01-01' }] },
      { ...base, documents: [{ type: 'visa' }] },
    ]) {
      const res = await t.http().post('/v1/kiosk/matches').set(auth(fair.kiosk.token)).send(body);
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    expect((await t.http().post('/v1/kiosk/matches').send(base)).status).toBe(401);
    expect((await t.http().post('/v1/kiosk/matches').set(auth(staff)).send(base)).status).toBe(403);
  });

  it('lists an employer’s candidates who may start now before equally relevant ones who need a patent', async () => {
    const a = await tajikWorker('RU-MOS');
    const b = await tajikWorker('RU-MOW');
    const res = await waitFor(
      async () => {
        const r = await t
          .http()
          .get(`/v1/vacancies/${moscowId}/candidates?lang=ru&limit=100`)
          .set(auth(employer.token));
        const ids = (r.body.items ?? []).map((i: { migrant: { id: string } }) => i.migrant.id);
        return ids.includes(a.id) && ids.includes(b.id) ? r : undefined;
      },
      { what: 'both candidates indexed', timeoutMs: 15_000 },
    );
    const ours = res.body.items.filter((i: { migrant: { id: string } }) =>
      [a.id, b.id].includes(i.migrant.id),
    );
    expect(ours.map((i: { migrant: { id: string } }) => i.migrant.id)).toEqual([b.id, a.id]);
    expect(ours[0].ranking.relevance).toBe(ours[1].ranking.relevance);
    expect(ours[0].ranking.explanation).toMatch(/^Соответствие \d+%\. Документы не нужны/);
    expect(ours[1].ranking).toMatchObject({ eligibilityPenalty: 0.1 });
  });
});
