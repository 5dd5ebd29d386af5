import { Logger as NestLogger } from '@nestjs/common';
import type { Logger as TypeOrmLogger } from 'typeorm';
import { databaseFields, statementText } from 'src/common/logging/safe-error';

/** Where the lines go: Nest's logger (pino JSON in the app) unless a test gives its own. */
export interface LogSink {
  warn(message: unknown): void;
  log(message: unknown): void;
}

/**
 * TypeORM's logging without the statements' parameters: a failed statement is logged with its SQLSTATE, the
 * constraint or table it names and its text, never the values it was given (names, phones, birth dates, encrypted
 * document numbers) nor PostgreSQL's `detail`, which repeats them. Successful statements are not logged.
 */
export class SafeQueryLogger implements TypeOrmLogger {
  constructor(private readonly sink: LogSink = new NestLogger('Database')) {}

  logQuery(): void {}

  logQueryError(error: string | Error, query: string): void {
    const fields = typeof error === 'string' ? undefined : databaseFields(error);
    this.sink.warn({ msg: 'query failed', ...fields, query: statementText(query) });
  }

  logQuerySlow(time: number, query: string): void {
    this.sink.warn({ msg: 'slow query', ms: time, query: statementText(query) });
  }

  logSchemaBuild(): void {}

  logMigration(message: string): void {
    this.sink.log({ msg: message });
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.sink.warn({ msg: String(message) });
  }
}
