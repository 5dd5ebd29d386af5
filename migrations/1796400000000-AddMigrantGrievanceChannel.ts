import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * How a person wants to hear about their grievances (staff messages, state changes): in-app only, or SMS, or e-mail
 * besides the page's own thread. Null keeps every channel the person has, as before.
 */
export class AddMigrantGrievanceChannel1796400000000 implements MigrationInterface {
  name = 'AddMigrantGrievanceChannel1796400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE migrants ADD COLUMN grievance_channel text
         CHECK (grievance_channel IN ('in_app', 'sms', 'email'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE migrants DROP COLUMN grievance_channel`);
  }
}
