/**
 * The search-index port: what the application writes into an index and asks of it. Two adapters
 * implement it (PostgreSQL full text + trigrams, Meilisearch), chosen by SEARCH_DRIVER; one
 * conformance suite (test/search-conformance.e2e-spec.ts) holds both to the same behaviour.
 */

export const SEARCH_INDEX = Symbol('SEARCH_INDEX');

export type SearchKind = 'vacancies' | 'migrants';

/** A published vacancy, denormalised with its employer and fairs. Only published vacancies are indexed. */
export interface VacancyDocument {
  id: string;
  /** Monotonic version of the source row (updated_at in ms); an older write never replaces a newer one. */
  sourceVersion: number;
  title: string;
  description: string;
  /** ISCO-08 unit group, 4 digits. */
  occupationCode: string;
  skills: string[];
  employerId: string;
  employerName: string;
  country: string;
  region: string;
  city: string | null;
  salaryMin: number | null;
  salaryMax: number | null;
  currency: string | null;
  /** Salaries are compared as monthly amounts; `salaryMonthly` is salaryMin converted to a month. */
  salaryPeriod: 'month' | 'day' | 'hour';
  salaryMonthly: number | null;
  /** The top of the range (or the minimum when no maximum) per month: what a salary filter compares. */
  salaryMonthlyMax: number | null;
  schedule: string | null;
  housing: boolean;
  foreignersAccepted: boolean;
  quotaAvailable: boolean;
  employerKind: 'company' | 'individual';
  fairIds: string[];
  startDate: string | null;
  languages: Array<{ code: string; level: string }>;
  experienceYears: number | null;
  publishedAt: string;
}

/** A vacancy document without its description: what matching scores, checks and shows. */
export type VacancySummary = Omit<VacancyDocument, 'description'>;

/** A migrant's profile as matching needs it. Never holds document numbers, contacts or names. */
export interface MigrantDocument {
  id: string;
  sourceVersion: number;
  occupations: Array<{ code: string; years: number }>;
  desiredRegions: string[];
  citizenship: string;
  languages: Array<{ code: string; level: string }>;
  needsHousing: boolean | null;
  expectedSalary: number | null;
  expectedCurrency: string | null;
  availableFrom: string | null;
  /** Consented to be shown to employers in candidate searches. */
  visible: boolean;
  preferredLanguage: string;
}

export interface VacancyFilters {
  region?: string;
  /** ISCO-08 code: 4 digits, or 1 to 3 for a whole group. */
  occupation?: string;
  salaryMin?: number;
  schedule?: string;
  housing?: boolean;
  foreignersAccepted?: boolean;
  fairId?: string;
  employerId?: string;
}

export interface VacancySearchQuery extends VacancyFilters {
  q?: string;
  /** 0-based offset and page length. */
  offset: number;
  limit: number;
}

export interface FacetCount {
  value: string;
  count: number;
}

export interface VacancyHit {
  doc: VacancySummary;
  /** Relevance in 0..1 when a query was given; 0 for a filter-only listing (newest first). */
  score: number;
}

export interface VacancySearchResult {
  hits: VacancyHit[];
  total: number;
  facets: { region: FacetCount[]; occupation: FacetCount[] };
}

/** What a migrant is looking for, for retrieving candidate vacancies. */
export interface VacancyMatchQuery {
  occupationCodes: string[];
  /** ISCO-08 minor groups (3 digits) of those codes. */
  minorGroups: string[];
  /** Words of the person's trades (labels), each list one phrase, for text similarity. */
  textWords: string[][];
  desiredRegions: string[];
  /** Only vacancies shown at this fair (a kiosk). */
  fairId?: string;
  /** How many vacancies come back. */
  limit: number;
  /**
   * What the person's score rewards beyond the trade, with its weights: the rows of the person's own trade are
   * taken best first by region, housing and pay (out of the newest `pool` per trade and region) instead of
   * newest first. Without it, newest first. The Meilisearch adapter takes newest first.
   */
  prior?: {
    needsHousing: boolean;
    expectedMonthly: number | null;
    expectedCurrency: string | null;
    weights: { region: number; housing: number; pay: number };
  };
  /** How many of the newest rows of each trade (and region) the prior ranks; `limit` when not given. */
  pool?: number;
}

/** What a vacancy needs, for retrieving candidate migrants. */
export interface MigrantMatchQuery {
  occupationCode: string;
  minorGroup: string;
  /** Words of the vacancy title, for text similarity with the person's trades. */
  textWords: string[];
  /** Only these migrants (who applied) plus those visible to employers. */
  appliedIds: string[];
  limit: number;
}

export interface Retrieved<T> {
  doc: T;
  /** Text or occupation similarity from the index, 0..1. */
  textScore: number;
}

export interface ReindexProgress {
  (done: number, total: number): void;
}

export interface SearchIndex {
  readonly driver: 'postgres' | 'meilisearch';
  /** Create or update index settings; called once at start. */
  init(): Promise<void>;
  upsertVacancies(docs: VacancyDocument[]): Promise<void>;
  /** Remove a vacancy unless the index holds a version newer than `sourceVersion`. */
  deleteVacancy(id: string, sourceVersion: number): Promise<void>;
  upsertMigrants(docs: MigrantDocument[]): Promise<void>;
  deleteMigrant(id: string, sourceVersion: number): Promise<void>;
  getVacancy(id: string): Promise<VacancyDocument | undefined>;
  getMigrant(id: string): Promise<MigrantDocument | undefined>;
  searchVacancies(query: VacancySearchQuery): Promise<VacancySearchResult>;
  matchVacancies(query: VacancyMatchQuery): Promise<Retrieved<VacancySummary>[]>;
  matchMigrants(query: MigrantMatchQuery): Promise<Retrieved<MigrantDocument>[]>;
  /**
   * Rebuild one index from `batches` while searches keep answering from the old data; documents not
   * in the source are gone afterwards.
   */
  rebuild(
    kind: SearchKind,
    batches: AsyncIterable<VacancyDocument[] | MigrantDocument[]>,
    onBatch?: (count: number) => void,
  ): Promise<void>;
  /** A short status for the health check; throws when the index is unusable. */
  health(): Promise<string>;
  close(): Promise<void>;
}
