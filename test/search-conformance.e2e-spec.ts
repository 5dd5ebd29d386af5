import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { loadConfig } from 'src/config/config';
import { createDataSource } from 'src/database/data-source';
import { PostgresSearchIndex } from 'src/modules/search/postgres-search.index';
import type { SearchIndex, VacancyDocument } from 'src/modules/search/search.types';
import { migrantDoc, vacancyDoc } from 'test/fixtures/search/documents';
import { copyTables, dropTables } from 'test/fixtures/search/tables';

/**
 * One behaviour, two adapters: every case runs against PostgreSQL, and against Meilisearch when
 * MEILI_URL is set. Each adapter gets its own tables / indexes, so the suite never touches the
 * application's index and may rebuild freely.
 */
interface AdapterSetup {
  name: string;
  create: () => Promise<{ index: SearchIndex; cleanup: () => Promise<void> }>;
}

const adapters: AdapterSetup[] = [
  {
    name: 'postgres',
    create: async () => {
      const db = createDataSource(loadConfig(), 4);
      await db.initialize();
      const prefix = `conf_${randomUUID().replace(/-/g, '').slice(0, 10)}`;
      await copyTables(db, prefix);
      const index = new PostgresSearchIndex(db, { tablePrefix: prefix });
      return {
        index,
        cleanup: async () => {
          await dropTables(db, prefix);
          await db.destroy();
        },
      };
    },
  },
];

if (process.env.MEILI_URL) {
  adapters.push({
    name: 'meilisearch',
    create: async () => {
      const { MeiliSearchIndex } = await import('src/modules/search/meili-search.index');
      const index = new MeiliSearchIndex({
        url: process.env.MEILI_URL!,
        apiKey: process.env.MEILI_MASTER_KEY,
        indexPrefix: `conf_${randomUUID().slice(0, 8)}`,
      });
      await index.init();
      return { index, cleanup: () => index.dropAll() };
    },
  });
} else {
  console.log('search conformance: MEILI_URL is not set, the meilisearch adapter is skipped');
}

const ids = (docs: { doc: { id: string } }[]) => docs.map((d) => d.doc.id);

/** Runs `fn` against index tables of its own (the shared lexicon and occupations as they are). */
async function withOwnTables(fn: (db: DataSource, prefix: string) => Promise<void>): Promise<void> {
  const db = createDataSource(loadConfig(), 2);
  await db.initialize();
  const prefix = `conf_${randomUUID().replace(/-/g, '').slice(0, 10)}`;
  await copyTables(db, prefix);
  try {
    await fn(db, prefix);
  } finally {
    await dropTables(db, prefix);
    await db.destroy();
  }
}

describe.each(adapters)('search index conformance: $name', (setup) => {
  let index: SearchIndex;
  let cleanup: () => Promise<void>;
  const fair = randomUUID();
  const cook = vacancyDoc({
    title: 'Повар горячего цеха',
    occupationCode: '5120',
    description: 'Приготовление блюд русской и узбекской кухни в столовой.',
    skills: ['работа с пароконвектоматом'],
    region: 'RU-MOW',
    housing: true,
    salaryMonthly: 95000,
    salaryMonthlyMax: 95000,
    salaryMin: 95000,
    fairIds: [fair],
    publishedAt: '2030-01-03T10:00:00.000Z',
  });
  const kitchenHelper = vacancyDoc({
    title: 'Помощник повара',
    occupationCode: '9412',
    description: 'Нарезка овощей, мойка посуды, помощь повару.',
    region: 'RU-MOS',
    salaryMonthly: 60000,
    salaryMonthlyMax: 60000,
    salaryMin: 60000,
    schedule: 'shift',
    fairIds: [fair],
    publishedAt: '2030-01-02T10:00:00.000Z',
  });
  const welder = vacancyDoc({
    title: 'Электросварщик ручной дуговой сварки',
    occupationCode: '7212',
    description: 'Сварка металлоконструкций на складе в Подольске.',
    region: 'RU-MOS',
    city: 'Подольск',
    salaryMonthly: 120000,
    salaryMonthlyMax: 120000,
    salaryMin: 120000,
    foreignersAccepted: false,
    fairIds: [fair],
    publishedAt: '2030-01-04T10:00:00.000Z',
  });
  const driver = vacancyDoc({
    title: 'Водитель категории C',
    occupationCode: '8332',
    description: 'Перевозка стройматериалов по Москве и области.',
    region: 'KZ-75',
    country: 'KZ',
    city: 'Алматы',
    salaryMonthlyMax: 80000,
    fairIds: [fair],
    publishedAt: '2030-01-01T10:00:00.000Z',
  });
  const all = [cook, kitchenHelper, welder, driver];

  const search = (
    q: string | undefined,
    extra: Partial<Parameters<SearchIndex['searchVacancies']>[0]> = {},
  ) => index.searchVacancies({ q, fairId: fair, offset: 0, limit: 20, ...extra });

  beforeAll(async () => {
    ({ index, cleanup } = await setup.create());
    await index.upsertVacancies(all);
  });

  afterAll(async () => {
    await cleanup?.();
  });

  it.each([
    ['Russian', 'повар'],
    ['Russian in Latin letters', 'povar'],
    ['Uzbek Latin', 'oshpaz'],
    ['Uzbek Cyrillic', 'ошпаз'],
    ['English', 'cook'],
    ['Kyrgyz', 'ашпозчу'],
    ['a swapped letter', 'пвоар'],
    ['a missing letter', 'повр'],
  ])('finds the cook vacancy first for a query in %s (%s)', async (_what, q) => {
    const result = await search(q);
    expect(ids(result.hits)[0]).toBe(cook.id);
    expect(result.hits[0].score).toBeGreaterThan(0);
    expect(result.hits[0].score).toBeLessThanOrEqual(1);
    expect(ids(result.hits)).not.toContain(driver.id);
  });

  it('ranks the exact occupation above a related one and orders scores', async () => {
    const result = await search('повар');
    expect(ids(result.hits).slice(0, 2)).toEqual([cook.id, kitchenHelper.id]);
    const scores = result.hits.map((h) => h.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(result.total).toBe(result.hits.length);
  });

  it('matches partial words and words of the description and places', async () => {
    expect(ids((await search('свар')).hits)[0]).toBe(welder.id);
    expect(ids((await search('металлоконструкций')).hits)).toEqual([welder.id]);
    expect(ids((await search('Подольск сварщик')).hits)).toEqual([welder.id]);
    expect(ids((await search('svarshik')).hits)[0]).toBe(welder.id);
  });

  it('applies structured filters and reports facets of the matching set', async () => {
    expect(ids((await search(undefined, { region: 'RU-MOS' })).hits).sort()).toEqual(
      [kitchenHelper.id, welder.id].sort(),
    );
    expect(ids((await search(undefined, { salaryMin: 90000 })).hits).sort()).toEqual(
      [cook.id, welder.id].sort(),
    );
    expect(ids((await search(undefined, { housing: true })).hits)).toEqual([cook.id]);
    expect(ids((await search(undefined, { schedule: 'shift' })).hits)).toEqual([kitchenHelper.id]);
    expect(ids((await search(undefined, { foreignersAccepted: false })).hits)).toEqual([welder.id]);
    expect(ids((await search(undefined, { occupation: '8332' })).hits)).toEqual([driver.id]);
    expect(ids((await search('повар', { region: 'RU-MOS' })).hits)).toEqual([kitchenHelper.id]);
    const facets = (await search(undefined)).facets;
    expect(facets.region).toEqual([
      { value: 'RU-MOS', count: 2 },
      { value: 'KZ-75', count: 1 },
      { value: 'RU-MOW', count: 1 },
    ]);
    expect(facets.occupation).toHaveLength(4);
    expect((await search(undefined, { fairId: randomUUID() })).total).toBe(0);
  });

  it('pages through a large matching set, every vacancy once, best first within a page', async () => {
    const f = randomUUID();
    const titles = ['Каменщик', 'Каменщик-монтажник', 'Каменщик 4 разряда', 'Помощник каменщика на объект'];
    const many = Array.from({ length: 130 }, (_, i) =>
      vacancyDoc({
        title: titles[i % titles.length],
        occupationCode: i % 10 === 0 ? '9313' : '7112',
        fairIds: [f],
        publishedAt: new Date(Date.UTC(2030, 0, 1) + i * 3_600_000).toISOString(),
      }),
    );
    await index.upsertVacancies(many);
    const seen: string[] = [];
    let total = -1;
    for (let offset = 0; offset < 140; offset += 20) {
      const page = await index.searchVacancies({ q: 'каменщик', fairId: f, offset, limit: 20 });
      total = page.total;
      seen.push(...ids(page.hits));
    }
    expect(total).toBe(many.length);
    expect(seen).toHaveLength(many.length);
    expect(new Set(seen).size).toBe(many.length);
    const first = await index.searchVacancies({ q: 'каменщик', fairId: f, offset: 0, limit: 20 });
    const scores = first.hits.map((h) => h.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(first.hits[0].doc.occupationCode).toBe('7112');
    // The page reads each occupation's newest rows only; the counts still cover every match.
    expect(first.total).toBe(130);
    expect(first.facets.occupation).toEqual([
      { value: '7112', count: 117 },
      { value: '9313', count: 13 },
    ]);
  });

  it('lists newest first without a query and pages', async () => {
    const first = await search(undefined, { limit: 2 });
    expect(first.total).toBe(4);
    expect(ids(first.hits)).toEqual([welder.id, cook.id]);
    const second = await search(undefined, { limit: 2, offset: 2 });
    expect(ids(second.hits)).toEqual([kitchenHelper.id, driver.id]);
    expect(first.hits[0].score).toBe(0);
  });

  it('never lets an older write replace a newer one, nor bring back a deleted document', async () => {
    const doc = vacancyDoc({ title: 'Каменщик', occupationCode: '7112', fairIds: [fair], sourceVersion: 10 });
    await index.upsertVacancies([doc]);
    await index.upsertVacancies([{ ...doc, title: 'Каменщик старый', sourceVersion: 5 }]);
    expect((await index.getVacancy(doc.id))?.title).toBe('Каменщик');
    await index.deleteVacancy(doc.id, 9);
    expect(await index.getVacancy(doc.id)).toBeDefined();
    await index.deleteVacancy(doc.id, 20);
    expect(await index.getVacancy(doc.id)).toBeUndefined();
    await index.upsertVacancies([{ ...doc, sourceVersion: 15 }]);
    expect(await index.getVacancy(doc.id)).toBeUndefined();
    await index.upsertVacancies([{ ...doc, title: 'Каменщик снова', sourceVersion: 21 }]);
    expect((await index.getVacancy(doc.id))?.title).toBe('Каменщик снова');
    await index.deleteVacancy(doc.id, 22);
    // Applying the same state twice is harmless.
    await index.deleteVacancy(doc.id, 22);
    expect(await index.getVacancy(doc.id)).toBeUndefined();
  });

  it('retrieves vacancies for a person: same unit group, then minor group, then text', async () => {
    const f = randomUUID();
    const same = vacancyDoc({ occupationCode: '7112', title: 'Каменщик', fairIds: [f] });
    const minor = vacancyDoc({ occupationCode: '7113', title: 'Облицовщик камнем', fairIds: [f] });
    const other = vacancyDoc({ occupationCode: '5223', title: 'Продавец', fairIds: [f] });
    await index.upsertVacancies([other, minor, same]);
    const found = await index.matchVacancies({
      occupationCodes: ['7112'],
      minorGroups: ['711'],
      textWords: [['каменщик']],
      desiredRegions: ['RU-MOW'],
      fairId: f,
      limit: 10,
    });
    expect(ids(found)).toEqual([same.id, minor.id]);
    expect(found[0].textScore).toBeGreaterThan(found[1].textScore);
  });

  // The Meilisearch adapter takes a trade's vacancies newest first and ignores the prior.
  (setup.name === 'postgres' ? it : it.skip)(
    'takes a person’s own trade best first by region, housing and pay when given a prior',
    async () => {
      const f = randomUUID();
      const at = (day: number, over: Partial<Parameters<typeof vacancyDoc>[0]>) =>
        vacancyDoc({
          occupationCode: '7112',
          title: 'Каменщик',
          region: 'RU-MOW',
          fairIds: [f],
          publishedAt: `2030-01-${String(day).padStart(2, '0')}T10:00:00.000Z`,
          ...over,
        });
      const pay = (amount: number) => ({
        salaryMonthly: amount,
        salaryMonthlyMax: amount,
        salaryMin: amount,
      });
      const newest = at(10, { housing: false, ...pay(50000) });
      const newer = at(9, { housing: false, ...pay(50000) });
      const best = at(1, { housing: true, ...pay(120000) });
      const second = at(2, { housing: true, ...pay(60000) });
      // Elsewhere, paid in another currency: neither region nor pay counts.
      const abroad = at(8, { region: 'KZ-75', country: 'KZ', city: 'Алматы', housing: true, ...pay(400000) });
      await index.upsertVacancies([newest, newer, best, second, abroad]);
      const query = {
        occupationCodes: ['7112'],
        minorGroups: ['711'],
        textWords: [['каменщик']],
        desiredRegions: ['RU-MOW'],
        fairId: f,
        limit: 2,
      };
      const plain = await index.matchVacancies(query);
      expect(ids(plain).sort()).toEqual([newest.id, newer.id].sort());
      const ranked = await index.matchVacancies({
        ...query,
        pool: 10,
        prior: {
          needsHousing: true,
          expectedMonthly: 100000,
          expectedCurrency: 'RUB',
          weights: { region: 0.15, housing: 0.1, pay: 0.15 },
        },
      });
      expect(ids(ranked).sort()).toEqual([best.id, second.id].sort());
    },
  );

  it('retrieves candidates who are visible or applied, best occupation fit first', async () => {
    const unit = migrantDoc({ occupations: [{ code: '6123', years: 3 }] });
    const minor = migrantDoc({ occupations: [{ code: '6121', years: 1 }] });
    const hidden = migrantDoc({ occupations: [{ code: '6123', years: 9 }], visible: false });
    const applied = migrantDoc({ occupations: [{ code: '9112', years: 1 }], visible: false });
    await index.upsertMigrants([unit, minor, hidden, applied]);
    const found = await index.matchMigrants({
      occupationCode: '6123',
      minorGroup: '612',
      textWords: ['пчеловод'],
      appliedIds: [applied.id],
      limit: 500,
    });
    const got = ids(found);
    expect(got).toContain(unit.id);
    expect(got).toContain(minor.id);
    expect(got).toContain(applied.id);
    expect(got).not.toContain(hidden.id);
    expect(got.indexOf(unit.id)).toBeLessThan(got.indexOf(minor.id));
    expect(got.indexOf(minor.id)).toBeLessThan(got.indexOf(applied.id));
    await index.deleteMigrant(unit.id, 2);
    expect(await index.getMigrant(unit.id)).toBeUndefined();
  });

  it('finds people of related trades by their words, after the trade itself', async () => {
    const chef = migrantDoc({ occupations: [{ code: '3434', years: 2 }] });
    const cook = migrantDoc({ occupations: [{ code: '5120', years: 4 }] });
    const hiddenCook = migrantDoc({ occupations: [{ code: '5120', years: 6 }], visible: false });
    const driver = migrantDoc({ occupations: [{ code: '8322', years: 5 }] });
    await index.upsertMigrants([chef, cook, hiddenCook, driver]);
    const got = ids(
      await index.matchMigrants({
        occupationCode: '3434',
        minorGroup: '343',
        textWords: ['chef'],
        appliedIds: [],
        limit: 500,
      }),
    );
    // A cook's trade ("Повар", "chef", "шеф-повар") shares the chef's words; a driver's does not.
    expect(got).toContain(chef.id);
    expect(got).toContain(cook.id);
    expect(got).not.toContain(hiddenCook.id);
    expect(got).not.toContain(driver.id);
    expect(got.indexOf(chef.id)).toBeLessThan(got.indexOf(cook.id));
  });

  it('follows a person who changes trade, hides the profile or is erased', async () => {
    const trade = (code: string) =>
      index
        .matchMigrants({
          occupationCode: code,
          minorGroup: code.slice(0, 3),
          textWords: [],
          appliedIds: [],
          limit: 500,
        })
        .then(ids);
    const person = migrantDoc({ occupations: [{ code: '8343', years: 2 }], sourceVersion: 1 });
    await index.upsertMigrants([person]);
    expect(await trade('8343')).toContain(person.id);
    await index.upsertMigrants([{ ...person, occupations: [{ code: '8211', years: 2 }], sourceVersion: 2 }]);
    expect(await trade('8343')).not.toContain(person.id);
    expect(await trade('8211')).toContain(person.id);
    // An older write changes nothing.
    await index.upsertMigrants([{ ...person, sourceVersion: 1 }]);
    expect(await trade('8343')).not.toContain(person.id);
    await index.upsertMigrants([
      { ...person, occupations: [{ code: '8211', years: 2 }], visible: false, sourceVersion: 3 },
    ]);
    expect(await trade('8211')).not.toContain(person.id);
    await index.upsertMigrants([{ ...person, occupations: [{ code: '8211', years: 2 }], sourceVersion: 4 }]);
    expect(await trade('8211')).toContain(person.id);
    await index.deleteMigrant(person.id, 5);
    expect(await trade('8211')).not.toContain(person.id);
  });

  it('rebuilds from a source while keeping what the source holds and dropping the rest', async () => {
    const kept: VacancyDocument = { ...cook, sourceVersion: 2, title: 'Повар-кулинар' };
    async function* source() {
      yield [kept];
      yield [kitchenHelper, welder];
    }
    let counted = 0;
    await index.rebuild('vacancies', source(), (n) => (counted += n));
    expect(counted).toBe(3);
    expect((await index.getVacancy(cook.id))?.title).toBe('Повар-кулинар');
    expect(await index.getVacancy(driver.id)).toBeUndefined();
    expect(ids((await search('oshpaz')).hits)[0]).toBe(cook.id);
  });
});

describe('postgres search index start', () => {
  it('writes the terms of every occupation people hold that has none yet', () =>
    withOwnTables(async (db, prefix) => {
      // An index built before people's occupations were written: a person of a trade no vacancy has.
      await db.query(`DELETE FROM search_occupations WHERE code = '6340'`);
      await db.query(`INSERT INTO ${prefix}_migrant_trades (code, id, visible) VALUES ('6340', $1, true)`, [
        randomUUID(),
      ]);
      await new PostgresSearchIndex(db, { tablePrefix: prefix }).init();
      const [row] = await db.query(
        `SELECT terms @@ to_tsquery('simple', 'hunters') AS hunters FROM search_occupations WHERE code = '6340'`,
      );
      expect(row).toEqual({ hunters: true });
    }));
});

describe('postgres search vacancy counts', () => {
  const counted = (db: DataSource, prefix: string) =>
    db.query(
      `SELECT occupation_code, region, schedule, housing, foreigners_accepted, occupation_minor, n
       FROM ${prefix}_vacancy_counts ORDER BY 1, 2, 3, 4, 5`,
    );
  const recounted = (db: DataSource, prefix: string) =>
    db.query(
      `SELECT occupation_code, region, coalesce(schedule, '') AS schedule, housing, foreigners_accepted,
              min(occupation_minor) AS occupation_minor, count(*)::int AS n
       FROM ${prefix}_vacancies GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5`,
    );

  it('keeps the counts of whole occupations equal to the index through every kind of write', () =>
    withOwnTables(async (db, prefix) => {
      const index = new PostgresSearchIndex(db, { tablePrefix: prefix });
      const regions = ['RU-MOW', 'RU-MOS', 'RU-SPE', 'KZ-75'];
      const schedules = ['full_time', 'shift', 'rotation', null] as const;
      const docs = Array.from({ length: 96 }, (_, i) =>
        vacancyDoc({
          title: i % 3 ? 'Повар' : 'Каменщик',
          occupationCode: i % 3 ? '5120' : '7112',
          region: regions[i % regions.length],
          country: regions[i % regions.length].slice(0, 2),
          schedule: schedules[i % schedules.length],
          housing: i % 5 === 0,
          foreignersAccepted: i % 7 !== 0,
          publishedAt: new Date(Date.UTC(2030, 0, 1) + i * 60_000).toISOString(),
        }),
      );
      // Two writers at once over the same counts, in opposite orders.
      await Promise.all([
        index.upsertVacancies(docs.slice(0, 60)),
        index.upsertVacancies(docs.slice(36).reverse()),
      ]);
      expect(await counted(db, prefix)).toEqual(await recounted(db, prefix));
      expect((await counted(db, prefix)).reduce((s: number, r: { n: number }) => s + r.n, 0)).toBe(96);

      // A vacancy that moves region and schedule, an older write that is ignored, deletions.
      await index.upsertVacancies(
        docs.slice(0, 10).map((d) => ({ ...d, sourceVersion: 2, region: 'RU-SPE', schedule: 'shift' })),
      );
      await index.upsertVacancies(
        docs.slice(10, 12).map((d) => ({ ...d, sourceVersion: 0, region: 'RU-KDA' })),
      );
      for (const d of docs.slice(20, 25)) await index.deleteVacancy(d.id, 5);
      await db.query(`DELETE FROM ${prefix}_vacancies WHERE id = $1`, [docs[30].id]);
      expect(await counted(db, prefix)).toEqual(await recounted(db, prefix));

      // The summed total and facets are those counted row by row (a pay filter every vacancy passes).
      for (const [q, filters] of [
        ['повар', { region: 'RU-SPE', schedule: 'shift' as const }],
        ['каменщик', { housing: true }],
        ['повар', { foreignersAccepted: false }],
        [undefined, { region: 'RU-MOW' }],
        [undefined, {}],
      ] as const) {
        const summed = await index.searchVacancies({ q, ...filters, offset: 0, limit: 5 });
        const rowByRow = await index.searchVacancies({ q, ...filters, salaryMin: 0, offset: 0, limit: 5 });
        expect(summed.total).toBeGreaterThan(0);
        expect({ total: summed.total, facets: summed.facets, hits: ids(summed.hits) }).toEqual({
          total: rowByRow.total,
          facets: rowByRow.facets,
          hits: ids(rowByRow.hits),
        });
      }

      // A rebuild that keeps a few and drops the rest.
      async function* source() {
        yield docs.slice(40, 50).map((d) => ({ ...d, sourceVersion: 3 }));
      }
      await index.rebuild('vacancies', source(), () => undefined);
      expect(await counted(db, prefix)).toEqual(await recounted(db, prefix));
      expect((await counted(db, prefix)).reduce((s: number, r: { n: number }) => s + r.n, 0)).toBe(10);
    }));
});

describe('postgres search typo corrections', () => {
  it('corrects a word to its closest lexicon words only, not to a shorter word it contains', () =>
    withOwnTables(async (db, prefix) => {
      const index = new PostgresSearchIndex(db, { tablePrefix: prefix });
      await index.init();
      const fair = randomUUID();
      const labourer = vacancyDoc({
        title: 'Разнорабочий на стройку',
        occupationCode: '9313',
        description: 'Подсобные работы на строительной площадке.',
        fairIds: [fair],
      });
      // Hand packers (9321): an occupation whose terms do not name general labourers.
      const warehouse = vacancyDoc({
        title: 'Рабочий на упаковку',
        occupationCode: '9321',
        description: 'Упаковка и маркировка товара.',
        fairIds: [fair],
      });
      await index.upsertVacancies([labourer, warehouse]);
      const search = (q: string) => index.searchVacancies({ q, fairId: fair, offset: 0, limit: 20 });
      // "raznorabochiy" is in no text: the lexicon holds "raznorabochi" (0.80 alike) and "rabochi" (0.47).
      expect(ids((await search('raznorabochiy')).hits)).toEqual([labourer.id]);
      // The shorter word, typed, still finds its own vacancy.
      expect(ids((await search('rabochiy')).hits)).toContain(warehouse.id);
    }));
});
