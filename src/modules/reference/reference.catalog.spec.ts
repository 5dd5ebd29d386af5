import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { latinToCyrillic } from '../../common/text/transliterate';
import { LABEL_LANGS, ReferenceCatalog, regionNames, resolveDataDir } from './reference.catalog';

const TRADES = [
  '9313',
  '7112',
  '7123',
  '7131',
  '7212',
  '7411',
  '7126',
  '5120',
  '9412',
  '9112',
  '9333',
  '8322',
  '8332',
  '5223',
  '9211',
  '7533',
  '8153',
  '9111',
  '5311',
  '5322',
  '5414',
];

interface TradeData {
  code: string;
  labels: Record<string, string>;
  synonyms: Record<string, string[]>;
}

const catalog = ReferenceCatalog.load();
const dataDir = resolveDataDir();
const trades = (JSON.parse(readFileSync(join(dataDir, 'trades.json'), 'utf8')) as { trades: TradeData[] })
  .trades;

function top(q: string, lang = 'en'): string | undefined {
  return catalog.searchOccupations(q, lang, 5)[0]?.code;
}

describe('ReferenceCatalog occupations', () => {
  it('holds all 436 ISCO-08 unit groups', () => {
    expect(catalog.allOccupations()).toHaveLength(436);
    expect(catalog.isOccupation('5120')).toBe(true);
    expect(catalog.isOccupation('512')).toBe(false);
    expect(catalog.isOccupation('9999')).toBe(false);
    expect(catalog.isOccupation(5120)).toBe(false);
  });

  it('describes a unit group with its parent groups and labels', () => {
    const cook = catalog.occupation('5120');
    expect(cook).toMatchObject({
      code: '5120',
      level: 4,
      labelEn: 'Cooks',
      trade: true,
      labels: { ru: 'Повар', uz: 'Oshpaz', tg: 'Ошпаз', ky: 'Ашпозчу', en: 'Cook' },
      minorGroup: { code: '512' },
      subMajorGroup: { code: '51' },
      majorGroup: { code: '5', labelEn: 'Service and sales workers' },
    });
  });

  it('falls back to the English label where no translation exists', () => {
    const occ = catalog.occupation('2111');
    expect(occ?.labels.ru).toBe(occ?.labelEn);
    expect(catalog.occupationLabel('2111', 'ky')).toBe(occ?.labelEn);
    expect(catalog.occupationLabel('0000', 'ru')).toBeUndefined();
  });

  it('has every listed trade with labels in all five languages and Uzbek in both scripts', () => {
    expect(catalog.tradeCodes().sort()).toEqual([...TRADES].sort());
    for (const t of trades) {
      for (const lang of [...LABEL_LANGS, 'uzCyrl']) {
        expect(t.labels[lang]?.trim()).toBeTruthy();
        expect(Array.isArray(t.synonyms[lang])).toBe(true);
      }
      for (const lang of ['ru', 'uzCyrl', 'tg', 'ky']) {
        expect(t.labels[lang]).toMatch(/[\u0400-\u04ff]/);
      }
      expect(t.labels.uz).not.toMatch(/[\u0400-\u04ff]/);
      // The Uzbek Cyrillic words are the same words as the Latin ones.
      expect(t.labels.uzCyrl).toBe(latinToCyrillic(t.labels.uz, { script: 'uz' }));
      expect(t.synonyms.uzCyrl).toEqual(t.synonyms.uz.map((s) => latinToCyrillic(s, { script: 'uz' })));
    }
  });

  it('lists every label, synonym and ESCO label of an occupation as search terms', () => {
    const terms = catalog.occupationTerms('5120');
    expect(terms).toEqual(
      expect.arrayContaining(['Повар', 'Oshpaz', 'Ошпаз', 'Ашпозчу', 'Cook', 'кулинар', 'Cooks']),
    );
    expect(terms).toContain('chef');
    expect(terms.length).toBeGreaterThan(20);
  });

  it.each(['oshpaz', 'ошпаз', 'повар', 'povar', 'cook', 'povr', 'oshpz', 'Ошпаз', 'ашпозчу', 'chef'])(
    'finds the cook first for %s',
    (q) => {
      expect(top(q)).toBe('5120');
    },
  );

  it.each(['svarshik', 'сварщик', 'payvandchi', 'пайвандчи', 'кафшергар', 'welder', 'svarschik'])(
    'finds the welder first for %s',
    (q) => {
      expect(top(q)).toBe('7212');
    },
  );

  it.each([
    ['электрик', '7411'],
    ['elektrik', '7411'],
    ['грузчик', '9333'],
    ['qurilish ishchisi', '9313'],
    ['разнорабочий', '9313'],
    ['каменщик', '7112'],
    ['штукатур', '7123'],
    ['маляр', '7131'],
    ['сантехник', '7126'],
    ['посудомойщица', '9412'],
    ['уборщица', '9112'],
    ['farrosh', '9112'],
    ['дальнобойщик', '8332'],
    ['водитель грузовика', '8332'],
    ['продавец', '5223'],
    ['sotuvchi', '5223'],
    ['dehqon', '9211'],
    ['швея-мотористка', '8153'],
    ['домработница', '9111'],
    ['няня', '5311'],
    ['enaga', '5311'],
    ['сиделка', '5322'],
    ['охранник', '5414'],
    ["qo'riqchi", '5414'],
    ['күзөтчү', '5414'],
  ])('finds %s as %s', (q, code) => {
    expect(top(q)).toBe(code);
  });

  it('finds a driver for "voditel"', () => {
    expect(['8322', '8332']).toContain(top('voditel'));
  });

  it('prefers the exact trade over a longer label that contains the word', () => {
    const hits = catalog.searchOccupations('ошпаз', 'ru', 5);
    expect(hits[0]).toMatchObject({ code: '5120', label: 'Повар' });
    expect(hits[1]?.code).toBe('9412');
    expect(hits[0].score).toBeGreaterThan(hits[1].score);
  });

  it('returns labels in the requested language', () => {
    expect(catalog.searchOccupations('povar', 'uz', 1)[0].label).toBe('Oshpaz');
    expect(catalog.searchOccupations('povar', 'ky', 1)[0].label).toBe('Ашпозчу');
  });

  it('finds non-trade occupations through ESCO English labels', () => {
    expect(top('software developer')).toBe('2512');
  });

  it('returns nothing for an empty or meaningless query and respects the limit', () => {
    expect(catalog.searchOccupations('', 'en')).toEqual([]);
    expect(catalog.searchOccupations('  ', 'en')).toEqual([]);
    expect(catalog.searchOccupations('zzqxw', 'en')).toEqual([]);
    expect(catalog.searchOccupations('worker', 'en', 3)).toHaveLength(3);
  });

  it('answers a query well under 5 ms', () => {
    const queries = [
      'oshpaz',
      'povr',
      'svarshik',
      'водитель грузовика',
      'electrician',
      'kitchen helper',
      'oshpz',
    ];
    for (const q of queries) catalog.searchOccupations(q, 'ru');
    const rounds = 20;
    const start = process.hrtime.bigint();
    for (let i = 0; i < rounds; i++) for (const q of queries) catalog.searchOccupations(q, 'ru');
    const perQueryMs = Number(process.hrtime.bigint() - start) / 1e6 / (rounds * queries.length);
    expect(perQueryMs).toBeLessThan(5);
  });
});

describe('ReferenceCatalog regions', () => {
  it('lists the 83 Russian subjects of ISO 3166-2:RU and the 20 Kazakh regions', () => {
    expect(catalog.regions('RU')).toHaveLength(83);
    expect(
      catalog
        .regions('KZ')
        .map((r) => r.code)
        .sort(),
    ).toEqual(
      [
        'KZ-10',
        'KZ-11',
        'KZ-15',
        'KZ-19',
        'KZ-23',
        'KZ-27',
        'KZ-31',
        'KZ-33',
        'KZ-35',
        'KZ-39',
        'KZ-43',
        'KZ-47',
        'KZ-55',
        'KZ-59',
        'KZ-61',
        'KZ-62',
        'KZ-63',
        'KZ-71',
        'KZ-75',
        'KZ-79',
      ].sort(),
    );
    // With the countries of origin: 5 in TJ, 14 in UZ, 9 in KG.
    expect(catalog.regions()).toHaveLength(131);
  });

  it('keeps Moscow city and Moscow oblast, St Petersburg and Leningrad oblast apart', () => {
    const mow = catalog.region('RU-MOW');
    const mos = catalog.region('RU-MOS');
    expect(mow).toMatchObject({ nameRu: 'Москва', portalCode: '7700000000000', timezone: 'Europe/Moscow' });
    expect(mos).toMatchObject({ nameRu: 'Московская область', portalCode: '5000000000000' });
    expect(catalog.region('RU-SPE')?.portalCode).toBe('7800000000000');
    expect(catalog.region('RU-LEN')?.portalCode).toBe('4700000000000');
    expect(catalog.regionByPortalCode('7700000000000')?.code).toBe('RU-MOW');
  });

  it('gives every Russian region a distinct 13-digit portal code and every region a real time zone', () => {
    const codes = catalog.regions('RU').map((r) => r.portalCode);
    for (const c of codes) expect(c).toMatch(/^\d{2}0{11}$/);
    expect(new Set(codes).size).toBe(codes.length);
    for (const r of catalog.regions()) {
      expect(() => new Intl.DateTimeFormat('en', { timeZone: r.timezone })).not.toThrow();
      expect(r.nameRu).toBeTruthy();
      expect(r.nameEn).toBeTruthy();
    }
    expect(catalog.region('RU-KGD')?.timezone).toBe('Europe/Kaliningrad');
    expect(catalog.region('RU-PRI')?.timezone).toBe('Asia/Vladivostok');
  });

  it('checks a region code against its country', () => {
    expect(catalog.isRegion('KZ-75')).toBe(true);
    expect(catalog.isRegion('KZ-75', 'KZ')).toBe(true);
    expect(catalog.isRegion('KZ-75', 'RU')).toBe(false);
    expect(catalog.isRegion('RU-MOW', 'RU')).toBe(true);
    expect(catalog.isRegion('KZ-ALA')).toBe(false);
    expect(catalog.isRegion('RU-XXX')).toBe(false);
  });

  it('names every region in the five languages, each in its own script', () => {
    for (const r of catalog.regions()) {
      const names = regionNames(r);
      for (const lang of LABEL_LANGS)
        expect({ code: r.code, lang, name: names[lang]?.trim() }).toEqual({
          code: r.code,
          lang,
          name: expect.stringMatching(/\S/),
        });
      // Uzbek in Latin with oʻ/gʻ (not an ASCII apostrophe); Tajik and Kyrgyz in Cyrillic.
      expect({ code: r.code, uz: /^[A-Za-zʻ() —-]+$/.test(names.uz) }).toEqual({ code: r.code, uz: true });
      for (const lang of ['tg', 'ky'] as const) {
        expect({ code: r.code, lang, cyrillic: /^[\p{Script=Cyrillic}() —-]+$/u.test(names[lang]) }).toEqual({
          code: r.code,
          lang,
          cyrillic: true,
        });
      }
    }
  });

  it('tells a city from its surrounding region in every language', () => {
    expect(LABEL_LANGS.map((lang) => catalog.regionName('RU-MOW', lang))).toEqual([
      'Москва',
      'Moskva',
      'Маскав',
      'Москва',
      'Moscow',
    ]);
    expect(LABEL_LANGS.map((lang) => catalog.regionName('RU-MOS', lang))).toEqual([
      'Московская область',
      'Moskva viloyati',
      'Вилояти Маскав',
      'Москва облусу',
      'Moscow Oblast',
    ]);
    expect(catalog.regionName('KZ-75', 'tg')).toBe('Алмаато');
    expect(catalog.regionName('KZ-19', 'uz')).toBe('Olmaota viloyati');
    expect(catalog.regionName('RU-MOW', 'de')).toBe('Москва');
    expect(catalog.regionName('RU-XXX', 'en')).toBeUndefined();
  });
});

describe('ReferenceCatalog countries and languages', () => {
  it('lists the 249 ISO 3166-1 alpha-2 codes with names', () => {
    expect(catalog.countries()).toHaveLength(249);
    expect(catalog.country('UZ')).toEqual({ code: 'UZ', nameRu: 'Узбекистан', nameEn: 'Uzbekistan' });
    expect(catalog.country('TJ')?.nameRu).toBe('Таджикистан');
    for (const c of ['RU', 'KZ', 'KG', 'AM', 'BY', 'AZ', 'MD', 'UA', 'TM', 'GE', 'CN', 'TR']) {
      expect(catalog.isCountry(c)).toBe(true);
    }
    expect(catalog.isCountry('SU')).toBe(false);
    expect(catalog.isCountry('uz')).toBe(false);
  });

  it('knows the languages migrants list and the CEFR levels', () => {
    for (const l of [
      'ru',
      'uz',
      'tg',
      'ky',
      'kk',
      'en',
      'tk',
      'az',
      'hy',
      'ka',
      'ro',
      'uk',
      'be',
      'tr',
      'zh',
      'fa',
      'ar',
      'de',
      'fr',
    ]) {
      expect(catalog.isLanguage(l)).toBe(true);
    }
    expect(catalog.language('tg')).toEqual({ code: 'tg', nameRu: 'таджикский', nameEn: 'Tajik' });
    expect(catalog.isLanguage('xx')).toBe(false);
    expect(catalog.languageLevels).toEqual(['A1', 'A2', 'B1', 'B2', 'C1', 'C2', 'native']);
    expect(catalog.isLanguageLevel('B2')).toBe(true);
    expect(catalog.isLanguageLevel('D1')).toBe(false);
  });
});

describe('ReferenceCatalog minimum wage', () => {
  it('returns the Russian federal minimum in force on a date', () => {
    expect(catalog.minimumWage('RU', 'RU-TAT', '2024-06-01')).toMatchObject({
      amount: 19242,
      currency: 'RUB',
      effectiveFrom: '2024-01-01',
    });
    expect(catalog.minimumWage('RU', undefined, '2025-01-01')?.amount).toBe(22440);
    expect(catalog.minimumWage('RU', 'RU-TVE', new Date('2026-03-01T00:00:00Z'))?.amount).toBe(27093);
    expect(catalog.minimumWage('RU', null, '2025-06-01')?.legalBasis).toMatch(/82-FZ/);
  });

  it('returns the Kazakh minimum and nothing before the first entry or for an unknown country', () => {
    expect(catalog.minimumWage('KZ', 'KZ-75', '2024-05-01')).toMatchObject({
      amount: 85000,
      currency: 'KZT',
    });
    expect(catalog.minimumWage('RU', undefined, '2023-12-31')).toBeUndefined();
    expect(catalog.minimumWage('UZ', undefined, '2025-01-01')).toBeUndefined();
  });

  it("returns Moscow's own minimum, with the agreement that sets it, and says it is regional", () => {
    expect(catalog.minimumWage('RU', 'RU-MOW', '2026-12-10')).toEqual({
      amount: 39730,
      currency: 'RUB',
      effectiveFrom: '2026-01-01',
      legalBasis: expect.stringContaining('minimum wage in the city of Moscow for 2026'),
      scope: 'regional',
      region: 'RU-MOW',
    });
    expect(catalog.minimumWage('RU', 'RU-MOW', '2025-06-01')).toMatchObject({
      amount: 32916,
      legalBasis: expect.stringContaining('No. 77-1697 of 20.12.2024'),
    });
    expect(catalog.minimumWage('RU', 'RU-MOW', '2024-06-01')?.amount).toBe(29389);
    // Moscow oblast is another subject: the federal minimum, and the rules say regions may set their own.
    expect(catalog.minimumWage('RU', 'RU-MOS', '2026-12-10')).toMatchObject({
      amount: 27093,
      scope: 'national',
    });
    expect(catalog.minimumWageRules('RU')).toMatchObject({
      fullTimeHoursPerWeek: 40,
      regionalMinimums: expect.stringContaining('133.1'),
    });
    expect(catalog.minimumWageRules('KZ')?.regionalMinimums).toBeUndefined();
  });

  it('lets a regional minimum override the national one where it is higher', () => {
    const dir = mkdtempSync(join(tmpdir(), 'reference-'));
    for (const f of readdirSync(dataDir)) copyFileSync(join(dataDir, f), join(dir, f));
    const wages = JSON.parse(readFileSync(join(dir, 'minimum-wages.json'), 'utf8'));
    wages.wages.push(
      {
        country: 'RU',
        region: 'RU-TVE',
        amount: 30000,
        currency: 'RUB',
        period: 'month',
        effectiveFrom: '2025-01-01',
        legalBasis: 'test',
      },
      {
        country: 'RU',
        region: 'RU-TUL',
        amount: 1000,
        currency: 'RUB',
        period: 'month',
        effectiveFrom: '2025-01-01',
        legalBasis: 'test',
      },
    );
    writeFileSync(join(dir, 'minimum-wages.json'), JSON.stringify(wages));
    const custom = new ReferenceCatalog(dir);
    expect(custom.minimumWage('RU', 'RU-TVE', '2025-02-01')).toMatchObject({
      amount: 30000,
      scope: 'regional',
    });
    expect(custom.minimumWage('RU', 'RU-MOS', '2025-02-01')?.amount).toBe(22440);
    expect(custom.minimumWage('RU', 'RU-TUL', '2025-02-01')).toMatchObject({
      amount: 22440,
      scope: 'national',
    });
    expect(custom.minimumWage('RU', 'RU-TVE', '2026-02-01')?.amount).toBe(30000);
  });
});

describe('resolveDataDir', () => {
  it('finds the data folder from the compiled location under dist/', () => {
    const fromDist = resolveDataDir(
      resolve(__dirname, '..', '..', '..', 'dist', 'src', 'modules', 'reference'),
    );
    expect(fromDist).toBe(dataDir);
    expect(readdirSync(fromDist)).toEqual(
      expect.arrayContaining(['trades.json', 'regions.json', 'README.md']),
    );
  });
});
