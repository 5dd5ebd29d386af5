import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Kiosk submissions the server refused after the person had left the kiosk (a late 4xx on a replay from the
 * offline queue), reported by the kiosk so that the fair's staff can call the person back instead of the
 * registration vanishing. The submission is personal data: encrypted with the PII key, read with an audit
 * entry, and deleted a set time after its fair ends (KIOSK_HELD_RETENTION_DAYS).
 */
export class CreateKioskHeldSubmissions1796420000000 implements MigrationInterface {
  name = 'CreateKioskHeldSubmissions1796420000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE kiosk_held_submissions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        fair_id uuid NOT NULL REFERENCES fairs (id) ON DELETE CASCADE,
        kiosk_id uuid NOT NULL REFERENCES kiosks (id) ON DELETE CASCADE,
        idempotency_key text NOT NULL,
        submission_encrypted text NOT NULL,
        refusal jsonb NOT NULL,
        submitted_at timestamptz NOT NULL,
        reported_at timestamptz NOT NULL DEFAULT now(),
        resolved_at timestamptz,
        resolved_by uuid REFERENCES users (id) ON DELETE SET NULL,
        resolution_encrypted text,
        UNIQUE (kiosk_id, idempotency_key)
      )`);
    await q.query(
      `CREATE INDEX kiosk_held_submissions_fair_idx ON kiosk_held_submissions (fair_id, resolved_at, reported_at)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE kiosk_held_submissions`);
  }
}
