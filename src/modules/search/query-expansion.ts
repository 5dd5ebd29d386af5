import { matchKey, normalizeForSearch, searchVariants } from 'src/common/text/transliterate';
import { ReferenceCatalog } from 'src/modules/reference/reference.catalog';
import type { MigrantDocument, VacancyDocument } from 'src/modules/search/search.types';

/** Words that carry no meaning in a job search, in the scripts people type. */
const STOP_WORDS = new Set([
  'и',
  'в',
  'на',
  'с',
  'для',
  'по',
  'от',
  'до',
  'без',
  'and',
  'of',
  'the',
  'for',
  'in',
  'a',
  'i',
  'v',
  'na',
  's',
  'dlya',
  'dlia',
  'po',
]);

const MAX_QUERY_WORDS = 8;
const MAX_WORD_LENGTH = 40;

/** An occupation the query names, with its weight in 0..1 (how well a label matched). */
export interface OccupationHint {
  code: string;
  weight: number;
}

export interface ExpandedQuery {
  /** Normalised forms of the query: as typed, transliterated both ways, the folded Latin key. */
  variants: string[][];
  /** Occupations whose labels in any language match the query (typos and scripts tolerated). */
  occupations: OccupationHint[];
}

// An occupation must match well in absolute terms and be close to the best match to count.
const OCCUPATION_MIN_SCORE = 0.6;
const OCCUPATION_RELATIVE = 0.75;
const WORD_OCCUPATION_MIN_SCORE = 0.7;
const WORD_OCCUPATION_WEIGHT = 0.8;

/**
 * Expands a jobseeker's query for the index: every script and transliteration of the words, and the
 * occupations named by any label or synonym in ru/uz/tg/ky/en ("oshpaz", "ошпаз", "povar" → 5120).
 */
export function expandQuery(q: string, catalog = ReferenceCatalog.load()): ExpandedQuery {
  const variants = searchVariants(q.slice(0, 200))
    .map((v) =>
      v
        .split(' ')
        .filter((w) => w.length > 0 && w.length <= MAX_WORD_LENGTH && !STOP_WORDS.has(w))
        .slice(0, MAX_QUERY_WORDS),
    )
    .filter((words) => words.length > 0);
  const unique = new Map(variants.map((w) => [w.join(' '), w]));
  const matches = catalog.searchOccupations(q, 'en', 8);
  const top = matches[0]?.score ?? 0;
  const occupations = matches
    .filter((m) => m.score >= Math.max(OCCUPATION_MIN_SCORE, top * OCCUPATION_RELATIVE))
    .map((m) => ({ code: m.code, weight: Math.min(1, m.score) }));
  // In a longer query ("повар Казань", "сварка металлоконструкций") a single word may name the
  // occupation while the rest is a place or a duty: such a word counts, with less weight.
  const words = normalizeForSearch(q.slice(0, 200))
    .split(' ')
    .filter((w) => w.length >= 4 && !STOP_WORDS.has(w));
  if (words.length > 1) {
    for (const word of words.slice(0, MAX_QUERY_WORDS)) {
      for (const m of catalog.searchOccupations(word, 'en', 3)) {
        if (m.score < WORD_OCCUPATION_MIN_SCORE || occupations.some((o) => o.code === m.code)) continue;
        occupations.push({ code: m.code, weight: Math.min(1, m.score) * WORD_OCCUPATION_WEIGHT });
      }
    }
  }
  return { variants: [...unique.values()], occupations };
}

const termCache = new Map<string, string[]>();

/**
 * The words an occupation is known by, for the document side of the index: the labels and the
 * hand-written synonyms of a trade in every language and script, or the first ESCO labels otherwise.
 * The long tail of ESCO titles ("communard", "apprentice") would only add noise to documents.
 */
export function documentOccupationTerms(code: string, catalog = ReferenceCatalog.load()): string[] {
  const cached = termCache.get(code);
  if (cached) return cached;
  const occ = catalog.occupation(code);
  const terms = catalog.occupationTerms(code);
  let picked: string[];
  if (occ?.trade) {
    const end = terms.indexOf(occ.labelEn);
    picked = end >= 0 ? terms.slice(0, end + 1) : terms.slice(0, 30);
  } else {
    picked = terms.slice(0, 6);
  }
  if (occ) picked = [...new Set([...Object.values(occ.labels), ...picked])];
  termCache.set(code, picked);
  return picked;
}

/** Normalised text plus its folded Latin keys, so Cyrillic and Latin typing meet the same words. */
function withKeys(parts: string[]): string {
  const text = normalizeForSearch(parts.join(' '));
  const keys = matchKey(parts.join(' '));
  return `${text} ${keys}`.trim();
}

/** The weighted text fields of a document: A title and occupation, B skills, C places, D description. */
export interface WeightedText {
  a: string;
  b: string;
  c: string;
  d: string;
}

/**
 * A vacancy's own text. Field A holds the title only: the occupation's labels and synonyms, the same for
 * every vacancy of the occupation, are `occupationText`, kept once per occupation by the index.
 */
export function vacancyText(doc: VacancyDocument, catalog = ReferenceCatalog.load()): WeightedText {
  const region = catalog.region(doc.region);
  return {
    a: withKeys([doc.title]),
    b: withKeys(doc.skills),
    c: normalizeForSearch(
      [doc.city ?? '', region?.nameRu ?? '', region?.nameEn ?? '', doc.employerName].join(' '),
    ),
    d: normalizeForSearch(doc.description),
  };
}

/** The words every vacancy of an occupation carries in field A: its labels and synonyms, with their keys. */
export function occupationText(code: string, catalog = ReferenceCatalog.load()): string {
  return withKeys(documentOccupationTerms(code, catalog));
}

export function migrantText(doc: MigrantDocument, catalog = ReferenceCatalog.load()): WeightedText {
  return {
    a: withKeys(doc.occupations.flatMap((o) => documentOccupationTerms(o.code, catalog))),
    b: '',
    c: normalizeForSearch(doc.desiredRegions.map((r) => catalog.region(r)?.nameRu ?? '').join(' ')),
    d: '',
  };
}

/** Distinct words of the A and B fields, for the typo-correction lexicon. */
export function lexiconWords(text: WeightedText): string[] {
  return [
    ...new Set(`${text.a} ${text.b}`.split(' ').filter((w) => w.length >= 3 && w.length <= MAX_WORD_LENGTH)),
  ];
}

/**
 * Words of ISCO-08 titles that say how the classification is built, not what the work is ("Ships' deck crews and
 * related workers", "… not elsewhere classified"): as query words they match hundreds of unrelated occupations.
 */
const LABEL_FILLER = new Set(['related', 'workers', 'not', 'elsewhere', 'classified', 'other', 'associate']);

/** The words of a migrant's trades, as a query against vacancies (labels in every language, each phrase once). */
export function tradesQueryText(codes: string[], catalog = ReferenceCatalog.load()): string[][] {
  const out = new Map<string, string[]>();
  for (const code of codes) {
    const occ = catalog.occupation(code);
    if (!occ) continue;
    for (const label of [occ.labels.ru, occ.labels.en]) {
      const words = normalizeForSearch(label)
        .split(' ')
        .filter((w) => w.length > 2 && !STOP_WORDS.has(w) && !LABEL_FILLER.has(w))
        .slice(0, 4);
      if (words.length) out.set(words.join(' '), words);
    }
  }
  return [...out.values()];
}
