import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An interview of a person who is (or becomes) a recruit of an order for the interview's vacancy carries that
 * recruit, so the journey shows the interview. Earlier interviews are linked to the newest such recruit.
 */
export class LinkInterviewsToRecruits1796511000000 implements MigrationInterface {
  name = 'LinkInterviewsToRecruits1796511000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE interviews ADD COLUMN recruit_id uuid REFERENCES recruits (id) ON DELETE SET NULL`,
    );
    await q.query(`
      UPDATE interviews i SET recruit_id = (
        SELECT r.id FROM recruits r JOIN recruitment_orders o ON o.id = r.order_id
         WHERE o.vacancy_id = i.vacancy_id AND r.migrant_id = i.migrant_id
         ORDER BY r.created_at DESC, r.id LIMIT 1)`);
    await q.query(
      `CREATE INDEX interviews_recruit_idx ON interviews (recruit_id, starts_at) WHERE recruit_id IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX interviews_recruit_idx`);
    await q.query(`ALTER TABLE interviews DROP COLUMN recruit_id`);
  }
}
