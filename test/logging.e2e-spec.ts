import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { safeError } from 'src/common/logging/safe-error';
import { loadConfig } from 'src/config/config';
import { dataSourceOptions } from 'src/database/data-source';
import { SafeQueryLogger } from 'src/database/query-logger';
import { uniqueMigrantPhone } from 'test/harness/migrants.factory';

/**
 * A statement that fails carries personal data in its parameters and in PostgreSQL's detail; neither the database
 * log line nor the error as the HTTP layer logs it may hold them. Real PostgreSQL, a real unique violation.
 */
describe('no personal data in logs of failed statements (e2e)', () => {
  const lines: unknown[] = [];
  let db: DataSource;

  beforeAll(async () => {
    db = new DataSource({
      ...dataSourceOptions(loadConfig(), 2),
      logger: new SafeQueryLogger({ warn: (m) => lines.push(m), log: (m) => lines.push(m) }),
    });
    await db.initialize();
  });
  afterAll(() => db.destroy());

  it('logs the constraint and the statement, not the phone or the name', async () => {
    const phone = uniqueMigrantPhone();
    const name = 'Aliyev Valijon Testovich';
    const insert = `INSERT INTO users (role, phone, display_name, password_hash) VALUES ('migrant', $1, $2, 'x')`;
    await db.query(insert, [phone, name]);
    const failed = await db.query(insert, [phone, name]).catch((e: unknown) => e);
    try {
      expect(failed).toBeInstanceOf(Error);
      // What TypeORM's error holds, and what would have been logged without the guard.
      expect(JSON.stringify({ ...(failed as object), message: (failed as Error).message })).toContain(phone);

      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatchObject({ msg: 'query failed', code: '23505', query: insert });
      const logged = JSON.stringify(lines);
      expect(logged).not.toContain(phone);
      expect(logged).not.toContain(name);

      const err = safeError(failed);
      expect(err).toMatchObject({ type: 'QueryFailedError', code: '23505', table: 'users', query: insert });
      const shown = JSON.stringify(err);
      expect(shown).not.toContain(phone);
      expect(shown).not.toContain(name);
      expect(shown).not.toMatch(/already exists/);
    } finally {
      await db.query(`DELETE FROM users WHERE phone = $1`, [phone]);
    }
  });

  it('is the logger of the service’s database connections', () => {
    expect(dataSourceOptions(loadConfig()).logger).toBeInstanceOf(SafeQueryLogger);
  });

  it('blanks a rejected value quoted in the message', async () => {
    const failed = await db.query(`SELECT $1::date`, ['1990-13-45']).catch((e: unknown) => e);
    const err = safeError(failed);
    expect(err).toMatchObject({ code: '22008' });
    expect(JSON.stringify(err)).not.toContain('1990-13-45');
    expect(JSON.stringify(lines)).not.toContain('1990-13-45');
  });
});
