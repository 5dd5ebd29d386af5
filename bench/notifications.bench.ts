/**
 * Notification throughput: 10,000 e-mails from enqueue (in transactions, through the outbox) to accepted
 * by an in-process SMTP server, counting lost and duplicated messages by Message-ID.
 * Runs against a fresh database `jobfair_bench_*` and Redis prefix `jf-bench-*`, both removed afterwards.
 *
 *   npm run bench:notifications            (BENCH_COUNT, BENCH_DATABASE_URL, REDIS_URL to override)
 */
import { benchEnvironment, dropDatabase, dropRedisPrefix } from './bench-environment';
import 'reflect-metadata';
import { cpus, totalmem } from 'node:os';
import { DataSource } from 'typeorm';
import { createApp, prepareDatabase } from 'src/bootstrap';
import { loadConfig } from 'src/config/config';
import { inTransaction } from 'src/database/transaction';
import { NewNotification, NotificationsService } from 'src/modules/notifications/notifications.service';
import { TEMPLATE_LOCALES } from 'src/modules/notifications/templates/render';
import { SmtpSink } from 'test/harness/smtp-sink';

const COUNT = Number(process.env.BENCH_COUNT ?? 10_000);
const BATCH = 500;
const TIMEOUT_MS = 10 * 60_000;

async function main(): Promise<void> {
  const { base, dbName, dbUrl, redisPrefix } = benchEnvironment();

  const sink = await SmtpSink.start({ parse: false });
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'development',
    DATABASE_URL: dbUrl.toString(),
    REDIS_PREFIX: redisPrefix,
    SMTP_URL: sink.url,
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
    const notifications = app.get(NotificationsService);

    const started = Date.now();
    const ids: string[] = [];
    for (let offset = 0; offset < COUNT; offset += BATCH) {
      const batch: NewNotification[] = [];
      for (let i = offset; i < Math.min(COUNT, offset + BATCH); i++) {
        batch.push({
          address: `bench-${i}@bench.jobfair.local`,
          channel: 'email',
          template: 'application_received',
          locale: TEMPLATE_LOCALES[i % TEMPLATE_LOCALES.length],
          payload: { recipientName: `Candidate ${i}`, vacancyTitle: 'Welder', employerName: 'Bench LLC' },
        });
      }
      ids.push(...(await inTransaction(db, (m) => notifications.enqueueMany(m, batch))));
    }
    const enqueuedMs = Date.now() - started;

    await sink.waitForCount(COUNT, TIMEOUT_MS);
    const deliveredMs = Date.now() - started;
    // Let any late duplicate arrive before counting.
    await new Promise((r) => setTimeout(r, 2000));

    const expected = new Set(ids.map((id) => `<${id}@jobfair.local>`));
    const seen = new Map<string, number>();
    for (const m of sink.messages) seen.set(m.messageId, (seen.get(m.messageId) ?? 0) + 1);
    const lost = [...expected].filter((id) => !seen.has(id)).length;
    const duplicated = [...seen.values()].reduce((sum, n) => sum + (n > 1 ? n - 1 : 0), 0);
    const unexpected = [...seen.keys()].filter((id) => !expected.has(id)).length;
    const [sent] = await db.query(`SELECT count(*)::int AS n FROM notifications WHERE status = 'sent'`);

    const cpu = cpus();
    const result = {
      date: new Date().toISOString(),
      machine: `${cpu.length} cores (${cpu[0]?.model.trim()}), ${Math.round(totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}`,
      emails: COUNT,
      rateLimitPerSecond: config.notificationRatePerSecond,
      enqueueSeconds: +(enqueuedMs / 1000).toFixed(2),
      totalSeconds: +(deliveredMs / 1000).toFixed(2),
      emailsPerSecond: Math.round(COUNT / (deliveredMs / 1000)),
      received: sink.messages.length,
      lost,
      duplicated,
      unexpected,
      rowsSent: sent.n,
    };
    console.log(JSON.stringify(result, null, 2));
    if (lost || duplicated || unexpected) process.exitCode = 1;
  } finally {
    await app?.close().catch(() => undefined);
    await sink.close();
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
