import { MigrationInterface, QueryRunner } from 'typeorm';

/** A reminder for an interview weeks ahead is delayed by more than 2^31 ms (about 24.8 days). */
export class WidenOutboxDelay1795400000000 implements MigrationInterface {
  name = 'WidenOutboxDelay1795400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outbox ALTER COLUMN delay_ms TYPE bigint`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outbox ALTER COLUMN delay_ms TYPE integer`);
  }
}
