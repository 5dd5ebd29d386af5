import 'reflect-metadata';
import { loadConfig } from 'src/config/config';
import { createDataSource } from 'src/database/data-source';

/** Data source for the TypeORM CLI (`npm run migration:generate|run|revert`). */
export default createDataSource(loadConfig(), 2);
