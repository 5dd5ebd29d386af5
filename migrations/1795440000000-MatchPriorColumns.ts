import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Matching takes the most promising vacancies of a person's trade first: besides the region, by housing and pay
 * against what the person asked for. The per-trade index now carries both, so that ranking the newest few hundred
 * of a trade still reads only the index.
 */
export class MatchPriorColumns1795440000000 implements MigrationInterface {
  name = 'MatchPriorColumns1795440000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX search_vacancies_occupation_idx`);
    await q.query(
      `CREATE INDEX search_vacancies_occupation_idx ON search_vacancies (occupation_code, published_at DESC)
         INCLUDE (id, region, housing, salary_monthly)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX search_vacancies_occupation_idx`);
    await q.query(
      `CREATE INDEX search_vacancies_occupation_idx ON search_vacancies (occupation_code, published_at DESC)
         INCLUDE (id, region)`,
    );
  }
}
