/**
 * Interview reminder lateness: 1,000 `interview.reminder` jobs delayed to the same instant, handled by the
 * real handler (the jobs in hand are batched: re-read the interviews, write the in-app reminders in one
 * transaction). Lateness = when the handler wrote the reminder (the notification row's transaction time) − the
 * due instant; p50/p99/max.
 * Runs against a fresh database `jobfair_bench_rem_*` and Redis prefix `jf-bench-rem-*`, both removed afterwards.
 *
 *   npm run bench:reminders            (BENCH_COUNT, BENCH_LEAD_SECONDS, BENCH_DATABASE_URL, REDIS_URL)
 */
import { benchEnvironment, dropDatabase, dropRedisPrefix } from './bench-environment';
import 'reflect-metadata';
import { cpus, loadavg, totalmem } from 'node:os';
import { DataSource } from 'typeorm';
import { createApp, prepareDatabase } from 'src/bootstrap';
import { loadConfig } from 'src/config/config';
import { JobName } from 'src/queue/queue.constants';
import { QueueService } from 'src/queue/queue.service';

const COUNT = Number(process.env.BENCH_COUNT ?? 1000);
// Time to enqueue everything before the common due instant.
const LEAD_MS = Number(process.env.BENCH_LEAD_SECONDS ?? 15) * 1000;
const OFFSET_MINUTES = 60;
const TIMEOUT_MS = 5 * 60_000;

/** 1 employer, 1 vacancy and COUNT candidates (in-app only), each with one interview at the same time. */
async function seed(db: DataSource, startsAt: Date): Promise<string[]> {
  const [employer] = await db.query(
    `INSERT INTO employers (name, country, tax_id, region, address, contact_name, email, phone, status)
     VALUES ('Bench LLC', 'RU', '7707083893', 'RU-MOW', 'Moscow', 'HR', 'hr@bench.jobfair.local',
             '+74951234567', 'verified') RETURNING id`,
  );
  const [vacancy] = await db.query(
    `INSERT INTO vacancies (employer_id, title, description, occupation_code, region, city, salary_min,
                            salary_currency, salary_period, salary_gross, positions, schedule, start_date,
                            housing_provided, foreigners_accepted, status, published_at)
     VALUES ($1, 'Welder', 'Bench', '7212', 'RU-MOW', 'Moscow', 90000, 'RUB', 'month', true, 1000,
             'full_time', '2030-01-01', false, true, 'published', now()) RETURNING id`,
    [employer.id],
  );
  const endsAt = new Date(startsAt.getTime() + 20 * 60_000);
  const rows: { id: string }[] = await db.query(
    `WITH m AS (
       INSERT INTO migrants (full_name, gender, citizenship, preferred_language, source)
       SELECT 'Candidate ' || g, 'male', 'UZ', (ARRAY['ru','uz','tg','ky','en'])[1 + g % 5], 'online'
         FROM generate_series(1, $1::int) g RETURNING id),
     u AS (
       INSERT INTO users (role, display_name, migrant_id) SELECT 'migrant', 'Candidate', id FROM m),
     a AS (
       INSERT INTO applications (migrant_id, vacancy_id, employer_id, status, source)
       SELECT id, $2, $3, 'interview_scheduled', 'online' FROM m RETURNING id, migrant_id),
     s AS (
       INSERT INTO interview_slots (vacancy_id, employer_id, starts_at, ends_at, mode, location)
       SELECT $2, $3, $4, $5, 'in_person', 'Booth ' || a.migrant_id FROM a RETURNING id, location)
     INSERT INTO interviews (application_id, slot_id, migrant_id, employer_id, vacancy_id, starts_at, ends_at)
     SELECT a.id, s.id, a.migrant_id, $3, $2, $4, $5
       FROM a JOIN s ON s.location = 'Booth ' || a.migrant_id
     RETURNING id`,
    [COUNT, vacancy.id, employer.id, startsAt, endsAt],
  );
  return rows.map((r) => r.id);
}

async function main(): Promise<void> {
  const { base, dbName, dbUrl, redisPrefix } = benchEnvironment('rem');

  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'development',
    DATABASE_URL: dbUrl.toString(),
    REDIS_PREFIX: redisPrefix,
    SMTP_URL: '',
    SMS_GATEWAY_URL: '',
    ADMIN_EMAIL: '',
    ADMIN_PASSWORD: '',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  });

  let app: Awaited<ReturnType<typeof createApp>> | undefined;
  try {
    await prepareDatabase(config);
    app = await createApp(config);
    const db = app.get(DataSource);
    const queues = app.get(QueueService);

    const seedStarted = Date.now();
    const due = new Date(Math.ceil((Date.now() + LEAD_MS) / 1000) * 1000);
    const startsAt = new Date(due.getTime() + OFFSET_MINUTES * 60_000);
    const ids = await seed(db, startsAt);
    const seededMs = Date.now() - seedStarted;

    const enqueueStarted = Date.now();
    await Promise.all(
      ids.map((interviewId) =>
        queues.enqueue(
          JobName.InterviewReminder,
          { interviewId, startsAt: startsAt.toISOString(), offsetMinutes: OFFSET_MINUTES },
          { jobId: `reminder-${interviewId}-0-${OFFSET_MINUTES}`, delayMs: due.getTime() - Date.now() },
        ),
      ),
    );
    const enqueueMs = Date.now() - enqueueStarted;
    if (Date.now() >= due.getTime()) throw new Error('enqueueing took longer than the lead time; raise it');

    const deadline = Date.now() + TIMEOUT_MS;
    for (;;) {
      const [row] = await db.query(
        `SELECT count(*)::int AS n FROM notifications WHERE template = 'interview_reminder_migrant'`,
      );
      if (row.n >= COUNT) break;
      if (Date.now() > deadline) throw new Error(`only ${row.n} of ${COUNT} reminders after the timeout`);
      await new Promise((r) => setTimeout(r, 100));
    }

    const [stats] = await db.query(
      `SELECT count(*)::int AS n, count(DISTINCT recipient_user_id)::int AS recipients,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS p50,
              percentile_cont(0.99) WITHIN GROUP (ORDER BY ms) AS p99,
              max(ms) AS max, min(ms) AS min
         FROM (SELECT recipient_user_id, extract(epoch FROM created_at - $1::timestamptz) * 1000 AS ms
                 FROM notifications WHERE template = 'interview_reminder_migrant') x`,
      [due],
    );
    const cpu = cpus();
    const result = {
      date: new Date().toISOString(),
      machine: `${cpu.length} cores (${cpu[0]?.model.trim()}), ${Math.round(totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}`,
      loadAverage1m: +loadavg()[0].toFixed(2),
      reminders: COUNT,
      seedSeconds: +(seededMs / 1000).toFixed(2),
      enqueueSeconds: +(enqueueMs / 1000).toFixed(2),
      handled: stats.n,
      distinctRecipients: stats.recipients,
      latenessMs: {
        min: Math.round(stats.min),
        p50: Math.round(stats.p50),
        p99: Math.round(stats.p99),
        max: Math.round(stats.max),
      },
      goalP99Ms: 2000,
    };
    console.log(JSON.stringify(result, null, 2));
    if (stats.n !== COUNT || stats.recipients !== COUNT || stats.p99 > 2000) process.exitCode = 1;
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
