import { DataSource } from 'typeorm';
import { TestApp, bootTestApp, unique, waitFor } from 'test/harness/app';
import { kioskSubmission } from 'test/harness/applications.factory';
import { dataSourceOf } from 'test/harness/placements.factory';
import { FairScenario, createFairScenario } from 'test/harness/supply.factory';
import { JOB_QUEUE, JobName } from 'src/queue/queue.constants';
import { QueueService } from 'src/queue/queue.service';

const auth = (token: string) => ({ authorization: `Bearer ${token}` });

/** Stored responses hold no secret in clear, expire, and go with the person; dispatched outbox rows are pruned. */
describe('what is kept, and for how long (e2e)', () => {
  let t: TestApp;
  let ds: DataSource;
  let a: FairScenario;

  beforeAll(async () => {
    t = await bootTestApp({ IDEMPOTENCY_KEY_TTL_HOURS: '24', OUTBOX_RETENTION_DAYS: '7' });
    ds = dataSourceOf(t);
    a = await createFairScenario(t);
  });
  afterAll(() => t.close());

  const submit = (body: unknown, key: string) =>
    t
      .http()
      .post('/v1/kiosk/applications')
      .set(auth(a.kiosk.token))
      .set('idempotency-key', key)
      .send(body as object);
  const storedText = async (key: string) => {
    const [row] = await ds.query(`SELECT response_body::text AS body FROM idempotency_keys WHERE key = $1`, [
      key,
    ]);
    return row?.body as string | undefined;
  };

  it('keeps an access code only encrypted with the key', async () => {
    const key = unique('sealed-');
    const first = await submit(kioskSubmission([a.vacancy.id]), key);
    expect(first.status).toBe(201);
    expect(first.body.accessCode).toMatch(/^[A-Z0-9]{8}$/);
    const stored = await storedText(key);
    expect(stored).toContain(first.body.migrantId);
    expect(stored).not.toContain(first.body.accessCode);
    expect(stored).toContain('$sealed');
    const replay = await submit(kioskSubmission([a.vacancy.id]), key);
    // Another body under the key is refused; the same body is answered from the store.
    expect(replay.status).toBe(422);
  });

  it('replays the stored response with its secret decrypted', async () => {
    const key = unique('replay-');
    const body = kioskSubmission([a.vacancy.id]);
    const first = await submit(body, key);
    const replay = await submit(body, key);
    expect(replay.status).toBe(201);
    expect(replay.body).toEqual(first.body);
  });

  it('expires old keys and prunes old dispatched outbox rows through the maintenance queue, on a schedule', async () => {
    const oldKey = unique('old-');
    const freshKey = unique('fresh-');
    expect((await submit(kioskSubmission([a.vacancy.id]), oldKey)).status).toBe(201);
    expect((await submit(kioskSubmission([a.vacancy.id]), freshKey)).status).toBe(201);
    await ds.query(`UPDATE idempotency_keys SET completed_at = now() - interval '25 hours' WHERE key = $1`, [
      oldKey,
    ]);
    const [old] = await ds.query(
      `INSERT INTO outbox (job_name, payload, dispatched_at) VALUES ('search.index-migrant', '{}', now() - interval '8 days')
       RETURNING id`,
    );
    const [recent] = await ds.query(
      `INSERT INTO outbox (job_name, payload, dispatched_at) VALUES ('search.index-migrant', '{}', now() - interval '1 day')
       RETURNING id`,
    );
    const [pending] = await ds.query(
      `INSERT INTO outbox (job_name, payload, available_at, created_at) VALUES ('search.index-migrant', '{}', now() + interval '1 day', now() - interval '30 days')
       RETURNING id`,
    );

    const queues = t.app.get(QueueService);
    const schedulers = await queues.queue(JOB_QUEUE[JobName.IdempotencyCleanup]).getJobSchedulers();
    expect(schedulers.map((s) => s.key).sort()).toEqual(
      expect.arrayContaining(['idempotency-cleanup-hourly', 'outbox-prune-hourly']),
    );
    await queues.enqueue(JobName.IdempotencyCleanup, {}, { jobId: unique('cleanup-') });
    await queues.enqueue(JobName.OutboxPrune, {}, { jobId: unique('prune-') });
    await waitFor(async () => !(await storedText(oldKey)), { what: 'old key expired' });
    expect(await storedText(freshKey)).toBeDefined();
    await waitFor(async () => (await ds.query(`SELECT 1 FROM outbox WHERE id = $1`, [old.id])).length === 0, {
      what: 'old outbox row pruned',
    });
    const left = await ds.query(`SELECT id FROM outbox WHERE id = ANY($1::bigint[]) ORDER BY id`, [
      [recent.id, pending.id],
    ]);
    expect(left.map((r: { id: string }) => r.id)).toEqual([recent.id, pending.id]);
  });

  it('erases a person’s stored responses with their data', async () => {
    const key = unique('erase-');
    const first = await submit(kioskSubmission([a.vacancy.id]), key);
    expect(await storedText(key)).toBeDefined();
    await t.http().post(`/v1/migrants/${first.body.migrantId}/erase`).set(auth(a.staff)).expect(200);
    expect(await storedText(key)).toBeUndefined();
  });
});
