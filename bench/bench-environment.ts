import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { deleteRedisKeys } from 'test/harness/redis-keys';

export interface BenchEnvironment {
  /** The maintenance database, for CREATE/DROP DATABASE. */
  base: URL;
  dbName: string;
  dbUrl: URL;
  redisPrefix: string;
}

/** A fresh database name and Redis prefix of the benchmark's own, e.g. `jobfair_bench_kiosk_*`. */
export function benchEnvironment(kind?: string): BenchEnvironment {
  const suffix = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const base = new URL(
    process.env.BENCH_DATABASE_URL ??
      process.env.DATABASE_URL ??
      'postgres://postgres@127.0.0.1:5432/postgres',
  );
  base.pathname = '/postgres';
  const dbName = kind ? `jobfair_bench_${kind}_${suffix}` : `jobfair_bench_${suffix}`;
  const dbUrl = new URL(base.toString());
  dbUrl.pathname = `/${dbName}`;
  const redisPrefix = kind ? `jf-bench-${kind}-${suffix}` : `jf-bench-${suffix}`;
  return { base, dbName, dbUrl, redisPrefix };
}

export async function dropDatabase(base: string, name: string): Promise<void> {
  const admin = new Client({ connectionString: base });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
}

export function dropRedisPrefix(url: string, prefix: string): Promise<void> {
  return deleteRedisKeys(url, `${prefix}:*`);
}
