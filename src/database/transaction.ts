import { DataSource, EntityManager } from 'typeorm';

/**
 * One explicit, short transaction; the change and its outbox events go through the same manager. It runs
 * READ COMMITTED, which the code relies on (row locks, advisory locks and constraints do the serialising):
 * the connections are opened with that default (`dataSourceOptions`), so no `SET TRANSACTION` round trip.
 */
export function inTransaction<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  return dataSource.transaction(work);
}
