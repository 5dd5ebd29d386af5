import { DataSource } from 'typeorm';
import { TestApp, bootTestApp, staffToken } from 'test/harness/app';
import { insertEmployerWithVacancy } from 'test/harness/migrants.factory';
import {
  TestEmployer,
  createFairScenario,
  createVacancy,
  createVerifiedEmployer,
  isoDate,
  vacancyBody,
} from 'test/harness/supply.factory';

/** The minimum wage for every schedule, Moscow's own minimum, and the figure the API shows before publishing. */
describe('minimum wage (e2e)', () => {
  let t: TestApp;
  let employer: TestEmployer;
  // Every figure below is the latest in the data, in force from 2026: Moscow 39 730 RUB, federal 27 093 RUB.
  const start = isoDate(14);

  beforeAll(async () => {
    t = await bootTestApp();
    employer = await createVerifiedEmployer(t, { staff: await staffToken(t) });
  });
  afterAll(() => t.close());

  const auth = () => ({ authorization: `Bearer ${employer.token}` });
  const monthly = (min: number, max?: number) => ({
    salary: { min, ...(max ? { max } : {}), currency: 'RUB', period: 'month', gross: true },
  });
  const publish = (id: string) => t.http().post(`/v1/vacancies/${id}/publish`).set(auth());
  const draft = (overrides: Record<string, unknown>) =>
    createVacancy(t, employer.token, { startDate: start, ...overrides });

  it('refuses the Moscow cook on a shift schedule at 15 000–20 000 RUB a month, naming the minimum and its act', async () => {
    const cook = await draft({ schedule: 'shift', ...monthly(15000, 20000) });
    const res = await publish(cook.id).expect(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body).toMatchObject({
      type: '/problems/below-minimum-wage',
      minimumWage: {
        amount: 39730,
        currency: 'RUB',
        effectiveFrom: '2026-01-01',
        scope: 'regional',
        legalBasis: expect.stringContaining('minimum wage in the city of Moscow for 2026'),
      },
      // Twelve-hour shifts fifteen times a month (the default) are 180 hours: 180 / 173⅓ of the minimum.
      required: { month: 41258.08 },
      offeredMonthly: 15000,
      hoursPerMonth: 180,
    });
  });

  it.each([
    [
      'rotation',
      { schedule: 'rotation', workingTime: { shiftHours: 11, shiftsPerMonth: 15 }, ...monthly(30000) },
    ],
    ['seasonal', { schedule: 'seasonal', workingTime: { hoursPerWeek: 40 }, ...monthly(30000) }],
    ['part_time', { schedule: 'part_time', workingTime: { hoursPerWeek: 20 }, ...monthly(15000) }],
    [
      'full_time, by the hour',
      { salary: { min: 200, currency: 'RUB', period: 'hour', gross: true } }, // 200 × 173⅓ = 34 667
    ],
    ['full_time, below Moscow’s own minimum', monthly(35000)],
    [
      'shift, by the shift',
      { schedule: 'shift', salary: { min: 2500, currency: 'RUB', period: 'day', gross: true } },
    ],
  ])('refuses %s below the minimum for its working time', async (_name, overrides) => {
    const v = await draft(overrides);
    const res = await publish(v.id).expect(422);
    expect(res.body.type).toBe('/problems/below-minimum-wage');
  });

  it.each([
    [
      'part_time, 20 hours a week at half the minimum',
      { schedule: 'part_time', workingTime: { hoursPerWeek: 20 }, ...monthly(19865) },
    ],
    [
      'shift, 8-hour shifts 20 a month',
      { schedule: 'shift', workingTime: { shiftHours: 8, shiftsPerMonth: 20 }, ...monthly(37000) },
    ],
    [
      'full_time in Moscow oblast at the federal minimum',
      { region: 'RU-MOS', city: 'Подольск', ...monthly(27093) },
    ],
    [
      'full_time by the hour at 229.22',
      { salary: { min: 229.22, currency: 'RUB', period: 'hour', gross: true } },
    ],
  ])('publishes %s', async (_name, overrides) => {
    const v = await draft(overrides);
    await publish(v.id).expect(200);
  });

  it('shows the employer the minimum for the vacancy’s working time before publishing', async () => {
    const v = await draft({ schedule: 'part_time', workingTime: { hoursPerWeek: 20 }, ...monthly(15000) });
    expect(v.workingTime).toEqual({
      hoursPerWeek: 20,
      shiftHours: null,
      shiftsPerMonth: null,
      hoursPerMonth: 86.67,
      fullTimeShare: 0.5,
    });
    expect(v.minimumWage).toMatchObject({
      amount: 39730,
      currency: 'RUB',
      period: 'month',
      scope: 'regional',
      region: 'RU-MOW',
      onDate: start,
      forWorkingTime: {
        schedule: 'part_time',
        hoursPerWeek: 20,
        fullTimeShare: 0.5,
        required: { month: 19865, hour: 229.22 },
      },
      offeredMonthly: 15000,
      meets: false,
    });
    for (const lang of ['ru', 'uz', 'tg', 'ky', 'en']) {
      expect((v.minimumWage as { facts: Record<string, string> }).facts[lang]).toMatch(/39.730/);
    }
    const read = await t.http().get(`/v1/vacancies/${v.id}`).set(auth()).expect(200);
    expect(read.body.minimumWage.fact).toBe(read.body.minimumWage.facts.ru);
  });

  it('takes the schedule’s default working time when none is stated, and again on a change of schedule', async () => {
    const v = await draft({ schedule: 'shift', ...monthly(60000) });
    expect(v.workingTime).toMatchObject({ hoursPerWeek: null, shiftHours: 12, shiftsPerMonth: 15 });
    const changed = await t
      .http()
      .patch(`/v1/vacancies/${v.id}`)
      .set(auth())
      .send({ version: v.version, schedule: 'part_time' })
      .expect(200);
    expect(changed.body.workingTime).toMatchObject({
      hoursPerWeek: 20,
      shiftHours: null,
      shiftsPerMonth: null,
    });
    const hours = await t
      .http()
      .patch(`/v1/vacancies/${v.id}`)
      .set(auth())
      .send({ version: changed.body.version, workingTime: { hoursPerWeek: 30 } })
      .expect(200);
    expect(hours.body.workingTime).toMatchObject({ hoursPerWeek: 30, fullTimeShare: 0.75 });
  });

  it('reads a vacancy stored without working time (older rows) with its schedule’s default', async () => {
    const { vacancyId } = await insertEmployerWithVacancy(t.app.get(DataSource), { startDate: start });
    const res = await t.http().get(`/v1/vacancies/${vacancyId}`).expect(200);
    expect(res.body.workingTime).toMatchObject({ hoursPerWeek: 40, fullTimeShare: 1 });
    expect(res.body.minimumWage).toMatchObject({ amount: 39730, meets: true });
  });

  it.each([
    [{ schedule: 'shift', workingTime: { hoursPerWeek: 40 } }, 'workingTime.hoursPerWeek'],
    [{ schedule: 'full_time', workingTime: { hoursPerWeek: 20 } }, 'workingTime.hoursPerWeek'],
    [{ schedule: 'part_time', workingTime: { hoursPerWeek: 41 } }, 'workingTime.hoursPerWeek'],
    [{ schedule: 'rotation', workingTime: { shiftHours: 12 } }, 'workingTime.shiftsPerMonth'],
    [{ schedule: 'shift', workingTime: { shiftHours: 30, shiftsPerMonth: 10 } }, 'workingTime.shiftHours'],
  ])('refuses a working time that does not fit the schedule with 400 (%#)', async (overrides, field) => {
    const res = await t
      .http()
      .post('/v1/vacancies')
      .set(auth())
      .send(vacancyBody({ startDate: start, ...overrides }));
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('shows the kiosk visitor the minimum wage in force in the vacancy’s region, in their language', async () => {
    const fair = await createFairScenario(t, {
      vacancy: { schedule: 'shift', workingTime: { shiftHours: 11, shiftsPerMonth: 16 }, ...monthly(60000) },
    });
    for (const [lang, word] of [
      ['uz', 'Moskva'],
      ['tg', 'Маскав'],
      ['ky', 'Москва'],
      ['ru', 'Москва'],
      ['en', 'Moscow'],
    ]) {
      const res = await t
        .http()
        .get('/v1/kiosk/vacancies')
        .query({ lang })
        .set('authorization', `Bearer ${fair.kiosk.token}`)
        .expect(200);
      const [item] = res.body.items;
      expect(item.workingTime).toMatchObject({ shiftHours: 11, shiftsPerMonth: 16, hoursPerMonth: 176 });
      expect(item.minimumWage).toMatchObject({ amount: 39730, scope: 'regional', meets: true });
      // An item of a list carries the fact in the language asked for only.
      expect(item.minimumWage.facts).toBeUndefined();
      expect(item.minimumWage.fact).toContain(word);
    }
  });

  describe('GET /v1/reference/minimum-wage', () => {
    const get = (query: object) => t.http().get('/v1/reference/minimum-wage').query(query);

    it('answers Moscow’s minimum in force on a date with its act and the fact in the language asked for', async () => {
      const res = await get({ region: 'RU-MOW', date: '2026-12-10', lang: 'tg' }).expect(200);
      expect(res.body).toMatchObject({
        amount: 39730,
        currency: 'RUB',
        period: 'month',
        effectiveFrom: '2026-01-01',
        scope: 'regional',
        region: 'RU-MOW',
        onDate: '2026-12-10',
        forWorkingTime: { schedule: 'full_time', hoursPerWeek: 40, required: { month: 39730, hour: 229.22 } },
      });
      expect(res.body.fact).toBe(res.body.facts.tg);
      expect(res.body.fact).toContain('Маскав');
      expect(Object.keys(res.body.facts).sort()).toEqual(['en', 'ky', 'ru', 'tg', 'uz']);
      const earlier = await get({ region: 'RU-MOW', date: '2025-03-01' }).expect(200);
      expect(earlier.body).toMatchObject({ amount: 32916, legalBasis: expect.stringContaining('77-1697') });
    });

    it('answers the federal minimum where a region has none, saying a region may set a higher one', async () => {
      const res = await get({ region: 'RU-MOS', date: '2026-12-10', lang: 'en' }).expect(200);
      expect(res.body).toMatchObject({ amount: 27093, scope: 'national' });
      expect(res.body.fact).toContain('federal minimum');
      const kz = await get({ region: 'KZ-75', date: '2026-12-10', lang: 'uz' }).expect(200);
      expect(kz.body).toMatchObject({ amount: 85000, currency: 'KZT', scope: 'national' });
      expect(kz.body.fact).toContain('Olmaota');
    });

    it('answers the minimum for a working time', async () => {
      const part = await get({
        region: 'RU-MOW',
        date: '2026-12-10',
        schedule: 'part_time',
        hoursPerWeek: 20,
      });
      expect(part.status).toBe(200);
      expect(part.body.forWorkingTime).toMatchObject({ fullTimeShare: 0.5, required: { month: 19865 } });
      const shift = await get({ region: 'RU-MOW', date: '2026-12-10', schedule: 'shift' }).expect(200);
      expect(shift.body.forWorkingTime).toMatchObject({
        shiftHours: 12,
        shiftsPerMonth: 15,
        hoursPerMonth: 180,
        required: { month: 41258.08, day: 2750.54 },
      });
    });

    it('refuses bad input with 400 and a day before any figure with 404, as problem+json', async () => {
      for (const query of [
        {},
        { region: 'RU-XXX' },
        { region: 'RU-MOW', date: '2026-02-30' },
        { region: 'RU-MOW', lang: 'de' },
        { region: 'RU-MOW', schedule: 'shift', hoursPerWeek: 40 },
        { region: 'RU-MOW', schedule: 'full_time', hoursPerWeek: 20 },
      ]) {
        const res = await get(query);
        expect({ query, status: res.status }).toEqual({ query, status: 400 });
        expect(res.headers['content-type']).toContain('application/problem+json');
      }
      const before = await get({ region: 'RU-MOW', date: '2023-06-01' });
      expect(before.status).toBe(404);
      expect(before.headers['content-type']).toContain('application/problem+json');
    });
  });

  it('keeps a future start date’s figure: a vacancy starting in 2027 is compared with the latest act', async () => {
    const v = await draft({ startDate: isoDate(400), ...monthly(40000) });
    expect(v.minimumWage).toMatchObject({ effectiveFrom: '2026-01-01', meets: true });
  });
});
