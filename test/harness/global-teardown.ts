import { Client } from 'pg';
import { deleteRedisKeys } from './redis-keys';

export default async function globalTeardown(): Promise<void> {
  const name = process.env.TEST_DATABASE_NAME;
  if (name?.startsWith('jobfair_test_')) {
    const base = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
    const admin = new Client({ connectionString: base.toString() });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
  const prefix = process.env.REDIS_PREFIX;
  if (prefix?.startsWith('jf-test-')) {
    // The run's own prefix, and the per-app prefixes derived from it (`<prefix>-app…`).
    await deleteRedisKeys(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', `${prefix}[-:]*`);
  }
}
