import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Licensed private recruitment agencies of the countries of origin, kept by labour-department staff with the
 * document or register they checked; an order names one by id, so the agency column becomes a reference.
 */
export class CreateRecruitmentAgencies1796510000000 implements MigrationInterface {
  name = 'CreateRecruitmentAgencies1796510000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE recruitment_agencies (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        country text NOT NULL CHECK (country IN ('TJ', 'UZ', 'KG')),
        name text NOT NULL,
        tax_id text NOT NULL,
        licence_number text NOT NULL,
        issuing_body text NOT NULL,
        licence_valid_from date NOT NULL,
        licence_valid_until date NOT NULL CHECK (licence_valid_until >= licence_valid_from),
        source text NOT NULL,
        licence_status text NOT NULL DEFAULT 'active' CHECK (licence_status IN ('active', 'suspended', 'revoked')),
        status_reason text,
        created_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT recruitment_agencies_tax_id_key UNIQUE (country, tax_id)
      )`);
    await q.query(`CREATE INDEX recruitment_agencies_country_idx ON recruitment_agencies (country, name)`);
    // The static list was empty, so no order could name an agency: anything left in the column is not one.
    await q.query(`UPDATE recruitment_orders SET agency_id = NULL WHERE agency_id IS NOT NULL`);
    await q.query(`
      ALTER TABLE recruitment_orders
        ALTER COLUMN agency_id TYPE uuid USING agency_id::uuid,
        ADD CONSTRAINT recruitment_orders_agency_fkey FOREIGN KEY (agency_id)
          REFERENCES recruitment_agencies (id) ON DELETE RESTRICT`);
    await q.query(
      `CREATE INDEX recruitment_orders_agency_idx ON recruitment_orders (agency_id) WHERE agency_id IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX recruitment_orders_agency_idx`);
    await q.query(`
      ALTER TABLE recruitment_orders
        DROP CONSTRAINT recruitment_orders_agency_fkey,
        ALTER COLUMN agency_id TYPE text USING agency_id::text`);
    await q.query(`DROP TABLE recruitment_agencies`);
  }
}
