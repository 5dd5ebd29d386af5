import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/**
 * An empty database of the test's own, created before its tests and dropped after them (never any other): for
 * migration tests, which run the migrations themselves. Call inside `describe`; the URL is ready at once.
 */
export function ownDatabase(): URL {
  const base = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  const name = `jobfair_test_migration_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const url = new URL(base.toString());
  url.pathname = `/${name}`;
  let admin: Client;

  beforeAll(async () => {
    admin = new Client({ connectionString: base.toString() });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
  });
  afterAll(async () => {
    await admin.query(`DROP DATABASE IF EXISTS "${name}"`);
    await admin.end();
  });
  return url;
}
