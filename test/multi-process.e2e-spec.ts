import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Client } from 'pg';
import request from 'supertest';
import { ADMIN_EMAIL, ADMIN_PASSWORD, TestApp, unique, waitFor } from 'test/harness/app';
import { kioskSubmission } from 'test/harness/applications.factory';
import { slotAt } from 'test/harness/interviews.factory';
import { SmsGatewayStub } from 'test/harness/sms-gateway';
import { SmtpSink } from 'test/harness/smtp-sink';
import { createFairScenario, FairScenario } from 'test/harness/supply.factory';

const ROOT = join(__dirname, '..');
const SUBMISSIONS = 40;
const SLOTS = 5;
const BOOKERS = 12;

interface Proc {
  name: string;
  child: ChildProcess;
  output: string[];
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Starts an entry point of the service (src/main.ts or src/worker.ts) as a process of its own. */
function start(name: string, entry: string, env: Record<string, string>): Proc {
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', entry],
    { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const output: string[] = [];
  child.stdout!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  return { name, child, output };
}

async function stop(proc: Proc): Promise<void> {
  if (proc.child.exitCode !== null) return;
  const exited = new Promise((resolve) => proc.child.once('exit', resolve));
  proc.child.kill('SIGTERM');
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
  if (proc.child.exitCode === null) proc.child.kill('SIGKILL');
}

/** A TestApp face for a process started here: the factories only need its URL. */
function face(url: string): TestApp {
  return { url, http: () => request(url) } as unknown as TestApp;
}

/** Two API processes (no workers) and one worker process on one database and one Redis, as deployed. */
describe('several processes on one database and one Redis (e2e)', () => {
  let smtp: SmtpSink;
  let sms: SmsGatewayStub;
  let db: Client;
  const procs: Proc[] = [];
  let api1: TestApp;
  let api2: TestApp;
  let scenario: FairScenario;

  beforeAll(async () => {
    smtp = await SmtpSink.start({ parse: false });
    sms = await SmsGatewayStub.start();
    db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    const [port1, port2] = [await freePort(), await freePort()];
    const common = {
      NODE_ENV: 'test',
      DATABASE_URL: process.env.DATABASE_URL!,
      REDIS_PREFIX: `${process.env.REDIS_PREFIX ?? 'jf-test'}-${unique('multi')}`,
      SMTP_URL: smtp.url,
      SMS_GATEWAY_URL: sms.url,
      OUTBOX_POLL_MS: '100',
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      RATE_LIMIT_LOGIN_PER_IP: '1000000/60',
      RATE_LIMIT_LOGIN_PER_ACCOUNT_AND_IP: '1000000/60',
      RATE_LIMIT_REGISTER_PER_IP: '1000000/60',
    };
    // Only the first API creates the administrator; the worker relays the outbox and runs every queue.
    procs.push(
      start('api-1', 'src/main.ts', {
        ...common,
        PORT: String(port1),
        WORKERS: 'off',
        ADMIN_EMAIL,
        ADMIN_PASSWORD,
      }),
    );
    procs.push(start('api-2', 'src/main.ts', { ...common, PORT: String(port2), WORKERS: 'off' }));
    procs.push(start('worker', 'src/worker.ts', common));
    api1 = face(`http://127.0.0.1:${port1}`);
    api2 = face(`http://127.0.0.1:${port2}`);
    for (const api of [api1, api2]) {
      await waitFor(
        async () => {
          const dead = procs.find((p) => p.child.exitCode !== null);
          if (dead) throw new Error(`${dead.name} exited: ${dead.output.join('')}`);
          const res = await api
            .http()
            .get('/health')
            .catch(() => undefined);
          return res?.status === 200;
        },
        { timeoutMs: 90_000, stepMs: 250, what: `${api.url} to start` },
      );
    }
    scenario = await createFairScenario(api1);
  }, 180_000);

  afterAll(async () => {
    await Promise.all(procs.map(stop));
    await db?.end();
    await smtp?.close();
    await sms?.close();
  });

  it('takes submissions and bookings on both APIs at once: every notification delivered once, every outbox row relayed once, no slot booked twice', async () => {
    // The run's database holds the other specs' rows too: this test counts only what it made.
    const started = (await db.query(`SELECT now() AS started`)).rows[0].started as Date;
    // Kiosk submissions, half to each API, all at once.
    const bodies = Array.from({ length: SUBMISSIONS }, () => kioskSubmission([scenario.vacancy.id]));
    const answers = await Promise.all(
      bodies.map((body, i) =>
        (i % 2 ? api2 : api1)
          .http()
          .post('/v1/kiosk/applications')
          .set('authorization', `Bearer ${scenario.kiosk.token}`)
          .set('idempotency-key', unique('multi-kiosk-'))
          .send(body),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(bodies.map(() => 201));
    const [{ n: people }] = (
      await db.query(`SELECT count(*)::int AS n FROM applications WHERE vacancy_id = $1`, [
        scenario.vacancy.id,
      ])
    ).rows;
    expect(people).toBe(SUBMISSIONS);

    // Fewer slots than people; the shortlisted race for them through both APIs.
    const slots = await api1
      .http()
      .post(`/v1/vacancies/${scenario.vacancy.id}/interview-slots`)
      .set('authorization', `Bearer ${scenario.employer.token}`)
      .send({ slots: Array.from({ length: SLOTS }, (_, i) => slotAt(600 + i * 30)) });
    expect(slots.status).toBe(201);
    const bookers = answers.slice(0, BOOKERS);
    await db.query(`UPDATE applications SET status = 'shortlisted' WHERE id = ANY($1::uuid[])`, [
      bookers.map((a) => a.body.applications[0].id),
    ]);
    const tokens = await Promise.all(
      bookers.map(async (a, i) => {
        const res = await api1
          .http()
          .post('/v1/auth/login')
          .send({ phone: bodies[i].migrant.phone, accessCode: a.body.accessCode });
        expect(res.status).toBe(200);
        return res.body.accessToken as string;
      }),
    );
    const bookings = await Promise.all(
      bookers.map((a, i) =>
        (i % 2 ? api1 : api2)
          .http()
          .post(`/v1/applications/${a.body.applications[0].id}/interview`)
          .set('authorization', `Bearer ${tokens[i]}`)
          .send({ slotId: slots.body.items[i % SLOTS].id }),
      ),
    );
    const booked = bookings.filter((b) => b.status === 201);
    expect(booked).toHaveLength(SLOTS);
    expect(bookings.filter((b) => b.status !== 201).map((b) => b.status)).toEqual(
      Array.from({ length: BOOKERS - SLOTS }, () => 409),
    );
    const interviews = (
      await db.query(
        `SELECT slot_id FROM interviews WHERE application_id = ANY($1::uuid[]) AND status = 'scheduled'`,
        [bookers.map((a) => a.body.applications[0].id)],
      )
    ).rows;
    expect(new Set(interviews.map((r) => r.slot_id)).size).toBe(SLOTS);
    expect(interviews).toHaveLength(SLOTS);

    // Every e-mail and SMS the work made is sent, once; every outbox row is relayed, once.
    const notifications = await waitFor(
      async () => {
        const rows = (
          await db.query(
            `SELECT id, channel, status FROM notifications WHERE channel IN ('email', 'sms') AND created_at >= $1`,
            [started],
          )
        ).rows as Array<{ id: string; channel: string; status: string }>;
        return rows.length > 0 && rows.every((r) => r.status === 'sent') ? rows : undefined;
      },
      { timeoutMs: 60_000, stepMs: 200, what: 'every notification sent' },
    );
    // The staff welcome mail goes straight from its job, not as a notification row.
    const mailIds = smtp.messages
      .map((m) => m.messageId.replace(/^<|@.*$/g, ''))
      .filter((id) => !id.startsWith('staff-welcome-'));
    expect(smtp.messages.length - mailIds.length).toBe(1);
    const smsIds = sms.messages.map((m) => m.id);
    expect(mailIds.sort()).toEqual(
      notifications
        .filter((n) => n.channel === 'email')
        .map((n) => n.id)
        .sort(),
    );
    expect(smsIds.sort()).toEqual(
      notifications
        .filter((n) => n.channel === 'sms')
        .map((n) => n.id)
        .sort(),
    );
    // Invitations for each booking and the access codes of each new person are among them.
    expect(notifications.filter((n) => n.channel === 'sms').length).toBeGreaterThanOrEqual(
      SUBMISSIONS + SLOTS,
    );
    const outbox = (
      await db.query(
        `SELECT dispatched_at IS NOT NULL AS dispatched, attempts FROM outbox WHERE created_at >= $1`,
        [started],
      )
    ).rows;
    expect(outbox.length).toBeGreaterThan(SUBMISSIONS);
    expect(outbox.filter((r) => !r.dispatched || r.attempts !== 0)).toEqual([]);
    for (const proc of procs) expect(proc.child.exitCode).toBeNull();
  }, 180_000);
});
