/**
 * The database's share of a kiosk submission, without the app: the statements a submission sends (as of
 * `KioskService.submit`, its repositories and the notifications insert), replayed by `pgbench` against the
 * benchmark's database at the same concurrency, each transaction a new visitor applying to two of the fair's
 * vacancies, with the same writes: profile, consent, search event, attendance, login, two applications with
 * their history, nine notifications with their outbox events, the Idempotency-Key claimed and completed.
 * Values the app computes in Node (eligibility, payloads) are literal copies of what it wrote.
 *
 * What it tells: how many submissions per second PostgreSQL alone can take on this machine, i.e. an upper
 * bound for the HTTP route whatever the app does. Keep it in step with the statements it copies.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { startCpuMeter } from './cpu-meter';

/** JSON with a space after every key's colon: pgbench would read `"passed":true` as a variable `:true`. */
function json(value: object): string {
  return JSON.stringify(value).replace(/":/g, '": ');
}

export interface FloorResult {
  tool: string;
  /** pgbench clients, i.e. concurrent database sessions. */
  clients: number;
  transactions: number;
  transactionsPerSecond: number;
  latencyAverageMs: number;
  failed: number;
  /** CPU milliseconds of the PostgreSQL server per transaction (null where /proc does not show it). */
  postgresCpuMs: number | null;
  /** Rows each transaction wrote, counted in the database: 1 person, 2 applications, 9 notifications, … */
  rowsPerTransaction: Record<string, number>;
}

const COUNTS = `SELECT (SELECT count(*)::int FROM migrants) AS migrants,
  (SELECT count(*)::int FROM applications) AS applications,
  (SELECT count(*)::int FROM fair_attendance) AS attendance,
  (SELECT count(*)::int FROM notifications) AS notifications,
  (SELECT count(*)::int FROM outbox) AS outbox,
  (SELECT count(*)::int FROM idempotency_keys WHERE state = 'completed') AS "completedKeys"`;

const ELIGIBILITY = json({
  steps: [],
  checks: [
    {
      code: 'MINIMUM_AGE',
      passed: true,
      message: 'Дар рӯзи оғози кор (05.01.2027) синни шумо на камтар аз 18 сол мешавад.',
      legalBasis: '115-FZ art. 13 p.1, service policy: jobseekers aged 18 or over',
    },
    {
      code: 'EAEU_CITIZEN',
      passed: true,
      message:
        'Шумо шаҳрванди кишвари ИИАО (Иттиҳоди иқтисодии Авруосиё) ҳастед (Киргизия): дар ҳар минтақаи Русия бе патент ва иҷозати корӣ кор карда метавонед.',
      legalBasis: 'Treaty on the Eurasian Economic Union of 29.05.2014, art. 97',
    },
  ],
  regime: 'eaeu',
  status: 'eligible',
  ruleSet: { id: 'ru-2024-03-01', effectiveFrom: '2024-03-01' },
});

const RESPONSE = json({
  migrantId: '073f7f1a-8a65-4a23-b99e-455eb91de1e3',
  accessCode: 'CGU2NG4C',
  applications: [
    {
      id: 'ef5522df-005b-4065-ab1f-926a823bb2c6',
      status: 'submitted',
      vacancyId: 'f2ba3bbb-b50a-4340-b482-38b0ce2bacbd',
    },
    {
      id: '0bf9c55b-90db-4c9b-87f4-667f6d1e3ce4',
      status: 'submitted',
      vacancyId: '2053d4cc-9c06-418d-bfb4-89ce8aec6012',
    },
  ],
  accessCodeSent: false,
});

const quote = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** One notification row of the insert: recipient, address, channel, template, locale, payload, dedupe key. */
function notification(
  user: string,
  address: string,
  channel: string,
  template: string,
  locale: string,
  payload: object,
  dedupe: string,
): string {
  return `(${user}, ${address}, '${channel}', '${template}', '${locale}', ${quote(json(payload))}, ${dedupe})`;
}

function script(): string {
  // pgbench reads `:name` as a variable even inside literals: no literal below has a colon before a letter.
  const visitor = {
    employerName: 'Bench employer 6',
    vacancyTitle: 'Vacancy 1',
    recipientName: 'Bench Visitor 5',
  };
  const employer = {
    vacancyTitle: 'Vacancy 1',
    candidateName: 'Bench Visitor 5',
    recipientName: 'HR',
    applicationUrl: '/applications/ef5522df-005b-4065-ab1f-926a823bb2c6',
  };
  const phone = `'+9989' || (:n)::text`;
  // 90 birth dates like the HTTP run's, 30 years earlier: as many people per date, none of them the HTTP run's.
  const birth = `make_date((1940 + (:n)::bigint % 30)::int, (1 + (:n)::bigint % 9)::int, (10 + (:n)::bigint % 10)::int)`;
  const hr = (v: string) => `(SELECT user_id FROM bench_floor_vacancies WHERE n = :${v})`;
  // Per application: the visitor by SMS and in the app, the employer's user by e-mail and in the app.
  const perApplication = (a: string, v: string) => {
    const key = (suffix: string) => `'application.' || (:${a})::text || '.${suffix}'`;
    return [
      notification('(:uid)::uuid', phone, 'sms', 'application_received', 'tg', visitor, key('received.sms')),
      notification(
        '(:uid)::uuid',
        'NULL',
        'in_app',
        'application_received',
        'tg',
        visitor,
        key('received.in_app'),
      ),
      notification(
        hr(v),
        `'hr@bench.jobfair.local'`,
        'email',
        'new_application',
        'ru',
        employer,
        key('new.email'),
      ),
      notification(hr(v), 'NULL', 'in_app', 'new_application', 'ru', employer, key('new.in_app')),
    ];
  };
  const rows = [
    ...perApplication('a1', 'v1'),
    ...perApplication('a2', 'v2'),
    notification(
      '(:uid)::uuid',
      phone,
      'sms',
      'access_code',
      'tg',
      { code: 'CGU2NG4C', loginUrl: '/login', recipientName: 'Bench Visitor 5' },
      'NULL',
    ),
  ];
  const scope = `'kiosk.' || (:kiosk_id)::uuid::text || ' POST /v1/kiosk/applications'`;
  const key = `'floor-' || (:n)::text`;
  return `\\set n :client_id * 1000000000 + random(1, 999999999)
\\set v1 random(1, 250)
\\set v2 random(251, 500)
SELECT k.id AS kiosk_id, k.fair_id FROM kiosks k JOIN fairs f ON f.id = k.fair_id
 WHERE k.token_hash = :token_hash AND k.revoked_at IS NULL AND f.status = 'scheduled'
   AND now() BETWEEN f.starts_at - interval '1 day' AND f.ends_at + interval '1 day' \\gset
INSERT INTO idempotency_keys (scope, key, request_hash, state, lease_until)
VALUES (${scope}, ${key}, 'dcd04afb81af9b54646951d3fe6c6d308a24664fe55f1fb2c85fd2351ef79cb2', 'processing',
        now() + make_interval(secs => 60))
ON CONFLICT (scope, key) DO NOTHING RETURNING key;
SELECT v.id, v.title, v.status, v.employer_id, e.name AS employer_name, e.status AS employer_status, e.country,
       e.kind, v.current_terms_snapshot_id, v.region, v.start_date::text AS start_date, v.occupation_code,
       v.salary_min, v.salary_currency, v.salary_period, v.quota_available, fv.vacancy_id IS NOT NULL AS at_fair,
       (SELECT coalesce(jsonb_agg(jsonb_build_object('id', u.id, 'email', u.email, 'phone', u.phone,
                 'preferred_language', u.preferred_language, 'display_name', u.display_name) ORDER BY u.created_at), '[]')
          FROM users u WHERE u.employer_id = v.employer_id AND NOT u.disabled) AS employer_users
  FROM vacancies v JOIN employers e ON e.id = v.employer_id
  LEFT JOIN fair_vacancies fv ON fv.fair_id = (:fair_id)::uuid AND fv.vacancy_id = v.id
 WHERE v.id = ANY(ARRAY[(SELECT id FROM bench_floor_vacancies WHERE n = :v1),
                        (SELECT id FROM bench_floor_vacancies WHERE n = :v2)]);
SELECT id FROM migrants WHERE phone = ${phone} AND birth_date = ${birth} AND status = 'active'
 ORDER BY created_at LIMIT 1;
BEGIN;
SELECT pg_advisory_xact_lock(hashtext('migrant.' || ${phone} || '.' || ${birth}::text));
SELECT id, full_name, full_name_latin, phone FROM migrants WHERE birth_date = ${birth} AND status = 'active'
 ORDER BY phone = ${phone} DESC NULLS LAST, created_at LIMIT 500;
WITH m AS (
  INSERT INTO migrants (id, status, full_name, full_name_latin, name_key, birth_date, gender, citizenship, phone,
                        email, preferred_language, languages, occupations, desired_regions, available_from,
                        needs_housing, expected_salary_amount, expected_salary_currency, visible_to_employers,
                        consent_version, consent_at, source, fair_id)
  VALUES (gen_random_uuid(), 'active', 'Bench Visitor ' || (:n)::text, NULL, (:n)::text || ' bench visitor', ${birth},
          'male', 'KG', ${phone}, NULL, 'tg', '[]'::jsonb, '[]'::jsonb, '{}'::text[], NULL, NULL, NULL, NULL, true,
          '2025-01', now(), 'kiosk', (:fair_id)::uuid)
  RETURNING id
), consent AS (
  INSERT INTO migrant_consents (migrant_id, action, data_processing, visible_to_employers, version, source)
  SELECT id, 'granted', true, true, '2025-01', 'kiosk' FROM m
), duplicates AS (
  INSERT INTO migrant_duplicates (migrant_id, candidate_id, reason, score)
  SELECT least(m.id, d.other), greatest(m.id, d.other), d.reason, d.score
    FROM m, unnest('{}'::uuid[], '{}'::text[], '{}'::numeric[]) AS d(other, reason, score)
  ON CONFLICT (migrant_id, candidate_id) DO NOTHING
), events AS (
  INSERT INTO outbox (job_name, payload, job_id, delay_ms, options)
  SELECT 'search.index-migrant', jsonb_build_object('migrantId', id), NULL, 0, NULL FROM m
)
SELECT id AS mid FROM m \\gset
WITH visit AS (
  INSERT INTO fair_attendance (fair_id, migrant_id, kiosk_id) VALUES ((:fair_id)::uuid, (:mid)::uuid, (:kiosk_id)::uuid)
  ON CONFLICT (fair_id, migrant_id) DO UPDATE SET visits = fair_attendance.visits + 1
)
INSERT INTO users (role, phone, display_name, access_code_hash, migrant_id, preferred_language)
VALUES ('migrant', ${phone}, 'Bench Visitor ' || (:n)::text, 'hmac-sha256$jovSWSjQZhtF4Px2harchi-kG23jY27roQmEAZN2FFw',
        (:mid)::uuid, 'tg')
ON CONFLICT (phone) WHERE phone IS NOT NULL DO NOTHING RETURNING id AS uid \\gset
WITH inserted AS (
  INSERT INTO applications (migrant_id, vacancy_id, employer_id, terms_snapshot_id, status, source, fair_id, kiosk_id,
                            message, eligibility)
  SELECT (:mid)::uuid, z.id, z.employer_id, NULL, 'submitted', 'kiosk', (:fair_id)::uuid, (:kiosk_id)::uuid, NULL,
         ${quote(ELIGIBILITY)}::jsonb
    FROM bench_floor_vacancies z WHERE z.n IN (:v1, :v2)
  ON CONFLICT (migrant_id, vacancy_id) DO NOTHING
  RETURNING id, vacancy_id, created_at
), history AS (
  INSERT INTO application_transitions (application_id, from_status, to_status, actor_id, actor_role)
  SELECT id, NULL, 'submitted', (:kiosk_id)::uuid, 'kiosk' FROM inserted
)
SELECT min(id::text) AS a1, max(id::text) AS a2 FROM inserted \\gset
WITH inserted AS (
  INSERT INTO notifications (id, recipient_user_id, recipient_address, channel, template, locale, payload,
                             attachments, job_id, dedupe_key)
  SELECT x.id, x.u, x.addr, x.ch, x.t, x.loc, x.p::jsonb, NULL, x.id, x.dk
    FROM (SELECT gen_random_uuid() AS id, * FROM (VALUES
      ${rows.join(',\n      ')}
    ) AS v(u, addr, ch, t, loc, p, dk)) x
  ON CONFLICT (dedupe_key) DO NOTHING
  RETURNING id
), after AS (
  INSERT INTO outbox (job_name, payload, job_id, delay_ms, options)
  SELECT 'notification.deliver', jsonb_build_object('notificationId', inserted.id), inserted.id::text, 0, NULL
    FROM inserted
)
SELECT id FROM inserted;
UPDATE idempotency_keys SET state = 'completed', response_body = ${quote(RESPONSE)}::jsonb, completed_at = now()
 WHERE scope = ${scope} AND key = ${key};
COMMIT;
`;
}

function pgbench(args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('pgbench', args, { env, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) =>
      error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(`${stdout}\n${stderr}`),
    );
  });
}

/**
 * Runs the submission's statements through pgbench once per number of clients; undefined (with a printed
 * notice) without pgbench.
 */
export async function databaseFloor(
  db: DataSource,
  dbUrl: URL,
  tokenHash: string,
  clients: number[],
  seconds: number,
): Promise<FloorResult[] | undefined> {
  const version = await pgbench(['--version'], process.env).catch(() => undefined);
  if (!version) {
    console.error('pgbench not found: the database floor is not measured');
    return undefined;
  }
  await db.query(
    `CREATE TABLE bench_floor_vacancies AS
     SELECT row_number() OVER (ORDER BY fv.vacancy_id)::int AS n, fv.vacancy_id AS id, fv.employer_id,
            (SELECT u.id FROM users u WHERE u.employer_id = fv.employer_id ORDER BY u.created_at LIMIT 1) AS user_id
       FROM fair_vacancies fv`,
  );
  await db.query(`CREATE UNIQUE INDEX ON bench_floor_vacancies (n)`);
  const dir = await mkdtemp(join(tmpdir(), 'kiosk-floor-'));
  try {
    const file = join(dir, 'submission.sql');
    await writeFile(file, script());
    const env = {
      ...process.env,
      PGHOST: dbUrl.searchParams.get('host') ?? dbUrl.hostname,
      PGPORT: dbUrl.port || '5432',
      PGUSER: decodeURIComponent(dbUrl.username || 'postgres'),
      PGPASSWORD: decodeURIComponent(dbUrl.password),
      PGDATABASE: dbUrl.pathname.slice(1),
    };
    const results: FloorResult[] = [];
    for (const count of clients) {
      const [before]: Record<string, number>[] = await db.query(COUNTS);
      const meter = await startCpuMeter();
      const out = await pgbench(
        ['-n', '-M', 'prepared', '-c', String(count), '-j', '2', '-T', String(seconds)].concat([
          '-D',
          `token_hash=${tokenHash}`,
          '-f',
          file,
        ]),
        env,
      );
      const cpu = await meter.stop();
      const [after]: Record<string, number>[] = await db.query(COUNTS);
      const number = (pattern: RegExp) => Number(pattern.exec(out)?.[1] ?? NaN);
      const transactions = number(/number of transactions actually processed: (\d+)/);
      results.push({
        tool: version.trim(),
        clients: count,
        transactions,
        rowsPerTransaction: Object.fromEntries(
          Object.keys(after).map((k) => [
            k,
            Math.round(((after[k] - before[k]) / transactions) * 1000) / 1000,
          ]),
        ),
        transactionsPerSecond: Math.round(number(/tps = ([\d.]+)/) * 10) / 10,
        latencyAverageMs: number(/latency average = ([\d.]+) ms/),
        failed: number(/number of failed transactions: (\d+)/),
        postgresCpuMs: cpu.postgres === null ? null : Math.round((cpu.postgres / transactions) * 1e5) / 100,
      });
    }
    return results;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
