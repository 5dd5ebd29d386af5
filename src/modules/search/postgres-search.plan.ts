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
