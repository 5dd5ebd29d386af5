import { DataSource, EntityManager } from 'typeorm';

/** One explicit, short transaction; the change and its outbox events go through the same manager. */
export function inTransaction<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  return dataSource.transaction('READ COMMITTED', work);
}
