import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One-time codes a kiosk asks for, sent by SMS to the phone on a person's profile, so that a returning visitor proves
 * who they are (docs/SECURITY.md). The code is stored as a keyed hash, lives minutes and allows a few attempts; a
 * request for a phone nobody has gets a row without a person or code, so the answer does not tell who is registered.
 */
export class CreateKioskIdentifications1796300000000 implements MigrationInterface {
  name = 'CreateKioskIdentifications1796300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE kiosk_identifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kiosk_id uuid NOT NULL REFERENCES kiosks (id) ON DELETE CASCADE,
        fair_id uuid NOT NULL REFERENCES fairs (id) ON DELETE CASCADE,
        phone_hash text NOT NULL,
        migrant_id uuid REFERENCES migrants (id) ON DELETE CASCADE,
        code_hash text,
        attempts int NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX kiosk_identifications_kiosk_idx ON kiosk_identifications (kiosk_id, created_at)`,
    );
    await q.query(
      `CREATE INDEX kiosk_identifications_migrant_idx ON kiosk_identifications (migrant_id) WHERE migrant_id IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE kiosk_identifications`);
  }
}
