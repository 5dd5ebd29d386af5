import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { QueueService } from 'src/queue/queue.service';
import { QueueName } from 'src/queue/queue.constants';
import { TestApp, adminToken, bootTestApp, unique, waitFor } from 'test/harness/app';
import { PrivateRedis } from 'test/harness/private-redis';

describe('outbox while Redis is down (e2e)', () => {
  let redis: PrivateRedis;
  let t: TestApp;
  const mailDir = `var/test-mail/${unique('outage')}`;

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    t = await bootTestApp({ REDIS_URL: redis.url, MAIL_DIR: mailDir });
  });
  afterAll(async () => {
    await t.close();
    await redis.down();
  });

  it('keeps serving reads, reports Redis down, and drains every event exactly once when it is back', async () => {
    const admin = await adminToken(t);
    const ds = t.app.get(DataSource);

    await redis.down();

    await t.http().get('/v1/auth/me').set('authorization', `Bearer ${admin}`).expect(200);
    const ready = await t.http().get('/health/ready');
    expect(ready.status).toBe(503);
    expect(ready.body.components.redis.status).toBe('down');
    expect(ready.body.components.postgres.status).toBe('up');

    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await t
        .http()
        .post('/v1/staff')
        .set('authorization', `Bearer ${admin}`)
        .send({
          email: `${unique('outage')}@x.org`,
          password: 'staff-password-1',
          displayName: `Outage ${i}`,
        });
      expect(res.status).toBe(201);
      ids.push(res.body.id);
    }
    // Give the relay a few rounds: nothing can be dispatched while Redis is away.
    await new Promise((r) => setTimeout(r, 600));
    const pending = await ds.query(
      `SELECT count(*)::int AS n FROM outbox WHERE dispatched_at IS NULL AND payload->>'userId' = ANY($1)`,
      [ids],
    );
    expect(pending[0].n).toBe(5);
    const metrics = await t.http().get('/metrics').expect(200);
    expect(metrics.text).toMatch(/outbox_backlog [1-9]/);

    await redis.up();

    await waitFor(
      async () => {
        const rows = await ds.query(
          `SELECT count(*)::int AS n FROM outbox WHERE dispatched_at IS NOT NULL AND payload->>'userId' = ANY($1)`,
          [ids],
        );
        return rows[0].n === 5;
      },
      { timeoutMs: 30_000, what: 'outbox drained' },
    );

    // Every welcome mail was sent, none twice.
    const files = await waitFor(
      async () => {
        let names: string[] = [];
        try {
          names = readdirSync(mailDir);
        } catch {
          return undefined;
        }
        const contents = names.map((n) => readFileSync(join(mailDir, n), 'utf8'));
        const perUser = ids.map((id) => contents.filter((c) => c.includes(`staff-welcome-${id}`)).length);
        return perUser.every((n) => n >= 1) ? perUser : undefined;
      },
      { timeoutMs: 30_000, what: 'welcome mails' },
    );
    expect(files).toEqual([1, 1, 1, 1, 1]);

    const queue = t.app.get(QueueService).queue(QueueName.Mail);
    const rows: { id: string }[] = await ds.query(
      `SELECT id FROM outbox WHERE payload->>'userId' = ANY($1) ORDER BY id`,
      [ids],
    );
    for (const row of rows) {
      const job = await queue.getJob(`ob-${row.id}`);
      expect(job?.attemptsMade).toBeLessThanOrEqual(1);
      expect(await job?.getState()).toBe('completed');
    }
    await waitFor(async () => (await t.http().get('/health/ready')).status === 200, { what: 'ready again' });
  });
});
