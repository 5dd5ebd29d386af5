/**
 * Kiosk submissions: POST /v1/kiosk/applications (a new visitor applying to two vacancies, unique phone and
 * Idempotency-Key per request) at concurrency 32 for 30 s, beside a trivial authenticated GET /v1/auth/me
 * (an employer user's token) as the framework's ceiling, measured before and after (the faster one counts). Seeds a fair with 50 employers and 500 vacancies by SQL in a fresh
 * database `jobfair_bench_kiosk_*` with its own Redis prefix, both removed afterwards. The server is the API
 * process as deployed beside `npm run worker` (WORKERS=false: no queue workers and no outbox relay in it), so
 * afterwards every message and search update must be waiting in the outbox, none lost. Then, with the app idle,
 * the same statements without the app (`pgbench`, see kiosk-floor.ts) at the app's pool size and at the HTTP
 * concurrency: what PostgreSQL alone can take on this machine, an upper bound for the route.
 *
 *   npm run bench:kiosk            (BENCH_DURATION, BENCH_CONNECTIONS, BENCH_DATABASE_URL, REDIS_URL to override)
 */
import { benchEnvironment, dropDatabase, dropRedisPrefix } from './bench-environment';
import { TokenService } from 'src/common/auth/token.service';
import 'reflect-metadata';
import { cpus, totalmem } from 'node:os';
import { DataSource } from 'typeorm';
import { createApp, prepareDatabase } from 'src/bootstrap';
import { newKioskToken } from 'src/common/auth/kiosk-token';
import { loadConfig } from 'src/config/config';
import { databaseFloor } from './kiosk-floor';
import { CpuReading, startCpuMeter } from './cpu-meter';

// autocannon ships no types; only what this file uses.
interface AutocannonRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
}
interface AutocannonOptions {
  url: string;
  connections: number;
  duration: number;
  headers?: Record<string, string>;
  requests?: (AutocannonRequest & { setupRequest?: (req: AutocannonRequest) => AutocannonRequest })[];
}
interface Histogram {
  average: number;
  p50: number;
  p90: number;
  p97_5: number;
  p99: number;
}
interface AutocannonResult {
  requests: Histogram;
  latency: Histogram;
  '2xx': number;
  non2xx: number;
  errors: number;
  timeouts: number;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as (
  options: AutocannonOptions,
  done: (error: Error | null, result: AutocannonResult) => void,
) => unknown;

const DURATION = Number(process.env.BENCH_DURATION ?? 30);
const CEILING_DURATION = Number(process.env.BENCH_CEILING_DURATION ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const EMPLOYERS = 50;
const VACANCIES_PER_EMPLOYER = 10;

/** A fair open now, 50 verified employers (one user each) with 10 published vacancies each, and a kiosk. */
async function seed(db: DataSource): Promise<{ token: string; vacancyIds: string[] }> {
  const [fair] = await db.query(
    `INSERT INTO fairs (name, region, city, venue, starts_at, ends_at, timezone, languages)
     VALUES ('Bench fair', 'RU-MOW', 'Москва', 'Bench hall', now() - interval '1 hour', now() + interval '8 hours',
             'Europe/Moscow', '{ru,uz,tg,ky}') RETURNING id`,
  );
  const employers: { id: string }[] = await db.query(
    `INSERT INTO employers (kind, name, country, tax_id, region, address, contact_name, email, phone, status)
     SELECT 'company', 'Bench employer ' || i, 'RU', 'B' || lpad(i::text, 9, '0'), 'RU-MOW', 'Street 1', 'HR',
            'hr' || i || '@bench.jobfair.local', '+74951234567', 'verified'
       FROM generate_series(1, $1) AS i RETURNING id`,
    [EMPLOYERS],
  );
  const ids = employers.map((e) => e.id);
  await db.query(
    `INSERT INTO users (role, display_name, email, employer_id)
     SELECT 'employer', 'HR', 'hr-' || e || '@bench.jobfair.local', e FROM unnest($1::uuid[]) AS e`,
    [ids],
  );
  await db.query(
    `INSERT INTO fair_participants (fair_id, employer_id) SELECT $1, e FROM unnest($2::uuid[]) AS e`,
    [fair.id, ids],
  );
  const vacancies: { id: string }[] = await db.query(
    `INSERT INTO vacancies (employer_id, title, description, occupation_code, region, city, salary_min,
                            salary_currency, salary_period, salary_gross, positions, schedule, start_date,
                            housing_provided, foreigners_accepted, quota_available, status, published_at)
     SELECT e, 'Vacancy ' || n, 'Bench', (ARRAY['5120','7112','9313','8322','9412'])[1 + n % 5], 'RU-MOW',
            'Москва', 90000, 'RUB', 'month', true, 5, 'full_time', current_date + 30, true, true, false,
            'published', now()
       FROM unnest($1::uuid[]) AS e, generate_series(1, $2) AS n
     RETURNING id`,
    [ids, VACANCIES_PER_EMPLOYER],
  );
  await db.query(
    `INSERT INTO fair_vacancies (fair_id, vacancy_id, employer_id)
     SELECT $1, v.id, v.employer_id FROM vacancies v WHERE v.id = ANY($2::uuid[])`,
    [fair.id, vacancies.map((v) => v.id)],
  );
  const { token, hash } = newKioskToken();
  await db.query(`INSERT INTO kiosks (fair_id, label, token_hash) VALUES ($1, 'Bench kiosk', $2)`, [
    fair.id,
    hash,
  ]);
  return { token, vacancyIds: vacancies.map((v) => v.id) };
}

/** CPU milliseconds per request: this process (app and load generator) and the PostgreSQL server. */
function perRequest(cpu: CpuReading, requests: number): { app: number; postgres: number | null } {
  const ms = (seconds: number) => Math.round((seconds / requests) * 1e5) / 100;
  return { app: ms(cpu.process), postgres: cpu.postgres === null ? null : ms(cpu.postgres) };
}

function run(options: AutocannonOptions): Promise<AutocannonResult> {
  return new Promise((resolve, reject) => {
    autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

async function main(): Promise<void> {
  const { base, dbName, dbUrl, redisPrefix } = benchEnvironment('kiosk');

  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'development',
    DATABASE_URL: dbUrl.toString(),
    REDIS_PREFIX: redisPrefix,
    SMTP_URL: '',
    SMS_GATEWAY_URL: '',
    ADMIN_EMAIL: '',
    ADMIN_PASSWORD: '',
    // The API process alone, as deployed (queue workers run in their own process).
    WORKERS: process.env.WORKERS ?? 'false',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'error',
  });

  let app: Awaited<ReturnType<typeof createApp>> | undefined;
  try {
    await prepareDatabase(config);
    app = await createApp(config);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const url = await app.getUrl();
    const db = app.get(DataSource);
    const { token, vacancyIds } = await seed(db);
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };

    // The ceiling: the cheapest authenticated route (guard, token check, one primary-key read).
    const [user] = await db.query(
      `SELECT id, role, employer_id, migrant_id FROM users ORDER BY created_at LIMIT 1`,
    );
    const userToken = app.get(TokenService).issue({
      id: user.id,
      role: user.role,
      employerId: user.employer_id,
      migrantId: user.migrant_id,
    }).accessToken;
    // Measured before and after the submissions; the share is taken against the faster of the two, so a
    // neighbour's burst during one of them cannot flatter the result.
    const measureCeiling = async () => {
      const meter = await startCpuMeter();
      const result = await run({
        url: `${url}/v1/auth/me`,
        connections: CONNECTIONS,
        duration: CEILING_DURATION,
        headers: { authorization: `Bearer ${userToken}` },
      });
      return Object.assign(result, { cpu: await meter.stop() });
    };
    const ceilingBefore = await measureCeiling();

    let sequence = 0;
    const body = () => {
      sequence += 1;
      const first = vacancyIds[sequence % vacancyIds.length];
      const second = vacancyIds[(sequence * 7 + 13) % vacancyIds.length];
      return JSON.stringify({
        migrant: {
          fullName: `Bench Visitor ${sequence}`,
          birthDate: `19${70 + (sequence % 30)}-0${1 + (sequence % 9)}-1${sequence % 10}`,
          gender: sequence % 2 ? 'male' : 'female',
          citizenship: ['UZ', 'TJ', 'KG'][sequence % 3],
          phone: `+99890${String(1_000_000 + sequence).padStart(7, '0')}`,
          preferredLanguage: ['uz', 'tg', 'ky', 'ru'][sequence % 4],
          consent: { dataProcessing: true, visibleToEmployers: true, version: '2025-01' },
        },
        vacancyIds: first === second ? [first] : [first, second],
      });
    };
    const submissionsMeter = await startCpuMeter();
    const submissions = await run({
      url,
      connections: CONNECTIONS,
      duration: DURATION,
      requests: [
        {
          method: 'POST',
          path: '/v1/kiosk/applications',
          setupRequest: (req) => ({
            ...req,
            headers: { ...headers, 'idempotency-key': `${redisPrefix}-${sequence + 1}` },
            body: body(),
          }),
        },
      ],
    });

    const submissionsCpu = await submissionsMeter.stop();
    // Requests still in flight when the clock stops commit without autocannon counting them: let them finish
    // and count the server's completed idempotency keys (one per successful submission) as well.
    for (let waited = 0; waited < 30_000; waited += 250) {
      const [{ n }] = await db.query(
        `SELECT count(*)::int AS n FROM idempotency_keys WHERE state = 'processing'`,
      );
      if (n === 0) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    const ceilingAfter = await measureCeiling();
    const ceiling =
      ceilingAfter.requests.average > ceilingBefore.requests.average ? ceilingAfter : ceilingBefore;
    const created = submissions['2xx'];
    const [rows] = await db.query(
      `SELECT (SELECT count(*)::int FROM idempotency_keys WHERE state = 'completed') AS completed,
              (SELECT count(*)::int FROM migrants) AS migrants, (SELECT count(*)::int FROM applications) AS applications,
              (SELECT count(DISTINCT migrant_id)::int FROM applications) AS applicants,
              (SELECT count(*)::int FROM fair_attendance) AS attendance,
              (SELECT count(*)::int FROM notifications) AS notifications,
              (SELECT count(*)::int FROM outbox WHERE dispatched_at IS NULL) AS "outboxWaiting"`,
    );
    // The same statements without the app (pgbench), with the app idle: what PostgreSQL alone can take, with
    // as many sessions as the app's pool and as many as the HTTP connections.
    const [{ token_hash: tokenHash }] = await db.query(`SELECT token_hash FROM kiosks LIMIT 1`);
    const floor = await databaseFloor(db, dbUrl, tokenHash, [config.databasePoolSize, CONNECTIONS], DURATION);
    const expected = {
      migrants: 1,
      applications: 2,
      attendance: 1,
      notifications: 9,
      outbox: 10,
      completedKeys: 1,
    };
    const cpu = cpus();
    const result = {
      date: new Date().toISOString(),
      machine: `${cpu.length} cores (${cpu[0]?.model.trim()}), ${Math.round(totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}`,
      connections: CONNECTIONS,
      ceiling: {
        route: 'GET /v1/auth/me',
        seconds: CEILING_DURATION,
        requestsPerSecond: Math.round(ceiling.requests.average),
        before: Math.round(ceilingBefore.requests.average),
        after: Math.round(ceilingAfter.requests.average),
        p50: ceiling.latency.p50,
        p99: ceiling.latency.p99,
        non2xx: ceiling.non2xx,
        errors: ceiling.errors,
        cpuMsPerRequest: perRequest(ceiling.cpu, ceiling['2xx']),
      },
      submissions: {
        route: 'POST /v1/kiosk/applications',
        seconds: DURATION,
        requestsPerSecond: +submissions.requests.average.toFixed(1),
        shareOfCeiling: +(submissions.requests.average / ceiling.requests.average).toFixed(3),
        p50: submissions.latency.p50,
        p90: submissions.latency.p90,
        p97_5: submissions.latency.p97_5,
        p99: submissions.latency.p99,
        created,
        non2xx: submissions.non2xx,
        errors: submissions.errors,
        timeouts: submissions.timeouts,
        cpuMsPerRequest: perRequest(submissionsCpu, created),
      },
      databaseFloor: floor?.map((f) => ({
        ...f,
        shareOfCeiling: Math.round((f.transactionsPerSecond / ceiling.requests.average) * 1000) / 1000,
      })),
      rows,
      rowsMatch:
        rows.migrants === rows.completed &&
        rows.applicants === rows.completed &&
        rows.attendance === rows.completed &&
        // Every message and every profile's search update waits in the outbox for the worker process.
        rows.outboxWaiting === rows.notifications + rows.migrants &&
        rows.completed - created <= CONNECTIONS,
      // The floor wrote what a submission writes: a person, two applications, nine notifications, ten events.
      floorRowsMatch:
        !floor || floor.every((f) => JSON.stringify(f.rowsPerTransaction) === JSON.stringify(expected)),
    };
    console.log(JSON.stringify(result, null, 2));
    if (!result.rowsMatch || !result.floorRowsMatch || submissions.non2xx || submissions.errors)
      process.exitCode = 1;
  } finally {
    await app?.close().catch(() => undefined);
    await dropDatabase(base.toString(), dbName).catch((e: Error) =>
      console.error(`drop database: ${e.message}`),
    );
    await dropRedisPrefix(config.redisUrl, redisPrefix).catch((e: Error) =>
      console.error(`redis cleanup: ${e.message}`),
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
