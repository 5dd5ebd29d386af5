import type { components } from './schema';

/** An RFC 9457 problem as the service answers it (ProblemDto), plus whatever extension members it has. */
export type Problem = Partial<components['schemas']['ProblemDto']> & {
  status: number;
  [key: string]: unknown;
};

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
  }

  /** Detail plus the field errors, for showing under a form. */
  describe(): string {
    const fields = (this.problem.errors ?? []).map((e) => `${e.field}: ${e.message}`);
    return [this.message, ...fields].join('\n');
  }
}

/** The network did not answer (offline, timeout): the request may or may not have reached the server. */
export class NetworkError extends Error {}
