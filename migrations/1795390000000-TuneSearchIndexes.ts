import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for matching and search on the PostgreSQL index. Matching picks a person's vacancies per
 * trade (or minor group) and desired region, newest first, so each tier is a short index range. Text
 * search nearly always comes with a region: one GIN index over (region, tsv) (btree_gin) answers
 * both together and still serves text alone, so it replaces the plain tsv index.
 */
export class TuneSearchIndexes1795390000000 implements MigrationInterface {
  name = 'TuneSearchIndexes1795390000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS btree_gin`);
    await q.query(
      `CREATE INDEX search_vacancies_occupation_region_idx
         ON search_vacancies (occupation_code, region, published_at DESC)`,
    );
    await q.query(
      `CREATE INDEX search_vacancies_minor_region_idx
         ON search_vacancies (occupation_minor, region, published_at DESC)`,
    );
    await q.query(`CREATE INDEX search_vacancies_region_tsv_idx ON search_vacancies USING gin (region, tsv)`);
    await q.query(`DROP INDEX search_vacancies_tsv_idx`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX search_vacancies_tsv_idx ON search_vacancies USING gin (tsv)`);
    await q.query(`DROP INDEX search_vacancies_region_tsv_idx`);
    await q.query(`DROP INDEX search_vacancies_minor_region_idx`);
    await q.query(`DROP INDEX search_vacancies_occupation_region_idx`);
    // btree_gin stays: other indexes may have come to use it.
  }
}
