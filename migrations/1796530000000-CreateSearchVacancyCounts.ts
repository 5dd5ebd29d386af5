import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The number of indexed vacancies per occupation, region, schedule, housing and foreigners-accepted, kept by
 * statement triggers on the index table. A search's total and facets over whole occupations are then summed
 * from a few hundred rows at most instead of counted row by row over the matching set, which at a million
 * vacancies was most of a search's time (a Moscow cook query counted 11,000 index entries for a page of 20).
 *
 * `search_attach_vacancy_counts(prefix)` creates `<prefix>_vacancy_counts` beside `<prefix>_vacancies`, fills it
 * from what is indexed and attaches the triggers: the application's index (`search`) here, copies of the tables
 * in the tests. Every write to the index table, whoever makes it, moves the counts in the same transaction;
 * rows are locked in key order so that two writers cannot deadlock on them. A schedule the vacancy does not
 * state is kept as ''. The occupation index also carries schedule and foreigners-accepted, so that a
 * countrywide page stops after its window.
 */
export class CreateSearchVacancyCounts1796530000000 implements MigrationInterface {
  name = 'CreateSearchVacancyCounts1796530000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION search_vacancy_counts_move() RETURNS trigger
        LANGUAGE plpgsql AS $$
        DECLARE
          counts text := quote_ident(left(TG_TABLE_NAME, length(TG_TABLE_NAME) - length('_vacancies')) || '_vacancy_counts');
          moved text;
        BEGIN
          moved := CASE TG_OP
            WHEN 'INSERT' THEN 'SELECT *, 1 AS d FROM new_rows'
            WHEN 'DELETE' THEN 'SELECT *, -1 AS d FROM old_rows'
            ELSE 'SELECT *, 1 AS d FROM new_rows UNION ALL SELECT *, -1 AS d FROM old_rows'
          END;
          EXECUTE format(
            'INSERT INTO %s AS c (occupation_code, region, schedule, housing, foreigners_accepted, occupation_minor, n)
             SELECT occupation_code, region, coalesce(schedule, ''''), housing, foreigners_accepted,
                    min(occupation_minor), sum(d)::int
             FROM (%s) m
             GROUP BY occupation_code, region, coalesce(schedule, ''''), housing, foreigners_accepted
             HAVING sum(d) <> 0
             ORDER BY 1, 2, 3, 4, 5
             ON CONFLICT (occupation_code, region, schedule, housing, foreigners_accepted)
             DO UPDATE SET n = c.n + excluded.n', counts, moved);
          IF TG_OP <> 'INSERT' THEN
            EXECUTE format('DELETE FROM %s WHERE n <= 0', counts);
          END IF;
          RETURN NULL;
        END $$`);
    await q.query(`
      CREATE FUNCTION search_attach_vacancy_counts(prefix text) RETURNS void
        LANGUAGE plpgsql AS $$
        DECLARE
          vacancies text := quote_ident(prefix || '_vacancies');
          counts text := quote_ident(prefix || '_vacancy_counts');
        BEGIN
          EXECUTE format(
            'CREATE TABLE %s (
               occupation_code text NOT NULL,
               region text NOT NULL,
               schedule text NOT NULL,
               housing boolean NOT NULL,
               foreigners_accepted boolean NOT NULL,
               occupation_minor text NOT NULL,
               n integer NOT NULL,
               PRIMARY KEY (occupation_code, region, schedule, housing, foreigners_accepted)
             )', counts);
          EXECUTE format(
            'INSERT INTO %s (occupation_code, region, schedule, housing, foreigners_accepted, occupation_minor, n)
             SELECT occupation_code, region, coalesce(schedule, ''''), housing, foreigners_accepted,
                    min(occupation_minor), count(*)
             FROM %s GROUP BY 1, 2, 3, 4, 5', counts, vacancies);
          EXECUTE format(
            'CREATE TRIGGER vacancy_counts_insert AFTER INSERT ON %s REFERENCING NEW TABLE AS new_rows
             FOR EACH STATEMENT EXECUTE FUNCTION search_vacancy_counts_move()', vacancies);
          EXECUTE format(
            'CREATE TRIGGER vacancy_counts_update AFTER UPDATE ON %s
             REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
             FOR EACH STATEMENT EXECUTE FUNCTION search_vacancy_counts_move()', vacancies);
          EXECUTE format(
            'CREATE TRIGGER vacancy_counts_delete AFTER DELETE ON %s REFERENCING OLD TABLE AS old_rows
             FOR EACH STATEMENT EXECUTE FUNCTION search_vacancy_counts_move()', vacancies);
        END $$`);
    await q.query(`SELECT search_attach_vacancy_counts('search')`);
    // The application's own index words through a statement PL/pgSQL prepares once per session; other tables
    // (the tests' copies) through EXECUTE as before, which parses and plans the statement on every search.
    await q.query(`
      CREATE OR REPLACE FUNCTION search_own_words(tbl regclass, q tsquery)
        RETURNS TABLE (id uuid, region text, occupation_code text, occupation_minor text,
                       published_at timestamptz, salary_monthly numeric, schedule text, housing boolean,
                       foreigners_accepted boolean, fair_ids uuid[], employer_id uuid, own_tsv tsvector)
        LANGUAGE plpgsql STABLE ROWS 200
        SET enable_seqscan = off
        AS $$
        BEGIN
          IF tbl = 'search_vacancies'::regclass THEN
            RETURN QUERY
              SELECT v.id, v.region, v.occupation_code, v.occupation_minor, v.published_at, v.salary_monthly,
                     v.schedule, v.housing, v.foreigners_accepted, v.fair_ids, v.employer_id, v.own_tsv
              FROM search_vacancies v WHERE v.own_tsv @@ q;
          ELSE
            RETURN QUERY EXECUTE format(
              'SELECT id, region, occupation_code, occupation_minor, published_at, salary_monthly, schedule,
                      housing, foreigners_accepted, fair_ids, employer_id, own_tsv
               FROM %s WHERE own_tsv @@ $1', tbl) USING q;
          END IF;
        END $$`);
    // A countrywide page filtered by schedule or foreigners-accepted walks an occupation's newest rows in this
    // index and stops after its window; without the columns it sorted every row of the occupation.
    await q.query(`DROP INDEX search_vacancies_occupation_idx`);
    await q.query(
      `CREATE INDEX search_vacancies_occupation_idx ON search_vacancies (occupation_code, published_at DESC)
       INCLUDE (id, region, housing, schedule, salary_monthly, foreigners_accepted)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION search_own_words(tbl regclass, q tsquery)
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
    await q.query(`DROP INDEX search_vacancies_occupation_idx`);
    await q.query(
      `CREATE INDEX search_vacancies_occupation_idx ON search_vacancies (occupation_code, published_at DESC)
       INCLUDE (id, region, housing, salary_monthly)`,
    );
    await q.query(`DROP TABLE search_vacancy_counts`);
    for (const op of ['insert', 'update', 'delete'])
      await q.query(`DROP TRIGGER vacancy_counts_${op} ON search_vacancies`);
    await q.query(`DROP FUNCTION search_attach_vacancy_counts(text)`);
    await q.query(`DROP FUNCTION search_vacancy_counts_move()`);
  }
}
