import { DataSource, QueryFailedError } from 'typeorm';
import { preparedQuery } from 'src/database/prepared-query';
import { TestApp, bootTestApp, unique } from 'test/harness/app';

describe('preparedQuery (e2e)', () => {
  let t: TestApp;
  let ds: DataSource;

  beforeAll(async () => {
    t = await bootTestApp();
    ds = t.app.get(DataSource);
  });
  afterAll(() => t.close());

  it('runs inside the transaction it is given, as a statement prepared on that connection', async () => {
    const key = unique('prepared-');
    const insert = `INSERT INTO idempotency_keys (scope, key, request_hash, state, lease_until)
                    VALUES ('test', $1, 'h', 'processing', now()) RETURNING key`;
    const seen = await ds.transaction(async (manager) => {
      const inserted = await preparedQuery<{ key: string }>(manager, insert, [key]);
      expect(inserted).toEqual([{ key }]);
      // The row is visible only on the transaction's own connection until it commits.
      const inside = await preparedQuery(manager, `SELECT key FROM idempotency_keys WHERE key = $1`, [key]);
      const outside = await preparedQuery(ds, `SELECT key FROM idempotency_keys WHERE key = $1`, [key]);
      const prepared = await manager.query(
        `SELECT statement FROM pg_prepared_statements WHERE statement LIKE $1`,
        ['INSERT INTO idempotency_keys%'],
      );
      return { inside, outside, prepared };
    });
    expect(seen.inside).toEqual([{ key }]);
    expect(seen.outside).toEqual([]);
    expect(seen.prepared).toHaveLength(1);
    // Run again on whatever connection: the same answer from the prepared statement.
    await ds.query(`DELETE FROM idempotency_keys WHERE key = $1`, [key]);
    expect(await preparedQuery(ds, insert, [key])).toEqual([{ key }]);
  });

  it('answers the rows of an UPDATE and fails as TypeORM does, with the driver code', async () => {
    const key = unique('prepared-');
    await preparedQuery(
      ds,
      `INSERT INTO idempotency_keys (scope, key, request_hash, state, lease_until)
       VALUES ('test', $1, 'h', 'processing', now())`,
      [key],
    );
    const updated = await preparedQuery(
      ds,
      `UPDATE idempotency_keys SET state = 'completed' WHERE key = $1 RETURNING state`,
      [key],
    );
    expect(updated).toEqual([{ state: 'completed' }]);
    const failure = await preparedQuery(
      ds,
      `INSERT INTO idempotency_keys (scope, key, request_hash, state, lease_until)
       VALUES ('test', $1, 'h', 'processing', now())`,
      [key],
    ).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(QueryFailedError);
    expect((failure as QueryFailedError & { code: string }).code).toBe('23505');
  });
});
