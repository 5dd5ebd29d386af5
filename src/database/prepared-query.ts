import { createHash } from 'node:crypto';
import type { Pool, PoolClient, QueryConfig } from 'pg';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';

/** Distinct statement texts that get a name; past that they run unnamed, so a connection's cache stays bounded. */
const MAX_NAMED = 500;
const names = new Map<string, string>();

function statement(text: string, values: unknown[]): QueryConfig {
  let name = names.get(text);
  if (!name && names.size < MAX_NAMED) {
    name = `q_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
    names.set(text, name);
  }
  return name ? { name, text, values } : { text, values };
}

/**
 * Runs a statement of the hot paths as a named (prepared) statement: PostgreSQL parses and plans it once per
 * connection and then reuses the plan, where TypeORM's `query()` has it parsed and planned on every call. On a kiosk
 * submission planning cost half as much again as executing, and for a search about as much as running it
 * (docs/BENCHMARKS.md). For statements whose text is a constant of the code (or one of a bounded set of shapes) and
 * whose best plan does not depend much on the values: after five runs PostgreSQL may keep a generic plan.
 *
 * Answers the rows for every command, so it is also the way to read an `UPDATE … RETURNING` (TypeORM's `query()`
 * answers `[rows, count]` for UPDATE and DELETE, which is easy to misread as rows). Inside a transaction
 * (a manager with a query runner) it runs on that transaction's connection. Errors come as TypeORM's
 * `QueryFailedError`, as from `query()`.
 */
export async function preparedQuery<T = Record<string, unknown>>(
  on: DataSource | EntityManager,
  text: string,
  values: unknown[] = [],
): Promise<T[]> {
  const manager = on instanceof DataSource ? on.manager : on;
  const config = statement(text, values);
  try {
    const runner = manager.queryRunner;
    if (runner) {
      const client = (await runner.connect()) as PoolClient;
      return (await client.query(config)).rows as T[];
    }
    const pool = (manager.connection.driver as unknown as { master: Pool }).master;
    return (await pool.query(config)).rows as T[];
  } catch (error) {
    throw new QueryFailedError(text, values, error as Error);
  }
}
