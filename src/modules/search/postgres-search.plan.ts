import { DataSource } from 'typeorm';
import { ReferenceCatalog } from 'src/modules/reference/reference.catalog';
import { ExpiringCache } from 'src/modules/search/expiring-cache';
import {
  CORRECTION_MIN_SIMILARITY,
  CORRECTION_SHARE_OF_BEST,
  CORRECTIONS_PER_WORD,
  EXPANSION_CACHE_SIZE,
  EXPANSION_TTL_MS,
} from 'src/modules/search/postgres-search.ranking';
import type { Row } from 'src/modules/search/postgres-search.tables';
import { expandQuery, type OccupationHint } from 'src/modules/search/query-expansion';

const CONFIGS = ['russian', 'simple'] as const;

/**
 * How a text query runs against `search_vacancies`. Every vacancy carries its occupation's terms, so a
 * vacancy matches a clause when each word is among its own words (`own_tsv`) or its occupation's terms.
 */
export interface TextPlan {
  /**
   * The whole query as a tsquery literal (each clause in both configurations, words unaccented and stemmed), for
   * `ts_rank` over the full tsvector.
   */
  rank: string;
  /** Occupations the query names, with their weight. */
  codes: string[];
  weights: number[];
  /** Occupations whose terms hold every word of a clause: all their vacancies match. */
  covered: string[];
  /** Occupations whose terms hold some words of a clause: their vacancies match if their own do the rest. */
  partial: string[];
  /**
   * Per configuration and variant, the words (each a tsquery literal of the word and its corrections), each with the
   * occupations whose terms hold it, and the word that leads the index lookup: one that names occupations (few other
   * vacancies use it), if any.
   */
  clauses: Array<{ words: Array<{ text: string; codes: string[] }>; lead: number }>;
}

/** Alternatives (tsquery literals) ORed. */
export function orOf(alternatives: string[]): string {
  return alternatives.length > 1 ? `(${alternatives.join(' | ')})` : alternatives[0];
}

/**
 * The plan from the rows of the expansion query (per word and configuration: its tsquery, whether it says anything,
 * the occupations whose terms hold it) for the query's variants and the occupations it names.
 */
export function planOf(rows: Row[], variants: string[][], occupations: OccupationHint[]): TextPlan {
  // Per configuration and word: the tsqueries of the word and its corrections that say anything (not only stop
  // words), and the occupations whose terms hold one of them.
  const terms = new Map<string, { alternatives: string[]; codes: Set<string> }>();
  for (const r of rows) {
    const key = `${r.config as string}\u0000${r.w as string}`;
    const term = terms.get(key) ?? { alternatives: [], codes: new Set<string>() };
    if (r.useful) term.alternatives.push(`(${r.tsq as string})`);
    for (const c of r.codes as string[]) if (/^\d{1,4}$/.test(c)) term.codes.add(c);
    terms.set(key, term);
  }
  const clauses = CONFIGS.flatMap((config) =>
    variants.map((vw) => ({
      words: vw
        .map((w) => terms.get(`${config}\u0000${w}`))
        .filter((term) => !!term?.alternatives.length)
        .map((term) => ({ text: orOf(term!.alternatives), codes: [...term!.codes] })),
    })),
  ).filter((c) => c.words.length > 0);
  const covered = new Set<string>();
  const partial = new Set<string>();
  for (const { words: ws } of clauses) {
    for (const w of ws) {
      for (const code of w.codes) {
        if (ws.every((x) => x.codes.includes(code))) covered.add(code);
        else partial.add(code);
      }
    }
  }
  for (const code of covered) partial.delete(code);
  return {
    // Each variant's words ANDed (a word: as typed, a prefix from three letters, or one of its corrections), in
    // both configurations, ORed: made once per plan, so that a search parses a tsquery literal instead of
    // unaccenting and stemming every word again.
    rank: clauses.map((c) => `(${c.words.map((w) => w.text).join(' & ')})`).join(' | '),
    codes: occupations.map((o) => o.code),
    weights: occupations.map((o) => o.weight),
    covered: [...covered],
    partial: [...partial],
    clauses: clauses.map((c) => ({ ...c, lead: c.words.findIndex((w) => w.codes.length > 0) })),
  };
}

/** Plans text queries: the expansion's corrections and occupations, one query each, kept for a minute. */
export class QueryPlanner {
  private readonly plans = new ExpiringCache<Promise<TextPlan | undefined>>(
    EXPANSION_TTL_MS,
    EXPANSION_CACHE_SIZE,
  );

  constructor(
    private readonly db: DataSource,
    private readonly catalog: ReferenceCatalog,
  ) {}

  /** The plan of a jobseeker's query (see TextPlan), kept for a minute. */
  queryPlan(q: string): Promise<TextPlan | undefined> {
    return this.cachedPlan(`q\u0000${q}`, () => {
      const expanded = expandQuery(q, this.catalog);
      if (!expanded.variants.length) return Promise.resolve(undefined);
      return this.textPlan(expanded.variants, expanded.occupations, true);
    });
  }

  /** The plan of a person's trade words (see TextPlan): no corrections, no named occupations. */
  wordsPlan(textWords: string[][]): Promise<TextPlan> {
    return this.cachedPlan(`t\u0000${JSON.stringify(textWords)}`, () => this.textPlan(textWords, [], false));
  }

  private cachedPlan<T extends TextPlan | undefined>(key: string, make: () => Promise<T>): Promise<T> {
    const cached = this.plans.get(key);
    if (cached) return cached as Promise<T>;
    const plan = make();
    this.plans.set(key, plan);
    plan.catch(() => this.plans.delete(key));
    return plan;
  }

  /**
   * One query: typo corrections from the lexicon for words it does not hold (when `correct`), and for
   * every word and correction, in each configuration, the occupations whose terms hold it.
   */
  private async textPlan(
    variants: string[][],
    occupations: OccupationHint[],
    correct: boolean,
  ): Promise<TextPlan> {
    const words = [...new Set(variants.flat())];
    const rows: Row[] = await this.db.query(
      `WITH q AS (SELECT DISTINCT w FROM unnest($1::text[]) AS q(w)),
       alt AS (
         SELECT w, w AS alt, 0 AS ord FROM q
         UNION ALL
         SELECT q.w, l.word, l.ord FROM q
         CROSS JOIN LATERAL (
           SELECT word, ord FROM (
             SELECT word, sim, row_number() OVER (ORDER BY sim DESC, word) AS ord, max(sim) OVER () AS best
             FROM (
               SELECT word, similarity(word, search_unaccent(q.w)) AS sim
               FROM search_lexicon
               WHERE word % search_unaccent(q.w) AND similarity(word, search_unaccent(q.w)) >= $2
               ORDER BY sim DESC, word
               LIMIT $3) near
           ) ranked
           WHERE sim >= $5 * best) l
         WHERE $4 AND length(q.w) >= 4
           AND NOT EXISTS (SELECT 1 FROM search_lexicon e WHERE e.word = search_unaccent(q.w))
       )
       SELECT alt.w, c.config, numnode(t.q) > 0 AS useful, t.q::text AS tsq,
              ARRAY(SELECT o.code FROM search_occupations o WHERE o.terms @@ t.q ORDER BY o.code) AS codes
       FROM alt
       CROSS JOIN (VALUES ('russian'), ('simple')) AS c(config)
       CROSS JOIN LATERAL (
         SELECT to_tsquery(c.config::regconfig, search_unaccent(
                  CASE WHEN alt.ord = 0 AND length(alt.alt) >= 3 THEN alt.alt || ':*' ELSE alt.alt END)) AS q) t
       ORDER BY alt.w, alt.ord`,
      [words, CORRECTION_MIN_SIMILARITY, CORRECTIONS_PER_WORD, correct, CORRECTION_SHARE_OF_BEST],
    );
    return planOf(rows, variants, occupations);
  }
}
