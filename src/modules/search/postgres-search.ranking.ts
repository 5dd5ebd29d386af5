// Ranking weights, windows and limits of the PostgreSQL adapter.

/**
 * Relevance of a vacancy to a query: how well the query names the vacancy's occupation (labels and
 * synonyms in every language, typos tolerated) and the full-text rank of the words (title and
 * occupation labels weigh most, then skills, places, description). Both are in 0..1.
 */
export const SEARCH_RANKING = { occupation: 0.6, text: 0.4 } as const;

/**
 * Before the full text rank is computed, rows are ordered by a prior, the same formula with the text
 * rank taken from the occupation's terms (one per occupation) or the row's own words (`own_tsv`, small
 * and in the row), then newest. `ts_rank` over the full tsvector is computed for RANK_WINDOW rows of that
 * order at a time, which are then ordered by the full score.
 */
export const RANK_WINDOW = 60;

// A corrected word must be this close (trigram similarity) to the typed one.
export const CORRECTION_MIN_SIMILARITY = 0.45;
export const CORRECTIONS_PER_WORD = 3;
// … and at least this share of the closest correction's similarity: "raznorabochiy" is corrected to
// "raznorabochi" (0.80), not also to "rabochi" (0.47), which would match every vacancy for a worker.
export const CORRECTION_SHARE_OF_BEST = 0.75;
export const FACET_LIMIT = 30;

// Expansions (corrections and the occupations each word names) are kept this long, this many.
export const EXPANSION_TTL_MS = 60_000;
export const EXPANSION_CACHE_SIZE = 1000;
