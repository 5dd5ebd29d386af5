import { MigrationInterface, QueryRunner } from 'typeorm';

/** Organised recruitment: an employer's order for workers from countries of origin, and each recruit's journey. */
export class CreateRecruitmentOrders1796120000000 implements MigrationInterface {
  name = 'CreateRecruitmentOrders1796120000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE recruitment_orders (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        employer_id uuid NOT NULL REFERENCES employers (id) ON DELETE CASCADE,
        vacancy_id uuid NOT NULL REFERENCES vacancies (id) ON DELETE CASCADE,
        workers integer NOT NULL CHECK (workers BETWEEN 1 AND 10000),
        origin_countries text[] NOT NULL,
        starts_on date NOT NULL,
        ends_on date NOT NULL CHECK (ends_on >= starts_on),
        costs jsonb NOT NULL,
        agency_id text,
        terms_snapshot_id uuid REFERENCES vacancy_terms_snapshots (id),
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
        approved_by uuid REFERENCES users (id) ON DELETE SET NULL,
        approved_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE recruits (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        order_id uuid NOT NULL REFERENCES recruitment_orders (id) ON DELETE CASCADE,
        migrant_id uuid NOT NULL REFERENCES migrants (id) ON DELETE CASCADE,
        status text NOT NULL DEFAULT 'selected' CHECK (status IN ('selected', 'offer_accepted', 'documents_ready',
          'departed', 'arrived', 'authorised', 'placed', 'dropped')),
        dropped_reason text,
        steps jsonb NOT NULL DEFAULT '[]',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (order_id, migrant_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE recruits`);
    await q.query(`DROP TABLE recruitment_orders`);
  }
}
