import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateInterviews1795350000000 implements MigrationInterface {
  name = 'CreateInterviews1795350000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
    // The place a slot occupies: the same employer cannot hold two overlapping slots at one place. The key
    // is derived in the database, so every writer normalises the place the same way.
    await q.query(`
      CREATE TABLE interview_slots (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        vacancy_id uuid NOT NULL REFERENCES vacancies (id) ON DELETE CASCADE,
        employer_id uuid NOT NULL REFERENCES employers (id) ON DELETE CASCADE,
        fair_id uuid REFERENCES fairs (id),
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        mode text NOT NULL CHECK (mode IN ('in_person', 'video', 'phone')),
        location text,
        location_key text NOT NULL GENERATED ALWAYS AS (
          coalesce(fair_id::text, '-') || '|' ||
          lower(regexp_replace(btrim(coalesce(location, '')), '\\s+', ' ', 'g'))) STORED,
        created_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (ends_at > starts_at),
        CONSTRAINT interview_slots_no_overlap EXCLUDE USING gist (
          employer_id WITH =, location_key WITH =, tstzrange(starts_at, ends_at) WITH &&)
      )`);
    await q.query(`CREATE INDEX interview_slots_vacancy_idx ON interview_slots (vacancy_id, starts_at)`);

    await q.query(`
      CREATE TABLE interviews (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        application_id uuid NOT NULL REFERENCES applications (id),
        slot_id uuid NOT NULL REFERENCES interview_slots (id),
        migrant_id uuid NOT NULL REFERENCES migrants (id),
        employer_id uuid NOT NULL REFERENCES employers (id),
        vacancy_id uuid NOT NULL REFERENCES vacancies (id),
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        status text NOT NULL DEFAULT 'scheduled'
          CHECK (status IN ('scheduled', 'cancelled', 'completed', 'no_show')),
        sequence integer NOT NULL DEFAULT 0 CHECK (sequence >= 0),
        attended boolean,
        result text CHECK (result IN ('passed', 'failed', 'second_interview')),
        notes text,
        cancel_reason text,
        cancelled_at timestamptz,
        outcome_at timestamptz,
        created_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (ends_at > starts_at),
        -- A person cannot be in two interviews at once; only scheduled ones count.
        CONSTRAINT interviews_migrant_no_overlap EXCLUDE USING gist (
          migrant_id WITH =, tstzrange(starts_at, ends_at) WITH &&) WHERE (status = 'scheduled')
      )`);
    // One active interview per slot and per application.
    await q.query(
      `CREATE UNIQUE INDEX interviews_slot_active_key ON interviews (slot_id) WHERE status = 'scheduled'`,
    );
    await q.query(
      `CREATE UNIQUE INDEX interviews_application_active_key ON interviews (application_id) WHERE status = 'scheduled'`,
    );
    await q.query(`CREATE INDEX interviews_application_idx ON interviews (application_id, created_at)`);
    await q.query(`CREATE INDEX interviews_slot_idx ON interviews (slot_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE interviews`);
    await q.query(`DROP TABLE interview_slots`);
  }
}
