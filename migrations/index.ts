/**
 * Every migration, in order. TypeORM loads this list rather than a glob, so the same list works under
 * ts-jest, ts-node and compiled code. `npm run migration:generate` writes a file; add it here.
 */
import { CreateFoundation1795300000000 } from './1795300000000-CreateFoundation';

export const MIGRATIONS = [CreateFoundation1795300000000];
