import { LANGS, LANG_NAMES, format, problems } from './catalogue';
import { DICTIONARY as EMPLOYER, EMPLOYER_LANGS } from './employer';
import { DICTIONARY as KIOSK } from './kiosk';
import { OWN as MIGRANT } from './migrant';
import { RECRUITMENT_LABELS } from './recruitment';
import { LABELS as STAFF, STAFF_LANGS, labelOf } from './staff';

/** Every catalogue of the web faces with the languages its face speaks. */
const CATALOGUES = [
  { name: 'kiosk', catalogue: KIOSK, langs: LANGS },
  { name: 'migrant', catalogue: MIGRANT, langs: LANGS },
  { name: 'employer', catalogue: EMPLOYER, langs: EMPLOYER_LANGS },
  { name: 'staff labels', catalogue: STAFF, langs: STAFF_LANGS },
  { name: 'staff recruitment labels', catalogue: RECRUITMENT_LABELS, langs: STAFF_LANGS },
];

describe('message catalogues', () => {
  it.each(CATALOGUES)('$name has every key in each of its languages, with the same placeholders', (c) => {
    expect(problems(c.catalogue, c.langs)).toEqual([]);
  });

  it('finds a key that exists in ru but not in tg, and a placeholder lost in translation', () => {
    const broken = {
      ok: { ru: 'Да', uz: 'Ha', tg: 'Ҳа', ky: 'Ооба', en: 'Yes' },
      noTajik: { ru: 'Назад', uz: 'Orqaga', ky: 'Артка', en: 'Back' },
      count: { ru: 'Выбрано: {count}', uz: 'Tanlandi', tg: 'Интихоб: {count}', ky: '{count}', en: '{count}' },
    };
    expect(problems(broken, LANGS)).toEqual([
      { key: 'noTajik', lang: 'tg', problem: 'missing' },
      { key: 'count', lang: 'uz', problem: 'placeholders' },
    ]);
  });

  it('names every language in itself, with its code and no flag', () => {
    expect(LANGS.map((l) => `${LANG_NAMES[l].name} ${LANG_NAMES[l].code}`)).toEqual([
      'Русский RU',
      'Oʻzbekcha UZ',
      'Тоҷикӣ TG',
      'Кыргызча KY',
      'English EN',
    ]);
    for (const l of LANGS) expect(LANG_NAMES[l].name).not.toMatch(/\p{Regional_Indicator}/u);
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(format(KIOSK.selectedCount, 'uz', { count: 2 })).toBe('Tanlandi: 2');
    expect(format({ ru: 'Шаг {n} из {total}' }, 'ru', { n: 1 })).toBe('Шаг 1 из {total}');
  });

  it('labels the codes of staff reports in the page language, not as raw codes', () => {
    expect(labelOf('ru', 'gender', 'male')).toBe('Мужчины');
    expect(labelOf('ru', 'country', 'TJ')).toBe('Таджикистан');
    expect(labelOf('en', 'country', 'UZ')).toBe('Uzbekistan');
    expect(labelOf('ru', 'st', 'hired')).toBe('Принят на работу');
    expect(labelOf('ru', 'country', 'TR')).toBe('Турция');
    expect(labelOf('ru', 'gender', 'other')).toBe('other');
  });
});
