/**
 * One message format for every face: a catalogue maps a key to its text in each language the face
 * speaks, side by side so a translator sees them together. `{name}` placeholders are filled by
 * `format()`. `problems()` lists what is missing; catalogue.spec.ts runs it over every catalogue.
 */
export const LANGS = ['ru', 'uz', 'tg', 'ky', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/**
 * What the language picker shows: the language's own name and its code. No flags: a flag is a
 * country, not a language, and many kiosks render none.
 */
export const LANG_NAMES: Record<Lang, { name: string; code: string }> = {
  ru: { name: 'Русский', code: 'RU' },
  uz: { name: 'Oʻzbekcha', code: 'UZ' },
  tg: { name: 'Тоҷикӣ', code: 'TG' },
  ky: { name: 'Кыргызча', code: 'KY' },
  en: { name: 'English', code: 'EN' },
};

export type Entry<L extends string = Lang> = Record<L, string>;
export type Catalogue<L extends string = Lang> = Record<string, Entry<L>>;

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

export function format<L extends string>(
  entry: Entry<L>,
  lang: L,
  params: Record<string, string | number> = {},
): string {
  const text = entry[lang] ?? (entry as Record<string, string>).en ?? '';
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort().join(',');

/** Every key whose text is missing or empty in one of `langs`, or whose placeholders differ from ru's. */
export function problems(
  catalogue: Record<string, Record<string, string | undefined>>,
  langs: readonly string[],
) {
  const found: Array<{
    key: string;
    lang: string;
    problem: 'missing' | 'placeholders' | 'unknown language';
  }> = [];
  for (const [key, entry] of Object.entries(catalogue)) {
    const reference = placeholders(entry.ru ?? entry.en ?? '');
    for (const lang of langs) {
      const text = entry[lang];
      if (typeof text !== 'string' || !text.trim()) found.push({ key, lang, problem: 'missing' });
      else if (placeholders(text) !== reference) found.push({ key, lang, problem: 'placeholders' });
    }
    for (const lang of Object.keys(entry))
      if (!langs.includes(lang)) found.push({ key, lang, problem: 'unknown language' });
  }
  return found;
}
