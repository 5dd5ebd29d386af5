import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Search over 100,000 vacancies spent its time reading wide rows: every candidate's 1.7 kB tsvector
 * (for `@@` and `ts_rank`) stored next to a 1.1 kB `doc`. Now:
 *
 * - `search_occupations` holds, once per occupation, the lexemes of its labels and synonyms (which every
 *   vacancy of that occupation carries in its text). A query word that they match names the whole
 *   occupation, found through the occupation-code index.
 * - `own_tsv` holds a vacancy's own words that its occupation's terms do not already give (title, skills,
 *   places, description), without positions, plus the lexeme `#<code>`. Its GIN index answers the text
 *   arm of a search: for a trade word the posting lists are short, since the trade's vacancies are found
 *   by code. `tsv` (with positions and weights) stays for `ts_rank` of the rows on the page.
 * - `tsv` and `doc` live out of line (`toast_tuple_target`); `card`, the summary that matching reads for
 *   hundreds of rows, stays in the row. Covering indexes on (occupation, region, newest) let counts,
 *   facets and matching's candidate lists read only the index.
 *
 * Existing rows get `own_tsv` = all their lexemes (correct, only slower) until `npm run cli -- reindex
 * vacancies` writes the narrow form.
 */
export class NarrowSearchVacancies1795430000000 implements MigrationInterface {
  name = 'NarrowSearchVacancies1795430000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE search_occupations (
        code text PRIMARY KEY,
        russian tsvector NOT NULL,
        simple tsvector NOT NULL,
        terms tsvector NOT NULL
      )`);
    await q.query(`ALTER TABLE search_vacancies ADD COLUMN own_tsv tsvector, ADD COLUMN card text`);
    await q.query(`ALTER TABLE search_vacancies SET (toast_tuple_target = 128)`);
    await q.query(`ALTER TABLE search_vacancies ALTER COLUMN tsv SET STORAGE EXTERNAL`);
    // own_tsv stays in the row (compressed): a plan that tests it row by row must not read TOAST.
    await q.query(`ALTER TABLE search_vacancies ALTER COLUMN own_tsv SET STORAGE MAIN`);
    // The summary that matching reads for hundreds of rows (a JSON array, see PostgresSearchIndex) stays
    // in the row.
    await q.query(`ALTER TABLE search_vacancies ALTER COLUMN card SET STORAGE MAIN`);
    // Rewriting every row also moves tsv and doc out of line under the new target.
    const fields = [
      'id',
      'sourceVersion',
      'title',
      'occupationCode',
      'skills',
      'employerId',
      'employerName',
      'country',
      'region',
      'city',
      'salaryMin',
      'salaryMax',
      'currency',
      'salaryPeriod',
      'salaryMonthly',
      'salaryMonthlyMax',
      'schedule',
      'housing',
      'foreignersAccepted',
      'quotaAvailable',
      'employerKind',
      'fairIds',
      'startDate',
      'languages',
      'experienceYears',
      'publishedAt',
    ];
    await q.query(
      `UPDATE search_vacancies
       SET own_tsv = tsv || array_to_tsvector(ARRAY['#' || occupation_code]),
           card = jsonb_build_array(1, ${fields.map((f) => `doc->'${f}'`).join(', ')})::text`,
    );
    await q.query(`ALTER TABLE search_vacancies ALTER COLUMN own_tsv SET NOT NULL`);
    await q.query(`ALTER TABLE search_vacancies ALTER COLUMN card SET NOT NULL`);
    await q.query(`CREATE INDEX search_vacancies_own_tsv_idx ON search_vacancies USING gin (own_tsv)`);
    await q.query(`DROP INDEX search_vacancies_region_tsv_idx`);
    // The vacancies of `tbl` whose own words match: always through the GIN index. Given the choice, the
    // planner would test own_tsv row by row for a prefix word it expects to be common, not knowing what
    // reading thousands of tsvectors costs. The narrow columns are returned for the caller's filters.
    await q.query(`
      CREATE FUNCTION search_own_words(tbl regclass, q tsquery)
        RETURNS TABLE (id uuid, region text, occupation_code text, occupation_minor text,
                       published_at timestamptz, salary_monthly numeric, schedule text, housing boolean,
                       foreigners_accepted boolean, fair_ids uuid[], employer_id uuid, own_tsv tsvector)
        LANGUAGE plpgsql STABLE ROWS 200
        SET enable_seqscan = off
        AS $$
        BEGIN
          RETURN QUERY EXECUTE format(
            'SELECT id, region, occupation_code, occupation_minor, published_at, salary_monthly, schedule,
                    housing, foreigners_accepted, fair_ids, employer_id, own_tsv
             FROM %s WHERE own_tsv @@ $1', tbl) USING q;
        END $$`);
    // Covering indexes: a search counts and facets, and matching picks the newest of a trade (per
    // region), from the index alone.
    const covering: Array<[string, string, string]> = [
      [
        'search_vacancies_occupation_region_idx',
        'occupation_code, region, published_at DESC',
        'id, housing, schedule, salary_monthly, foreigners_accepted, employer_id',
      ],
      ['search_vacancies_occupation_idx', 'occupation_code, published_at DESC', 'id, region'],
      [
        'search_vacancies_minor_region_idx',
        'occupation_minor, region, published_at DESC',
        'id, occupation_code',
      ],
      ['search_vacancies_minor_idx', 'occupation_minor, published_at DESC', 'id, region, occupation_code'],
    ];
    for (const [name, key, include] of covering) {
      await q.query(`DROP INDEX ${name}`);
      await q.query(`CREATE INDEX ${name} ON search_vacancies (${key}) INCLUDE (${include})`);
    }

    // The candidates of a trade for a vacancy, in id order: a GIN index over the people's trades
    // finds all of them (thousands for a common trade) to sort; (code, id) walks the first ones.
    await q.query(`
      CREATE TABLE search_migrant_trades (
        code text NOT NULL,
        id uuid NOT NULL,
        visible boolean NOT NULL,
        PRIMARY KEY (code, id) INCLUDE (visible)
      )`);
    await q.query(`CREATE INDEX search_migrant_trades_id_idx ON search_migrant_trades (id)`);
    await q.query(
      `INSERT INTO search_migrant_trades (code, id, visible)
       SELECT DISTINCT code, id, visible FROM search_migrants CROSS JOIN LATERAL unnest(occupation_codes) AS code`,
    );
    await q.query(`DROP INDEX search_migrants_occupations_idx`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX search_migrants_occupations_idx ON search_migrants USING gin (occupation_codes)`,
    );
    await q.query(`DROP TABLE search_migrant_trades`);
    const plain: Array<[string, string]> = [
      ['search_vacancies_occupation_region_idx', 'occupation_code, region, published_at DESC'],
      ['search_vacancies_occupation_idx', 'occupation_code, published_at DESC'],
      ['search_vacancies_minor_region_idx', 'occupation_minor, region, published_at DESC'],
      ['search_vacancies_minor_idx', 'occupation_minor, published_at DESC'],
    ];
    for (const [name, key] of plain) {
      await q.query(`DROP INDEX ${name}`);
      await q.query(`CREATE INDEX ${name} ON search_vacancies (${key})`);
    }
    await q.query(`CREATE INDEX search_vacancies_region_tsv_idx ON search_vacancies USING gin (region, tsv)`);
    await q.query(`DROP FUNCTION search_own_words(regclass, tsquery)`);
    await q.query(`DROP INDEX search_vacancies_own_tsv_idx`);
    await q.query(`ALTER TABLE search_vacancies DROP COLUMN own_tsv, DROP COLUMN card`);
    await q.query(`ALTER TABLE search_vacancies ALTER COLUMN tsv SET STORAGE EXTENDED`);
    await q.query(`ALTER TABLE search_vacancies RESET (toast_tuple_target)`);
    await q.query(`DROP TABLE search_occupations`);
  }
}
