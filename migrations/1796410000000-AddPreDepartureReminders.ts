import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reminders of a plan step: the channels the person chose, and the step's text, language and clock the reminder
 * is written in (the plan is computed once; a reminder weeks later must not need the rule set of that day), and
 * the round, raised when a ticked step is opened again, so its reminders get new job ids.
 */
export class AddPreDepartureReminders1796410000000 implements MigrationInterface {
  name = 'AddPreDepartureReminders1796410000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE pre_departure_steps
        ADD COLUMN reminder_channels text[] NOT NULL DEFAULT '{in_app,sms,email}'
          CHECK (reminder_channels <@ ARRAY['in_app', 'sms', 'email']::text[]),
        ADD COLUMN reminder_locale text,
        ADD COLUMN reminder_message text,
        ADD COLUMN reminder_timezone text,
        ADD COLUMN reminder_round integer NOT NULL DEFAULT 0`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE pre_departure_steps
        DROP COLUMN reminder_channels, DROP COLUMN reminder_locale, DROP COLUMN reminder_message,
        DROP COLUMN reminder_timezone, DROP COLUMN reminder_round`);
  }
}
