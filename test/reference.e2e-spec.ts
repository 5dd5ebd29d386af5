import { TestApp, bootTestApp } from 'test/harness/app';

describe('reference data (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await bootTestApp();
  });
  afterAll(() => t.close());

  it.each(['oshpaz', 'ошпаз', 'повар', 'povar', 'cook'])(
    'finds cooks (ISCO 5120) first for "%s"',
    async (q) => {
      const res = await t.http().get('/v1/reference/occupations').query({ q, lang: 'ru' }).expect(200);
      expect(res.body.items[0].code).toBe('5120');
      expect(res.body.items[0].label).toMatch(/повар/i);
      expect(res.body.total).toBeGreaterThan(0);
    },
  );

  it('lists the common trades without q, and every unit group with set=all, paged', async () => {
    const trades = await t.http().get('/v1/reference/occupations').query({ pageSize: 100 }).expect(200);
    expect(trades.body.total).toBe(21);
    expect(trades.body.items.every((o: { trade: boolean }) => o.trade)).toBe(true);
    const all = await t
      .http()
      .get('/v1/reference/occupations')
      .query({ set: 'all', page: 2, pageSize: 10 })
      .expect(200);
    expect(all.body.total).toBeGreaterThan(400);
    expect(all.body.items).toHaveLength(10);
    expect(all.body.page).toBe(2);
  });

  it('labels occupations in the asked language', async () => {
    const res = await t
      .http()
      .get('/v1/reference/occupations')
      .query({ q: 'welder', lang: 'uz' })
      .expect(200);
    expect(res.body.items[0].code).toBe('7212');
    expect(res.body.items[0].labelEn).toMatch(/weld/i);
  });

  it('refuses an unknown language and a page size over 100', async () => {
    await t.http().get('/v1/reference/occupations').query({ lang: 'xx' }).expect(400);
    await t.http().get('/v1/reference/occupations').query({ pageSize: 101 }).expect(400);
  });

  it('lists the regions of one country; Moscow city and Moscow oblast are different', async () => {
    const res = await t.http().get('/v1/reference/regions').query({ country: 'RU' }).expect(200);
    const codes = res.body.map((r: { code: string }) => r.code);
    expect(codes).toEqual(expect.arrayContaining(['RU-MOW', 'RU-MOS', 'RU-SPE', 'RU-LEN']));
    expect(res.body.every((r: { country: string }) => r.country === 'RU')).toBe(true);
    const kz = await t.http().get('/v1/reference/regions').query({ country: 'KZ' }).expect(200);
    expect(kz.body.map((r: { code: string }) => r.code)).toContain('KZ-75');
    await t.http().get('/v1/reference/regions').query({ country: 'russia' }).expect(400);
  });

  it('lists countries and languages without a token', async () => {
    const countries = await t.http().get('/v1/reference/countries').expect(200);
    expect(countries.body.find((c: { code: string }) => c.code === 'UZ').nameRu).toBe('Узбекистан');
    const languages = await t.http().get('/v1/reference/languages').expect(200);
    expect(languages.body.map((l: { code: string }) => l.code)).toEqual(
      expect.arrayContaining(['ru', 'uz', 'tg', 'ky']),
    );
  });
});
