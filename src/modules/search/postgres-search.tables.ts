/** A row as `query()` answers it. */
export interface Row {
  [key: string]: unknown;
}

/** The adapter's own tables; the lexicon and the occupation terms are shared by every prefix. */
export interface SearchTables {
  vacancies: string;
  migrants: string;
  tombstones: string;
  trades: string;
  /** Indexed vacancies per occupation, region, schedule, housing and foreigners-accepted, kept by triggers. */
  counts: string;
}

/**
 * `prefix` names the tables (`<prefix>_vacancies`, `_migrants`, `_migrant_trades`, `_tombstones`,
 * `_vacancy_counts`); tests use copies of the tables to stay apart from the application's index.
 */
export function searchTables(prefix = 'search'): SearchTables {
  if (!/^[a-z_][a-z0-9_]{0,40}$/.test(prefix)) throw new Error(`bad search table prefix "${prefix}"`);
  return {
    vacancies: `${prefix}_vacancies`,
    migrants: `${prefix}_migrants`,
    tombstones: `${prefix}_tombstones`,
    trades: `${prefix}_migrant_trades`,
    counts: `${prefix}_vacancy_counts`,
  };
}
