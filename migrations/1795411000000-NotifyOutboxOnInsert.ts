import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The relay LISTENs on `outbox`. Writers used to send `pg_notify` themselves, a round trip per batch of events;
 * a statement trigger does it inside the insert. PostgreSQL delivers a notification only on commit and folds
 * identical ones of a transaction into one, so the relay still wakes once, when the events are visible.
 */
export class NotifyOutboxOnInsert1795411000000 implements MigrationInterface {
  name = 'NotifyOutboxOnInsert1795411000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('outbox', '');
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER outbox_notify AFTER INSERT ON outbox
        FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER outbox_notify ON outbox`);
    await q.query(`DROP FUNCTION outbox_notify()`);
  }
}
