/**
 * Reports at a year's volume: 200 fairs, 5,000 employers, 50,000 vacancies, 300,000 migrants, 1,000,000
 * applications over the last year (with their history), 100,000 placements and the fair attendance, written by
 * SQL with generate_series into a fresh database `jobfair_bench_rep_*` (dropped at the end). Then, against the
 * real app in this process (workers off), as staff, sequentially:
 *   - GET /v1/reports/fairs/:id for random fairs,
 *   - GET /v1/reports/placements?groupBy=citizenship over the year (json),
 *   - GET /v1/reports/applications/export?format=csv over the year, streamed and counted, while the process RSS
 *     is sampled every 100 ms.
 *
 *   npm run bench:reports     (BENCH_SCALE=0.1 for a tenth of the volume; BENCH_ITERATIONS, BENCH_DATABASE_URL;
 *                              BENCH_KEEP_DATABASE=1 keeps the database for EXPLAIN, drop it yourself)
 */
import { benchEnvironment } from './bench-environment';
import 'reflect-metadata';
import http from 'node:http';
import { cpus, loadavg, totalmem } from 'node:os';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import IORedis from 'ioredis';
import { createApp, prepareDatabase } from 'src/bootstrap';
import { hashPassword } from 'src/common/crypto/password';
import { loadConfig } from 'src/config/config';

const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 20);
const FAIRS = 200;
const EMPLOYERS = Math.round(5_000 * SCALE);
const VACANCIES = EMPLOYERS * 10;
const MIGRANTS = Math.round(300_000 * SCALE);
const APPLICATIONS = Math.round(1_000_000 * SCALE);
const STAFF_EMAIL = 'bench-staff@bench.jobfair.local';
const STAFF_PASSWORD = 'bench-staff-password';

/** Deterministic ids, so rows can point at each other without joins: `md5(kind || n)::uuid`. */
const id = (kind: string, n: string) => `md5('${kind}' || ${n})::uuid`;

function log(message: string): void {
  console.log(`[${new Date().toISOString().slice(11, 19)}] ${message}`);
}

async function timed(label: string, db: Client, sql: string, params: unknown[] = []): Promise<void> {
  const started = Date.now();
  const result = await db.query(sql, params);
  log(`${label}: ${result.rowCount ?? 0} rows in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

async function seed(db: Client): Promise<void> {
  const staffHash = await hashPassword(STAFF_PASSWORD);
  await db.query(
    `INSERT INTO users (email, password_hash, role, display_name) VALUES ($1, $2, 'staff', 'Bench staff')`,
    [STAFF_EMAIL, staffHash],
  );
  // Fair n happens on day n*365/200 of the past year.
  await timed(
    'fairs',
    db,
    `INSERT INTO fairs (id, name, region, city, venue, starts_at, ends_at, timezone, languages)
     SELECT ${id('f', 'n')}, 'Ярмарка вакансий №' || n, (ARRAY['RU-MOW','RU-MOS','RU-SPE','RU-LEN'])[1 + n % 4],
            'Москва', 'ЦЗН, зал ' || n,
            now() - make_interval(days => 365 - (n * 365 / $1)), now() - make_interval(days => 365 - (n * 365 / $1)) + interval '7 hours',
            'Europe/Moscow', '{ru,uz,tg,ky}'
       FROM generate_series(0, $1 - 1) AS n`,
    [FAIRS],
  );
  await timed(
    'employers',
    db,
    `INSERT INTO employers (id, kind, name, country, tax_id, region, address, contact_name, email, phone, status, verified_at)
     SELECT ${id('e', 'n')}, 'company', 'ООО «Работодатель ' || n || '»', 'RU', lpad(n::text, 10, '0'),
            (ARRAY['RU-MOW','RU-MOS'])[1 + n % 2], 'Москва', 'HR', 'hr' || n || '@bench.jobfair.local', '+74951234567',
            'verified', now() - interval '400 days'
       FROM generate_series(0, $1 - 1) AS n`,
    [EMPLOYERS],
  );
  await timed(
    'fair participants',
    db,
    `INSERT INTO fair_participants (fair_id, employer_id)
     SELECT ${id('f', 'f')}, ${id('e', 'e')} FROM generate_series(0, $1 - 1) AS f, generate_series(0, 24) AS k,
            LATERAL (SELECT (f * 25 + k) % $2 AS e) x`,
    [FAIRS, EMPLOYERS],
  );
  // Vacancy n belongs to employer n % EMPLOYERS.
  await timed(
    'vacancies',
    db,
    `INSERT INTO vacancies (id, employer_id, title, description, occupation_code, region, city, salary_min, salary_max,
                            salary_currency, salary_period, salary_gross, positions, schedule, start_date,
                            housing_provided, foreigners_accepted, quota_available, status, published_at, created_at)
     SELECT ${id('v', 'n')}, ${id('e', `(n % ${EMPLOYERS})`)}, 'Вакансия ' || n, 'Описание',
            (ARRAY['9313','7112','7123','7131','7212','7411','7126','5120','9412','9112','9333','8322','8332','5223','7533'])[1 + n % 15],
            (ARRAY['RU-MOW','RU-MOS'])[1 + n % 2], 'Москва', 60000 + (n % 40) * 1000, 90000 + (n % 40) * 1000,
            'RUB', 'month', true, 1 + n % 5, 'full_time', current_date - 300 + n % 330, n % 3 = 0, true, false,
            'published', now() - interval '380 days', now() - interval '380 days'
       FROM generate_series(0, $1 - 1) AS n`,
    [VACANCIES],
  );
  await timed(
    'fair vacancies',
    db,
    `INSERT INTO fair_vacancies (fair_id, vacancy_id, employer_id)
     SELECT fp.fair_id, v.id, v.employer_id FROM fair_participants fp
       JOIN LATERAL (SELECT id, employer_id FROM vacancies WHERE employer_id = fp.employer_id LIMIT 3) v ON true`,
  );
  // Migrant n: a third registered at a kiosk of fair n % FAIRS.
  await timed(
    'migrants',
    db,
    `INSERT INTO migrants (id, full_name, full_name_latin, birth_date, gender, citizenship, phone, preferred_language,
                           occupations, desired_regions, visible_to_employers, consent_version, consent_at, source,
                           fair_id, created_at)
     SELECT ${id('m', 'n')}, 'Мигрант ' || n, 'Migrant ' || n, date '1970-01-01' + (n % 12000),
            (ARRAY['male','male','male','female'])[1 + n % 4], (ARRAY['UZ','TJ','KG','KZ','UZ','TJ','AM'])[1 + n % 7],
            '+99890' || lpad(n::text, 7, '0'), (ARRAY['ru','uz','tg','ky'])[1 + n % 4],
            jsonb_build_array(jsonb_build_object('code',
              (ARRAY['9313','7112','7123','7131','7212','7411','7126','5120','9412','9112','9333','8322','8332','5223','7533'])[1 + n % 15],
              'years', n % 10)),
            ARRAY[(ARRAY['RU-MOW','RU-MOS'])[1 + n % 2]], n % 2 = 0, '2025-01', now() - interval '370 days',
            CASE WHEN n % 3 = 0 THEN 'kiosk' ELSE 'online' END,
            CASE WHEN n % 3 = 0 THEN ${id('f', `(n % ${FAIRS})`)} END, now() - interval '370 days'
       FROM generate_series(0, $1 - 1) AS n`,
    [MIGRANTS],
  );
  await timed(
    'fair attendance',
    db,
    `INSERT INTO fair_attendance (fair_id, migrant_id, first_seen_at, visits)
     SELECT ${id('f', `(n % ${FAIRS})`)}, ${id('m', 'n')}, now() - interval '300 days', 1 + n % 3
       FROM generate_series(0, $1 - 1) AS n WHERE n % 3 <> 2`,
    [MIGRANTS],
  );
  // Application i: migrant i % MIGRANTS, vacancy (m*37 + r*12011) % VACANCIES with r = i / MIGRANTS, so every
  // (migrant, vacancy) pair is unique; spread evenly over the last 365 days; kiosk ones at the migrant's fair.
  await db.query(`SET synchronous_commit = off`);
  await timed(
    'applications',
    db,
    `INSERT INTO applications (id, migrant_id, vacancy_id, employer_id, status, source, fair_id, created_at, updated_at)
     SELECT ${id('a', 'i')}, ${id('m', 'm')}, ${id('v', 'v')}, ${id('e', `(v % ${EMPLOYERS})`)},
            CASE WHEN i % 10 = 0 THEN 'hired' WHEN i % 10 = 1 THEN 'interviewed' WHEN i % 10 = 2 THEN 'rejected'
                 WHEN i % 10 = 3 THEN 'interview_scheduled' ELSE 'submitted' END,
            CASE WHEN m % 3 = 0 THEN 'kiosk' ELSE 'online' END,
            CASE WHEN m % 3 = 0 THEN ${id('f', `(m % ${FAIRS})`)} END,
            now() - make_interval(secs => (i::float8 * 365 * 86400 / $1)), now()
       FROM generate_series(0, $1 - 1) AS i,
            LATERAL (SELECT i % $2 AS m) mm,
            LATERAL (SELECT (mm.m * 37 + (i / $2) * 12011) % $3 AS v) vv`,
    [APPLICATIONS, MIGRANTS, VACANCIES],
  );
  await timed(
    'transitions: submitted',
    db,
    `INSERT INTO application_transitions (application_id, from_status, to_status, actor_role, created_at)
     SELECT id, NULL, 'submitted', 'migrant', created_at FROM applications`,
  );
  await timed(
    'transitions: interview_scheduled',
    db,
    `INSERT INTO application_transitions (application_id, from_status, to_status, actor_role, created_at)
     SELECT id, 'submitted', 'interview_scheduled', 'employer', created_at + interval '2 days'
       FROM applications WHERE status IN ('hired', 'interviewed', 'interview_scheduled')`,
  );
  await timed(
    'transitions: offered + hired',
    db,
    `INSERT INTO application_transitions (application_id, from_status, to_status, actor_role, created_at)
     SELECT a.id, s.f, s.t, 'employer', a.created_at + s.d * interval '1 day'
       FROM applications a,
            LATERAL (VALUES ('interview_scheduled', 'interviewed', 4), ('interviewed', 'offered', 6),
                            ('offered', 'hired', 7 + (abs(hashtext(a.id::text)) % 30))) AS s(f, t, d)
      WHERE a.status = 'hired'`,
  );
  await timed(
    'placements',
    db,
    `INSERT INTO placements (application_id, migrant_id, vacancy_id, employer_id, fair_id, contract_start_date,
                             created_at)
     SELECT a.id, a.migrant_id, a.vacancy_id, a.employer_id, a.fair_id, (t.created_at + interval '3 days')::date,
            t.created_at
       FROM applications a JOIN application_transitions t ON t.application_id = a.id AND t.to_status = 'hired'`,
  );
  const started = Date.now();
  await db.query(`VACUUM ANALYZE`);
  log(`vacuum analyze in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function measure(
  label: string,
  iterations: number,
  request: (i: number) => Promise<{ status: number; ms: number }>,
) {
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const { status, ms } = await request(i);
    if (status !== 200) throw new Error(`${label}: HTTP ${status}`);
    times.push(ms);
  }
  times.sort((a, b) => a - b);
  const result = {
    label,
    n: iterations,
    p50: Math.round(percentile(times, 50)),
    p95: Math.round(percentile(times, 95)),
    max: Math.round(times[times.length - 1]),
  };
  log(`${label}: p50 ${result.p50} ms, p95 ${result.p95} ms, max ${result.max} ms`);
  return result;
}

function get(
  url: string,
  token: string,
  onData?: (chunk: Buffer) => void,
): Promise<{ status: number; ms: number; body: string }> {
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { authorization: `Bearer ${token}` } }, (res) => {
        const parts: Buffer[] = [];
        res.on('data', (chunk: Buffer) => (onData ? onData(chunk) : parts.push(chunk)));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            ms: Number(process.hrtime.bigint() - started) / 1e6,
            body: Buffer.concat(parts).toString(),
          }),
        );
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

function post(url: string, body: unknown): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const payload = JSON.stringify(body);
    const req = http.request(
      url,
      { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': payload.length } },
      (res) => {
        const parts: Buffer[] = [];
        res.on('data', (c: Buffer) => parts.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(parts).toString() }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

function moscowDate(offsetDays: number): string {
  const d = new Date(Date.now() + 3 * 3_600_000 + offsetDays * 86_400_000);
  return d.toISOString().slice(0, 10);
}

async function main(): Promise<void> {
  const { base, dbName, dbUrl, redisPrefix } = benchEnvironment('rep');
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'development',
    DATABASE_URL: dbUrl.toString(),
    REDIS_PREFIX: redisPrefix,
    SMTP_URL: '',
    SMS_GATEWAY_URL: '',
    ADMIN_EMAIL: '',
    ADMIN_PASSWORD: '',
    WORKERS: 'false',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'error',
  });
  log(
    `scale ${SCALE}: ${FAIRS} fairs, ${EMPLOYERS} employers, ${VACANCIES} vacancies, ${MIGRANTS} migrants, ` +
      `${APPLICATIONS} applications; database ${dbName}; load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
  );

  let app: Awaited<ReturnType<typeof createApp>> | undefined;
  const seedClient = new Client({ connectionString: dbUrl.toString() });
  try {
    await prepareDatabase(config);
    await seedClient.connect();
    const seedStarted = Date.now();
    await seed(seedClient);
    const seedSeconds = (Date.now() - seedStarted) / 1000;
    const [counts] = (
      await seedClient.query(
        `SELECT (SELECT count(*)::int FROM applications) AS applications,
                (SELECT count(*)::int FROM application_transitions) AS transitions,
                (SELECT count(*)::int FROM placements) AS placements,
                (SELECT count(*)::int FROM fair_attendance) AS attendance,
                pg_size_pretty(pg_database_size(current_database())) AS size`,
      )
    ).rows;
    log(`seeded in ${seedSeconds.toFixed(0)} s: ${JSON.stringify(counts)}`);
    await seedClient.end();

    app = await createApp(config, { workers: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    const loginRes = await post(`${url}/v1/auth/login`, { email: STAFF_EMAIL, password: STAFF_PASSWORD });
    if (loginRes.status !== 200) throw new Error(`login failed: ${loginRes.status} ${loginRes.body}`);
    const token = JSON.parse(loginRes.body).accessToken as string;
    const loadBefore = loadavg()[0];

    // A fixed pseudo-random order of fairs, so reruns hit the same ones.
    const fairIds = (await app.get(DataSource).query(`SELECT id FROM fairs ORDER BY md5(id::text)`)).map(
      (r: { id: string }) => r.id,
    ) as string[];
    const from = moscowDate(-365);
    const to = moscowDate(0);
    const fair = await measure('GET /v1/reports/fairs/:id', ITERATIONS, (i) =>
      get(`${url}/v1/reports/fairs/${fairIds[i % fairIds.length]}`, token),
    );
    const placements = await measure(
      `GET /v1/reports/placements?groupBy=citizenship (${from}..${to})`,
      ITERATIONS,
      () => get(`${url}/v1/reports/placements?groupBy=citizenship&from=${from}&to=${to}`, token),
    );
    const sample = await get(`${url}/v1/reports/placements?groupBy=citizenship&from=${from}&to=${to}`, token);
    log(`placements report: ${sample.body.slice(0, 400)}`);

    // The export, streamed and counted while the process RSS is sampled.
    global.gc?.();
    const baselineRss = process.memoryUsage().rss;
    const baselineHeap = process.memoryUsage().heapUsed;
    let peakRss = baselineRss;
    let peakHeap = baselineHeap;
    let bytes = 0;
    let newlines = 0;
    // With --expose-gc (the npm script), every 2 s a full collection and the heap left alive: what the export
    // holds, without the garbage a lazy collector has not yet reclaimed.
    const liveHeap: { rows: number; MiB: number }[] = [];
    let ticks = 0;
    const sampler = setInterval(() => {
      if (global.gc && ++ticks % 20 === 0) {
        global.gc();
        liveHeap.push({ rows: newlines, MiB: Math.round(process.memoryUsage().heapUsed / 2 ** 20) });
      }
      const usage = process.memoryUsage();
      peakRss = Math.max(peakRss, usage.rss);
      peakHeap = Math.max(peakHeap, usage.heapUsed);
    }, 100);
    const exported = await get(
      `${url}/v1/reports/applications/export?format=csv&from=${from}&to=${to}`,
      token,
      (chunk) => {
        bytes += chunk.length;
        for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) newlines += 1;
      },
    );
    clearInterval(sampler);
    if (exported.status !== 200) throw new Error(`export: HTTP ${exported.status}`);
    const cpu = cpus();
    const result = {
      date: new Date().toISOString(),
      machine: `${cpu.length} cores (${cpu[0]?.model.trim()}), ${Math.round(totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}`,
      loadAverageAtStart: +loadBefore.toFixed(1),
      loadAverageAtEnd: +loadavg()[0].toFixed(1),
      scale: SCALE,
      seedSeconds: Math.round(seedSeconds),
      counts,
      fairReport: fair,
      placementsReport: placements,
      export: {
        seconds: +(exported.ms / 1000).toFixed(1),
        megabytes: +(bytes / 2 ** 20).toFixed(1),
        dataRows: newlines - 1,
        rowsPerSecond: Math.round((newlines - 1) / (exported.ms / 1000)),
        baselineRssMiB: Math.round(baselineRss / 2 ** 20),
        peakRssMiB: Math.round(peakRss / 2 ** 20),
        baselineHeapUsedMiB: Math.round(baselineHeap / 2 ** 20),
        peakHeapUsedMiB: Math.round(peakHeap / 2 ** 20),
        liveHeapAfterGcMiB: liveHeap,
      },
    };
    console.log(JSON.stringify(result, null, 2));
  } finally {
    await seedClient.end().catch(() => undefined);
    if (app) await app.close();
    if (process.env.BENCH_KEEP_DATABASE === '1') {
      log(`kept ${dbName}`);
    } else {
      const admin = new Client({ connectionString: base.toString() });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
      await admin.end();
      log(`dropped ${dbName}`);
    }
    const redis = new IORedis(config.redisUrl, { maxRetriesPerRequest: 1 });
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${redisPrefix}:*`, 'COUNT', 1000);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
    redis.disconnect();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
