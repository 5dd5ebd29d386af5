import { DataSource } from 'typeorm';
import { ReferenceCatalog } from 'src/modules/reference/reference.catalog';
import { CandidateSearch } from 'src/modules/search/postgres-search.candidates';
import { QueryPlanner } from 'src/modules/search/postgres-search.plan';
import { searchTables, type Row, type SearchTables } from 'src/modules/search/postgres-search.tables';
import { VacancySearch } from 'src/modules/search/postgres-search.vacancies';
import { IndexWriter } from 'src/modules/search/postgres-search.writer';
import type {
  MigrantDocument,
  MigrantMatchQuery,
  Retrieved,
  SearchIndex,
  SearchKind,
  VacancyDocument,
  VacancyMatchQuery,
  VacancySearchQuery,
  VacancySearchResult,
  VacancySummary,
} from 'src/modules/search/search.types';

/**
 * The PostgreSQL adapter: documents in search_vacancies / search_migrants, full text + trigrams. A facade over its
 * parts: the query planner, vacancy search, matching's candidates and the index writer.
 */
export class PostgresSearchIndex implements SearchIndex {
  readonly driver = 'postgres' as const;
  private readonly tables: SearchTables;
  private readonly writer: IndexWriter;
  private readonly search: VacancySearch;
  private readonly candidates: CandidateSearch;

  /**
   * `tablePrefix` names the tables (`<prefix>_vacancies`, `_migrants`, `_migrant_trades`,
   * `_tombstones`); tests use copies of the tables to stay apart from the application's index. The
   * lexicon and the occupation terms (both derived from the reference data only) are shared.
   */
  constructor(
    private readonly db: DataSource,
    options: { tablePrefix?: string } = {},
    catalog = ReferenceCatalog.load(),
  ) {
    this.tables = searchTables(options.tablePrefix);
    const planner = new QueryPlanner(db, catalog);
    this.writer = new IndexWriter(db, this.tables, catalog);
    this.search = new VacancySearch(db, this.tables, planner);
    this.candidates = new CandidateSearch(db, this.tables, planner);
  }

  /** Schema comes from the migration; occupations that people hold without their terms get them here. */
  init(): Promise<void> {
    return this.writer.addMissingOccupations();
  }

  async close(): Promise<void> {}

  async health(): Promise<string> {
    const rows: Row[] = await this.db.query(
      `SELECT (SELECT count(*) FROM pg_extension WHERE extname IN ('pg_trgm', 'unaccent'))::int AS ext,
              to_regclass('public.search_vacancies') IS NOT NULL AS ready`,
    );
    if (rows[0].ext !== 2) throw new Error('pg_trgm or unaccent missing');
    if (!rows[0].ready) throw new Error('search tables missing');
    return 'postgres';
  }

  // --- writes ---

  upsertVacancies(docs: VacancyDocument[]): Promise<void> {
    return this.writer.upsertVacancies(docs);
  }

  upsertMigrants(docs: MigrantDocument[]): Promise<void> {
    return this.writer.upsertMigrants(docs);
  }

  deleteVacancy(id: string, sourceVersion: number): Promise<void> {
    return this.writer.deleteVacancy(id, sourceVersion);
  }

  deleteMigrant(id: string, sourceVersion: number): Promise<void> {
    return this.writer.deleteMigrant(id, sourceVersion);
  }

  rebuild(
    kind: SearchKind,
    batches: AsyncIterable<VacancyDocument[] | MigrantDocument[]>,
    onBatch?: (count: number) => void,
  ): Promise<void> {
    return this.writer.rebuild(kind, batches, onBatch);
  }

  // --- reads ---

  async getVacancy(id: string): Promise<VacancyDocument | undefined> {
    const rows: Row[] = await this.db.query(`SELECT doc FROM ${this.tables.vacancies} WHERE id = $1`, [id]);
    return rows[0]?.doc as VacancyDocument | undefined;
  }

  async getMigrant(id: string): Promise<MigrantDocument | undefined> {
    const rows: Row[] = await this.db.query(`SELECT doc FROM ${this.tables.migrants} WHERE id = $1`, [id]);
    return rows[0]?.doc as MigrantDocument | undefined;
  }

  searchVacancies(query: VacancySearchQuery): Promise<VacancySearchResult> {
    return this.search.searchVacancies(query);
  }

  matchVacancies(query: VacancyMatchQuery): Promise<Retrieved<VacancySummary>[]> {
    return this.candidates.matchVacancies(query);
  }

  matchMigrants(query: MigrantMatchQuery): Promise<Retrieved<MigrantDocument>[]> {
    return this.candidates.matchMigrants(query);
  }
}
