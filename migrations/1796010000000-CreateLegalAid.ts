import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The legal-aid desk at a fair: advisers tied to fairs, desks with consultation slots (an adviser's slots never
 * overlap), and bookings (a slot holds one active booking, enforced by a partial unique index).
 */
export class CreateLegalAid1796010000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE legal_adviser_fairs (
        adviser_id uuid NOT NULL REFERENCES users (id),
        fair_id uuid NOT NULL REFERENCES fairs (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (adviser_id, fair_id)
      )`);
    await q.query(`
      CREATE TABLE legal_desks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        fair_id uuid NOT NULL REFERENCES fairs (id),
        name text NOT NULL,
        location text,
        created_by uuid REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX legal_desks_fair_idx ON legal_desks (fair_id)`);
    await q.query(`
      CREATE TABLE legal_consultation_slots (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        desk_id uuid NOT NULL REFERENCES legal_desks (id) ON DELETE CASCADE,
        adviser_id uuid NOT NULL REFERENCES users (id),
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        CHECK (ends_at > starts_at),
        CONSTRAINT legal_slots_no_overlap EXCLUDE USING gist (
          adviser_id WITH =, tstzrange(starts_at, ends_at) WITH &&
        )
      )`);
    await q.query(`
      CREATE TABLE legal_consultations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slot_id uuid NOT NULL REFERENCES legal_consultation_slots (id),
        migrant_id uuid NOT NULL REFERENCES migrants (id),
        topic text NOT NULL CHECK (topic IN ('patent', 'registration', 'contract', 'grievance', 'family_women', 'other')),
        language text NOT NULL,
        channel text NOT NULL CHECK (channel IN ('online', 'kiosk', 'desk')),
        status text NOT NULL DEFAULT 'booked' CHECK (status IN ('booked', 'cancelled', 'done')),
        outcome_enc text,
        grievance_id uuid REFERENCES grievances (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE UNIQUE INDEX legal_consultations_slot_active_key ON legal_consultations (slot_id) WHERE status <> 'cancelled'`,
    );
    await q.query(`CREATE INDEX legal_consultations_migrant_idx ON legal_consultations (migrant_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE legal_consultations`);
    await q.query(`DROP TABLE legal_consultation_slots`);
    await q.query(`DROP TABLE legal_desks`);
    await q.query(`DROP TABLE legal_adviser_fairs`);
  }
}
