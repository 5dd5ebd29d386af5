import {
  minimumWageFacts,
  MINIMUM_WAGE_FACT,
  NATIONAL_MINIMUM_NOTE,
} from 'src/modules/reference/minimum-wage.facts';
import { LABEL_LANGS, ReferenceCatalog } from 'src/modules/reference/reference.catalog';

const catalog = ReferenceCatalog.load();

describe('minimum wage facts', () => {
  it('has the fact and the note in every language with the same parameters', () => {
    const params = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const lang of LABEL_LANGS) {
      expect(params(MINIMUM_WAGE_FACT[lang])).toEqual(['amount', 'currency', 'date', 'region']);
      expect(NATIONAL_MINIMUM_NOTE[lang].trim()).not.toBe('');
    }
    // Uzbek in Latin with oʻ, the others in their script.
    expect(MINIMUM_WAGE_FACT.uz).not.toMatch(/[oOgG]['`‘’]/);
    for (const lang of ['ru', 'tg', 'ky'] as const) expect(MINIMUM_WAGE_FACT[lang]).toMatch(/[а-яё]{4}/i);
  });

  it('states Moscow’s own minimum in five languages, with the region named in each', () => {
    const wage = catalog.minimumWage('RU', 'RU-MOW', '2026-12-10')!;
    const facts = minimumWageFacts(wage, 'RU-MOW', catalog);
    expect(facts.en).toBe(
      'Region: Moscow. From 2026-01-01 the minimum wage for full-time work is 39,730 ₽ a month. ' +
        'Part-time work is paid at least in proportion to the hours worked.',
    );
    expect(facts.ru).toContain('Регион: Москва. С 01.01.2026');
    expect(facts.ru).toContain('39\u00a0730 ₽');
    expect(facts.tg).toContain('Минтақа: Маскав.');
    expect(facts.uz).toContain('Hudud: Moskva.');
    expect(facts.ky).toContain('Аймак: Москва.');
    for (const text of Object.values(facts)) expect(text).not.toMatch(/\{\w+\}|federal|федерал/i);
  });

  it('says a federal figure is federal where a region may set a higher one, and not in Kazakhstan', () => {
    const ru = minimumWageFacts(catalog.minimumWage('RU', 'RU-MOS', '2026-12-10')!, 'RU-MOS', catalog);
    expect(ru.tg).toContain('Вилояти Маскав');
    expect(ru.tg).toContain('27\u00a0093 ₽');
    for (const lang of LABEL_LANGS) expect(ru[lang]).toContain(NATIONAL_MINIMUM_NOTE[lang]);
    const kz = minimumWageFacts(catalog.minimumWage('KZ', 'KZ-75', '2026-12-10')!, 'KZ-75', catalog);
    expect(kz.uz).toContain('Hudud: Olmaota.');
    expect(kz.uz).toContain('85\u00a0000 ₸');
    for (const lang of LABEL_LANGS) expect(kz[lang]).not.toContain(NATIONAL_MINIMUM_NOTE[lang]);
  });
});
