import { MigrationInterface, QueryRunner } from 'typeorm';

/** A person's stored pre-departure plan: each step with its due date, ticked off by the person or staff. */
export class CreatePreDepartureSteps1796130000000 implements MigrationInterface {
  name = 'CreatePreDepartureSteps1796130000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE pre_departure_steps (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        migrant_id uuid NOT NULL REFERENCES migrants (id) ON DELETE CASCADE,
        vacancy_id uuid NOT NULL REFERENCES vacancies (id) ON DELETE CASCADE,
        code text NOT NULL,
        phase text NOT NULL,
        due_date date NOT NULL,
        legal_basis text NOT NULL,
        done_at timestamptz,
        done_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX pre_departure_steps_open_idx ON pre_departure_steps (due_date) WHERE done_at IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE pre_departure_steps`);
  }
}
