import type { DataSource } from 'typeorm';

/** A statement as the code under test sent it. */
export interface Recorded {
  via: 'query' | 'transaction' | 'prepared';
  /** The prepared statement's name, for `preparedQuery`. */
  name?: string;
  text: string;
  params: unknown[];
}

/**
 * A stand-in for the data source in unit tests of SQL builders: records every statement (plain, inside a
 * transaction, or prepared through `preparedQuery`) and answers the rows `answer` gives for it.
 */
export function recordingDataSource(answer: (statement: Recorded) => unknown[] = () => []): {
  db: DataSource;
  statements: Recorded[];
} {
  const statements: Recorded[] = [];
  const run = (statement: Recorded) => {
    statements.push(statement);
    return answer(statement);
  };
  const manager = {
    query: async (text: string, params: unknown[] = []) => run({ via: 'transaction', text, params }),
  };
  const db = {
    query: async (text: string, params: unknown[] = []) => run({ via: 'query', text, params }),
    transaction: async (work: (m: unknown) => Promise<unknown>) => work(manager),
    queryRunner: undefined,
    connection: {
      driver: {
        master: {
          query: async (config: { name?: string; text: string; values: unknown[] }) => ({
            rows: run({ via: 'prepared', name: config.name, text: config.text, params: config.values }),
          }),
        },
      },
    },
  };
  return { db: db as unknown as DataSource, statements };
}
