import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Grievances with their state history and messages. Every free text (description, reported terms, notes,
 * messages, the employer's answer) is stored encrypted (`*_enc`, AES-GCM through the PII cipher); the rows stay
 * after erasure with those columns cleared, so counts for statistics survive.
 */
export class CreateGrievances1796000000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE grievances (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        migrant_id uuid NOT NULL REFERENCES migrants (id),
        category text NOT NULL CHECK (category IN ('wages_unpaid', 'worker_charged', 'documents_retained',
          'terms_differ', 'unsafe_work', 'harassment_violence', 'forced_labour', 'other')),
        description_enc text,
        reported_terms_enc text,
        ilo_indicators text[] NOT NULL DEFAULT '{}',
        employer_id uuid REFERENCES employers (id),
        vacancy_id uuid REFERENCES vacancies (id),
        application_id uuid REFERENCES applications (id),
        placement_id uuid REFERENCES placements (id),
        terms_snapshot_id uuid REFERENCES vacancy_terms_snapshots (id),
        anonymous_to_employer boolean NOT NULL DEFAULT false,
        urgent boolean NOT NULL,
        state text NOT NULL DEFAULT 'received'
          CHECK (state IN ('received', 'in_review', 'referred', 'resolved', 'rejected')),
        outcome text CHECK (outcome IN ('substantiated', 'not_substantiated')),
        channel text NOT NULL CHECK (channel IN ('online', 'kiosk', 'desk')),
        fair_id uuid REFERENCES fairs (id),
        filed_by uuid REFERENCES users (id),
        assigned_adviser_id uuid REFERENCES users (id),
        received_at timestamptz NOT NULL,
        due_date date NOT NULL,
        first_response_at timestamptz,
        closed_at timestamptz,
        overdue_reminded_at timestamptz,
        shared_with_employer_at timestamptz,
        employer_answer_enc text,
        employer_answered_at timestamptz,
        erased_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX grievances_migrant_idx ON grievances (migrant_id, created_at DESC)`);
    await q.query(`CREATE INDEX grievances_queue_idx ON grievances (urgent DESC, due_date, created_at)
                     WHERE state IN ('received', 'in_review')`);
    await q.query(`CREATE INDEX grievances_employer_idx ON grievances (employer_id, outcome)`);
    await q.query(`
      CREATE TABLE grievance_transitions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        grievance_id uuid NOT NULL REFERENCES grievances (id) ON DELETE CASCADE,
        from_state text,
        to_state text NOT NULL,
        actor_id uuid,
        actor_role text NOT NULL,
        note_enc text,
        referral_body text CHECK (referral_body IN ('legal_aid', 'labour_inspectorate', 'embassy_consulate', 'ngo')),
        referral_name text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX grievance_transitions_idx ON grievance_transitions (grievance_id, created_at)`,
    );
    await q.query(`
      CREATE TABLE grievance_messages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        grievance_id uuid NOT NULL REFERENCES grievances (id) ON DELETE CASCADE,
        author_id uuid,
        author_role text NOT NULL,
        body_enc text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX grievance_messages_idx ON grievance_messages (grievance_id, created_at)`);
    // Legal advisers log in like staff, with their own role.
    await q.query(`ALTER TABLE users DROP CONSTRAINT IF EXISTS users_role_check`);
    await q.query(`ALTER TABLE users ADD CONSTRAINT users_role_check
                     CHECK (role IN ('admin', 'staff', 'employer', 'migrant', 'legal_adviser'))`);
    // Staff may suspend an employer's publishing; the reason and who lifted it are kept per suspension.
    await q.query(`ALTER TABLE employers DROP CONSTRAINT IF EXISTS employers_status_check`);
    await q.query(`ALTER TABLE employers ADD CONSTRAINT employers_status_check
                     CHECK (status IN ('pending', 'verified', 'rejected', 'suspended'))`);
    await q.query(`
      CREATE TABLE employer_suspensions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        employer_id uuid NOT NULL REFERENCES employers (id),
        reason text NOT NULL,
        previous_status text NOT NULL,
        suspended_by uuid REFERENCES users (id),
        suspended_at timestamptz NOT NULL DEFAULT now(),
        lifted_by uuid REFERENCES users (id),
        lifted_at timestamptz
      )`);
    await q.query(`CREATE UNIQUE INDEX employer_suspensions_open_idx ON employer_suspensions (employer_id)
                     WHERE lifted_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE employer_suspensions`);
    await q.query(`UPDATE employers SET status = 'verified' WHERE status = 'suspended'`);
    await q.query(`ALTER TABLE employers DROP CONSTRAINT employers_status_check`);
    await q.query(`ALTER TABLE employers ADD CONSTRAINT employers_status_check
                     CHECK (status IN ('pending', 'verified', 'rejected'))`);
    await q.query(`UPDATE users SET disabled = true, role = 'migrant' WHERE role = 'legal_adviser'`);
    await q.query(`ALTER TABLE users DROP CONSTRAINT users_role_check`);
    await q.query(`ALTER TABLE users ADD CONSTRAINT users_role_check
                     CHECK (role IN ('admin', 'staff', 'employer', 'migrant'))`);
    await q.query(`DROP TABLE grievance_messages`);
    await q.query(`DROP TABLE grievance_transitions`);
    await q.query(`DROP TABLE grievances`);
  }
}
