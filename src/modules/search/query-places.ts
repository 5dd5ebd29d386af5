import { matchKey } from 'src/common/text/transliterate';
import { ReferenceCatalog } from 'src/modules/reference/reference.catalog';

/**
 * Region names in a jobseeker's query. "повар Москва", "oshpaz Moskva" and "повар в Москве" ask for cooks in Moscow:
 * the place is read as the region filter, and the words that named it leave the text query. Every vacancy's region
 * name is among its words, so as a text word a region name is one of the most common words of the index; as a
 * filter it costs nothing.
 */
export interface PlaceReading {
  /** The query without the words that named the region; undefined when nothing else was left. */
  q: string | undefined;
  /** The region to filter by: the one the query named, or the one asked for. */
  region: string | undefined;
  /** The region the query named, when it was read as the filter. */
  named?: string;
}

/**
 * Words of region names that say what kind of region it is, not which ("Республика Татарстан" is also just
 * "Татарстан"), as stems (see `stem`).
 */
const DESIGNATORS = new Set([
  'respublik',
  'oblast',
  'kr',
  'avtonomn',
  'okrug',
  'republic',
  'region',
  'autonomous',
  'of',
]);

/** Other names people use for a region; phrases are normalised like the names. */
const ALIASES: Record<string, string[]> = {
  'RU-MOW': ['мск'],
  'RU-MOS': ['Подмосковье', 'Мособласть'],
  'RU-SPE': ['СПб', 'Питер'],
  'RU-LEN': ['Ленобласть'],
};

/**
 * English short forms that are also people's names or other words ("ИП Иванов", "Vladimir", a "perm" at the
 * hairdresser's): their regions are named in full only.
 */
const NOT_SHORT_FORMS = new Set(
  ['Ivanovo', 'Vladimir', 'Kirov', 'Oryol', 'Amur', 'Perm', 'Jewish'].map((w) => stems(w)[0]),
);

/** A single-word short form must be this long (as a stem): "Коми" or "Тыва" alone are too easily other words. */
const SHORT_FORM_MIN_LENGTH = 4;

/**
 * A word's matching key without its case ending, so that "Москва", "Москве", "Moskva" and "Moskvu" meet, and
 * "Московская область" and "Московской области".
 */
function stem(word: string): string {
  return word.replace(/[aeiouy]+$/, '');
}

function stems(text: string): string[] {
  return matchKey(text)
    .split(' ')
    .filter((w) => w.length > 0)
    .map(stem)
    .filter((w) => w.length > 0);
}

interface Phrase {
  stems: string[];
  code: string;
}

const tables = new WeakMap<ReferenceCatalog, Phrase[]>();

/**
 * Every way of naming each region, longest first. Full names (Russian, English) and aliases come before short
 * forms; a short form that is also another region's name ("Moscow" of "Moscow Oblast"), or two regions' short
 * form, is left out. The English short forms are mostly the names of the regions' capitals: "Краснодар" reads as
 * "Krasnodar Krai", which the city's vacancies are in, and whose Russian name a text search matched before too.
 */
export function regionPhrases(catalog = ReferenceCatalog.load()): Phrase[] {
  const cached = tables.get(catalog);
  if (cached) return cached;
  const full = new Map<string, Set<string>>();
  const short = new Map<string, Set<string>>();
  const add = (map: Map<string, Set<string>>, key: string[], code: string) => {
    if (!key.length) return;
    const k = key.join(' ');
    map.set(k, (map.get(k) ?? new Set()).add(code));
  };
  for (const region of catalog.regions()) {
    const names = [region.nameRu, region.nameEn, ...(ALIASES[region.code] ?? [])];
    for (const name of names) {
      const key = stems(name);
      add(full, key, region.code);
      const rest = key.filter((s) => !DESIGNATORS.has(s));
      // A Russian name gives a short form only after its designator ("Республика Татарстан"): before it, the
      // rest is an adjective ("Московская область"), and "московский" names streets and companies too.
      const shortForm = !/\p{Script=Cyrillic}/u.test(name) || DESIGNATORS.has(key[0]);
      const single =
        rest.length === 1 && rest[0].length >= SHORT_FORM_MIN_LENGTH && !NOT_SHORT_FORMS.has(rest[0]);
      if (shortForm && rest.length < key.length && (rest.length > 1 || single)) {
        add(short, rest, region.code);
      }
    }
  }
  const phrases: Phrase[] = [];
  for (const [key, codes] of full)
    if (codes.size === 1) phrases.push({ stems: key.split(' '), code: [...codes][0] });
  for (const [key, codes] of short) {
    if (codes.size === 1 && !full.has(key)) phrases.push({ stems: key.split(' '), code: [...codes][0] });
  }
  phrases.sort((a, b) => b.stems.length - a.stems.length);
  tables.set(catalog, phrases);
  return phrases;
}

/**
 * Reads a region named in `q` as the region filter. Only one region may be named; if the query asks for another
 * region than `region` (the filter given), or names two, its words stay text ("повар Москва" in the Moscow oblast
 * finds the oblast's vacancies that mention Moscow).
 */
export function readPlaces(
  q: string | undefined,
  region: string | undefined,
  catalog = ReferenceCatalog.load(),
): PlaceReading {
  if (!q) return { q, region };
  const words = q.split(/\s+/).filter((w) => w.length > 0);
  // The query's stems in a row ("Санкт-Петербург" is one word and two stems), and where each word's begin.
  const flat: string[] = [];
  const firstStem = words.map((w) => {
    const at = flat.length;
    flat.push(...stems(w));
    return at;
  });
  const phrases = regionPhrases(catalog);
  const found: Array<{ code: string; from: number; to: number }> = [];
  for (let i = 0; i < words.length;) {
    const at = firstStem[i];
    // A phrase must start and end on word boundaries: "Санкт" alone names nothing.
    const hit = phrases.find(
      (p) =>
        p.stems.every((stem, j) => flat[at + j] === stem) &&
        (at + p.stems.length === flat.length || firstStem.includes(at + p.stems.length)),
    );
    if (!hit) {
      i++;
      continue;
    }
    let to = i + 1;
    while (to < words.length && firstStem[to] < at + hit.stems.length) to++;
    found.push({ code: hit.code, from: i, to });
    i = to;
  }
  const codes = new Set(found.map((f) => f.code));
  if (codes.size !== 1) return { q, region };
  const named = [...codes][0];
  if (region && region !== named) return { q, region };
  const rest = words.filter((_, i) => !found.some((f) => i >= f.from && i < f.to)).join(' ');
  // A preposition left on its own ("в", "in") is a stop word of the text query and does no harm.
  return { q: rest || undefined, region: named, named };
}
