import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateApplications1795340000000 implements MigrationInterface {
  name = 'CreateApplications1795340000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE applications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        migrant_id uuid NOT NULL REFERENCES migrants (id),
        vacancy_id uuid NOT NULL REFERENCES vacancies (id),
        employer_id uuid NOT NULL REFERENCES employers (id),
        terms_snapshot_id uuid REFERENCES vacancy_terms_snapshots (id),
        status text NOT NULL DEFAULT 'submitted' CHECK (status IN (
          'submitted', 'shortlisted', 'interview_scheduled', 'interviewed', 'offered', 'hired', 'rejected', 'withdrawn')),
        source text NOT NULL CHECK (source IN ('online', 'kiosk')),
        fair_id uuid REFERENCES fairs (id),
        kiosk_id uuid REFERENCES kiosks (id),
        message text,
        eligibility jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT applications_migrant_vacancy_key UNIQUE (migrant_id, vacancy_id)
      )`);
    await q.query(`CREATE INDEX applications_vacancy_idx ON applications (vacancy_id, created_at)`);
    await q.query(`CREATE INDEX applications_employer_idx ON applications (employer_id, created_at)`);
    await q.query(
      `CREATE INDEX applications_fair_idx ON applications (fair_id, created_at) WHERE fair_id IS NOT NULL`,
    );
    await q.query(`CREATE INDEX applications_created_idx ON applications (created_at)`);

    // Every status change: who, when, from, to, why.
    await q.query(`
      CREATE TABLE application_transitions (
        id bigserial PRIMARY KEY,
        application_id uuid NOT NULL REFERENCES applications (id),
        from_status text,
        to_status text NOT NULL,
        actor_id uuid,
        actor_role text NOT NULL,
        reason text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX application_transitions_application_idx ON application_transitions (application_id, id)`,
    );

    // Visitors of a fair: one row per person per fair (kiosk registration or check-in).
    await q.query(`
      CREATE TABLE fair_attendance (
        fair_id uuid NOT NULL REFERENCES fairs (id),
        migrant_id uuid NOT NULL REFERENCES migrants (id),
        kiosk_id uuid REFERENCES kiosks (id),
        first_seen_at timestamptz NOT NULL DEFAULT now(),
        visits integer NOT NULL DEFAULT 1,
        PRIMARY KEY (fair_id, migrant_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE fair_attendance`);
    await q.query(`DROP TABLE application_transitions`);
    await q.query(`DROP TABLE applications`);
  }
}
