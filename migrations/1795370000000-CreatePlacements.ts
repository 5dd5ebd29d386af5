import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreatePlacements1795370000000 implements MigrationInterface {
  name = 'CreatePlacements1795370000000';

  async up(q: QueryRunner): Promise<void> {
    // A hire: one per application; the terms advertised are kept through the snapshot.
    await q.query(`
      CREATE TABLE placements (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        application_id uuid NOT NULL UNIQUE REFERENCES applications (id),
        migrant_id uuid NOT NULL REFERENCES migrants (id),
        vacancy_id uuid NOT NULL REFERENCES vacancies (id),
        employer_id uuid NOT NULL REFERENCES employers (id),
        fair_id uuid REFERENCES fairs (id),
        contract_start_date date NOT NULL,
        contract_end_date date CHECK (contract_end_date >= contract_start_date),
        terms_snapshot_id uuid REFERENCES vacancy_terms_snapshots (id),
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'terminated')),
        terminated_on date,
        termination_reason text,
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((status = 'terminated') = (terminated_on IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX placements_employer_idx ON placements (employer_id, created_at DESC)`);
    await q.query(
      `CREATE INDEX placements_vacancy_active_idx ON placements (vacancy_id) WHERE status = 'active'`,
    );
    await q.query(
      `CREATE INDEX placements_migrant_active_idx ON placements (migrant_id) WHERE status = 'active'`,
    );
    await q.query(`CREATE INDEX placements_created_idx ON placements (created_at DESC)`);

    // Employers' legal duties after a hire or a termination (115-FZ art. 13 p.8), with their deadline.
    await q.query(`
      CREATE TABLE employer_obligations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        employer_id uuid NOT NULL REFERENCES employers (id),
        placement_id uuid NOT NULL REFERENCES placements (id),
        kind text NOT NULL CHECK (kind IN ('hire_notification', 'termination_notification')),
        event_date date NOT NULL,
        due_date date NOT NULL,
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done')),
        completed_at timestamptz,
        completed_by uuid,
        reference text,
        legal_basis text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (placement_id, kind)
      )`);
    await q.query(
      `CREATE INDEX employer_obligations_employer_idx ON employer_obligations (employer_id, status, due_date)`,
    );
    await q.query(
      `CREATE INDEX employer_obligations_open_idx ON employer_obligations (due_date) WHERE status = 'open'`,
    );

    // Staff edits of the production calendar; a row replaces the shipped file's data for that year.
    await q.query(`
      CREATE TABLE calendar_overrides (
        country text NOT NULL,
        year integer NOT NULL CHECK (year BETWEEN 2013 AND 2200),
        decree text NOT NULL,
        day_off date[] NOT NULL DEFAULT '{}',
        working_days date[] NOT NULL DEFAULT '{}',
        shortened date[] NOT NULL DEFAULT '{}',
        updated_by uuid,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (country, year)
      )`);

    // Reports: offers and hires per application, and the time to hire, without scanning all transitions.
    await q.query(
      `CREATE INDEX application_transitions_outcome_idx ON application_transitions (application_id, to_status, created_at)
        WHERE to_status IN ('interview_scheduled', 'interviewed', 'offered', 'hired')`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX application_transitions_outcome_idx`);
    await q.query(`DROP TABLE calendar_overrides`);
    await q.query(`DROP TABLE employer_obligations`);
    await q.query(`DROP TABLE placements`);
  }
}
