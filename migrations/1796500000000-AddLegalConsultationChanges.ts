import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A consultation booking can be moved to another slot of its desk and cancelled with a reason: its iCalendar
 * SEQUENCE counts the changes (so calendars update the one event), the reason is kept encrypted like the outcome.
 */
export class AddLegalConsultationChanges1796500000000 implements MigrationInterface {
  name = 'AddLegalConsultationChanges1796500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE legal_consultations
        ADD COLUMN sequence integer NOT NULL DEFAULT 0,
        ADD COLUMN cancel_reason_enc text,
        ADD COLUMN cancelled_at timestamptz,
        ADD COLUMN cancelled_by_role text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE legal_consultations
        DROP COLUMN cancelled_by_role,
        DROP COLUMN cancelled_at,
        DROP COLUMN cancel_reason_enc,
        DROP COLUMN sequence`);
  }
}
