import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateNotifications1795330000000 implements MigrationInterface {
  name = 'CreateNotifications1795330000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        recipient_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
        recipient_address text,
        channel text NOT NULL CHECK (channel IN ('email', 'sms', 'in_app')),
        template text NOT NULL,
        locale text NOT NULL,
        payload jsonb NOT NULL DEFAULT '{}',
        attachments jsonb,
        status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sent', 'failed', 'dead')),
        attempts integer NOT NULL DEFAULT 0,
        retries integer NOT NULL DEFAULT 0,
        job_id text NOT NULL,
        last_error text,
        provider_message_id text,
        dedupe_key text UNIQUE,
        read_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (channel = 'in_app' OR recipient_address IS NOT NULL),
        CHECK (channel <> 'in_app' OR recipient_user_id IS NOT NULL)
      )`);
    await q.query(
      `CREATE INDEX notifications_inbox_idx ON notifications (recipient_user_id, created_at DESC)
         WHERE channel = 'in_app'`,
    );
    await q.query(
      `CREATE INDEX notifications_trouble_idx ON notifications (status, channel, updated_at DESC)
         WHERE status IN ('failed', 'dead')`,
    );
    // The language messages are written in; the migrants module sets it from the person's choice.
    await q.query(`ALTER TABLE users ADD COLUMN preferred_language text NOT NULL DEFAULT 'ru'`);
    // Per-event job options that differ from the default retry policy (e.g. a backoff base delay).
    await q.query(`ALTER TABLE outbox ADD COLUMN options jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outbox DROP COLUMN options`);
    await q.query(`ALTER TABLE users DROP COLUMN preferred_language`);
    await q.query(`DROP TABLE notifications`);
  }
}
