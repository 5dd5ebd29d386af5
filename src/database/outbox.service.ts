import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { JobName, JobPayloads } from 'src/queue/queue.constants';

export interface OutboxEvent<N extends JobName = JobName> {
  job: N;
  payload: JobPayloads[N];
  /** Deterministic BullMQ job id; defaults to one derived from the outbox row. */
  jobId?: string;
  delayMs?: number;
  /** Base delay of the job's exponential backoff; the default retry policy when absent. */
  backoffMs?: number;
}

/**
 * Writes events in the caller's transaction. The insert's trigger sends NOTIFY (migration 1795411000000),
 * delivered only on commit, so the relay wakes exactly when the change is visible, and a rollback takes the
 * event with it.
 */
@Injectable()
export class OutboxService {
  async add(manager: EntityManager, ...events: OutboxEvent[]): Promise<void> {
    if (!events.length) return;
    const params: unknown[] = [];
    await manager.query(this.insertSql(params, events), params);
  }

  /**
   * The events as one `INSERT INTO outbox`, for a caller that writes them in a data-modifying CTE of its own
   * statement (one round trip); their values are appended to `params`.
   */
  insertSql(params: unknown[], events: OutboxEvent[]): string {
    const rows = events.map((event) => {
      const options = event.backoffMs ? JSON.stringify({ backoffMs: event.backoffMs }) : null;
      const o = params.length;
      params.push(event.job, JSON.stringify(event.payload), event.jobId ?? null, event.delayMs ?? 0, options);
      return `($${o + 1}, $${o + 2}::jsonb, $${o + 3}, $${o + 4}::bigint, $${o + 5}::jsonb)`;
    });
    return `INSERT INTO outbox (job_name, payload, job_id, delay_ms, options) VALUES ${rows.join(', ')}`;
  }

  /**
   * One event of `job` per row of `source` (the name of a CTE with an `id` column), with payload
   * `{ [payloadKey]: id }` and the id as job id, as an `INSERT … SELECT` for the caller's statement.
   */
  insertPerRowSql(
    params: unknown[],
    job: JobName,
    source: string,
    payloadKey: string,
    backoffMs?: number,
  ): string {
    const o = params.length;
    params.push(job, payloadKey, backoffMs ? JSON.stringify({ backoffMs }) : null);
    return `INSERT INTO outbox (job_name, payload, job_id, delay_ms, options)
            SELECT $${o + 1}, jsonb_build_object($${o + 2}::text, ${source}.id), ${source}.id::text, 0, $${o + 3}::jsonb
              FROM ${source}`;
  }
}
