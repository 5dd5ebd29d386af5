import { DICTIONARY, KIOSK_LANGS, LANG_NAMES, t } from './i18n';

describe('kiosk dictionary', () => {
  it('has every key in all five languages, none empty', () => {
    for (const [key, entry] of Object.entries(DICTIONARY)) {
      for (const lang of KIOSK_LANGS) {
        const text = (entry as Record<string, string | undefined>)[lang];
        expect({ key, lang, ok: typeof text === 'string' && text.trim().length > 0 }).toEqual({
          key,
          lang,
          ok: true,
        });
      }
      expect(Object.keys(entry).sort()).toEqual([...KIOSK_LANGS].sort());
    }
  });

  it('uses the same placeholders in every language', () => {
    for (const [key, entry] of Object.entries(DICTIONARY)) {
      const names = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort().join(',');
      const expected = names((entry as Record<string, string>).en);
      for (const lang of KIOSK_LANGS) {
        expect({ key, lang, placeholders: names((entry as Record<string, string>)[lang]) }).toEqual({
          key,
          lang,
          placeholders: expected,
        });
      }
    }
  });

  it('names every language natively with a flag', () => {
    expect(KIOSK_LANGS.map((l) => LANG_NAMES[l].name)).toEqual([
      'Русский',
      'Oʻzbekcha',
      'Тоҷикӣ',
      'Кыргызча',
      'English',
    ]);
  });

  it('fills placeholders', () => {
    expect(t('uz', 'selectedCount', { count: 2 })).toBe('Tanlandi: 2');
  });
});
