import { DataSource, DataSourceOptions } from 'typeorm';
import { AppConfig } from 'src/config/config';
import { ENTITIES } from 'src/database/entities';
import { MIGRATIONS } from 'migrations/index';
import { SafeQueryLogger } from 'src/database/query-logger';
import { SnakeNamingStrategy } from 'src/database/snake-naming.strategy';

/** Connection options; the pool is the API's (`DATABASE_POOL_SIZE`) unless a tool asks for its own size. */
export function dataSourceOptions(
  config: Pick<AppConfig, 'databaseUrl' | 'databasePoolSize'>,
  poolSize = config.databasePoolSize,
): DataSourceOptions {
  return {
    type: 'postgres',
    url: config.databaseUrl,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    namingStrategy: new SnakeNamingStrategy(),
    extra: {
      max: poolSize,
      application_name: 'jobfair',
      // Every transaction runs READ COMMITTED whatever the server's default (see `inTransaction`).
      options: '-c default_transaction_isolation=read\\ committed',
    },
    // Failed statements are logged without their parameters (personal data), see SafeQueryLogger.
    logger: new SafeQueryLogger(),
  };
}

export function createDataSource(
  config: Pick<AppConfig, 'databaseUrl' | 'databasePoolSize'>,
  poolSize?: number,
): DataSource {
  return new DataSource(dataSourceOptions(config, poolSize));
}
