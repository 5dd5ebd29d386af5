import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Entry bans a person declared or staff checked. The note (what the check showed, the decision's reference) is
 * personal data and encrypted; host country, end date and source stay readable so eligibility and matching can
 * skip the person for that country only.
 */
export class CreateEntryBans1796110000000 implements MigrationInterface {
  name = 'CreateEntryBans1796110000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE entry_bans (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        migrant_id uuid NOT NULL REFERENCES migrants (id) ON DELETE CASCADE,
        host_country text NOT NULL CHECK (host_country ~ '^[A-Z]{2}$'),
        until_date date NOT NULL,
        source text NOT NULL CHECK (source IN ('declared', 'checked')),
        note_encrypted text,
        recorded_by uuid REFERENCES users (id) ON DELETE SET NULL,
        lifted_at timestamptz,
        lifted_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX entry_bans_running_idx ON entry_bans (migrant_id, host_country, until_date) WHERE lifted_at IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE entry_bans`);
  }
}
