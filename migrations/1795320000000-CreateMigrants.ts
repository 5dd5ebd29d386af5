import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateMigrants1795320000000 implements MigrationInterface {
  name = 'CreateMigrants1795320000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE migrants (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'merged', 'erased')),
        full_name text,
        full_name_latin text,
        name_key text,
        birth_date date,
        gender text NOT NULL CHECK (gender IN ('female', 'male', 'unspecified')),
        citizenship text NOT NULL,
        phone text,
        email text,
        preferred_language text NOT NULL,
        languages jsonb NOT NULL DEFAULT '[]',
        occupations jsonb NOT NULL DEFAULT '[]',
        desired_regions text[] NOT NULL DEFAULT '{}',
        available_from date,
        needs_housing boolean,
        expected_salary_amount numeric(14, 2),
        expected_salary_currency text,
        visible_to_employers boolean NOT NULL DEFAULT false,
        consent_version text,
        consent_at timestamptz,
        consent_withdrawn_at timestamptz,
        source text NOT NULL CHECK (source IN ('online', 'kiosk')),
        fair_id uuid,
        merged_into_id uuid REFERENCES migrants (id),
        erased_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX migrants_phone_birth_idx ON migrants (phone, birth_date) WHERE status = 'active'`,
    );
    await q.query(`CREATE INDEX migrants_birth_idx ON migrants (birth_date) WHERE status = 'active'`);
    await q.query(`CREATE INDEX migrants_fair_idx ON migrants (fair_id) WHERE fair_id IS NOT NULL`);

    // Consent history: every grant, change and withdrawal with its version and time (152-FZ).
    await q.query(`
      CREATE TABLE migrant_consents (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        migrant_id uuid NOT NULL REFERENCES migrants (id),
        action text NOT NULL CHECK (action IN ('granted', 'changed', 'withdrawn')),
        data_processing boolean NOT NULL,
        visible_to_employers boolean NOT NULL,
        version text NOT NULL,
        source text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX migrant_consents_migrant_idx ON migrant_consents (migrant_id, created_at)`);

    // Document numbers only encrypted (AES-256-GCM), a keyed blind index for equality, and a mask.
    await q.query(`
      CREATE TABLE migrant_documents (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        migrant_id uuid NOT NULL REFERENCES migrants (id),
        type text NOT NULL,
        number_encrypted text,
        number_blind_index text,
        number_masked text,
        issuing_country text,
        region text,
        valid_from date,
        valid_until date,
        purpose text,
        issued_at date,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (valid_from IS NULL OR valid_until IS NULL OR valid_from <= valid_until)
      )`);
    await q.query(`CREATE INDEX migrant_documents_migrant_idx ON migrant_documents (migrant_id)`);
    await q.query(
      `CREATE INDEX migrant_documents_blind_idx ON migrant_documents (type, number_blind_index)
        WHERE number_blind_index IS NOT NULL`,
    );

    // Possible duplicates awaiting staff review; a pair is stored once, lower id first.
    await q.query(`
      CREATE TABLE migrant_duplicates (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        migrant_id uuid NOT NULL REFERENCES migrants (id),
        candidate_id uuid NOT NULL REFERENCES migrants (id),
        reason text NOT NULL,
        score numeric(4, 3) NOT NULL,
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'merged', 'dismissed')),
        created_at timestamptz NOT NULL DEFAULT now(),
        resolved_at timestamptz,
        UNIQUE (migrant_id, candidate_id),
        CHECK (migrant_id < candidate_id)
      )`);
    await q.query(
      `CREATE INDEX migrant_duplicates_open_idx ON migrant_duplicates (created_at) WHERE status = 'open'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE migrant_duplicates`);
    await q.query(`DROP TABLE migrant_documents`);
    await q.query(`DROP TABLE migrant_consents`);
    await q.query(`DROP TABLE migrants`);
  }
}
