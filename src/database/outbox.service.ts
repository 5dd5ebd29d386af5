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
 * Writes events in the caller's transaction. NOTIFY is delivered only on commit, so the relay
 * wakes exactly when the change is visible, and a rollback takes the event with it.
 */
@Injectable()
export class OutboxService {
  async add(manager: EntityManager, ...events: OutboxEvent[]): Promise<void> {
    if (!events.length) return;
    const values: unknown[] = [];
    const rows = events.map((event, i) => {
      const options = event.backoffMs ? JSON.stringify({ backoffMs: event.backoffMs }) : null;
      values.push(event.job, JSON.stringify(event.payload), event.jobId ?? null, event.delayMs ?? 0, options);
      const o = i * 5;
      return `($${o + 1}, $${o + 2}::jsonb, $${o + 3}, $${o + 4}, $${o + 5}::jsonb)`;
    });
    await manager.query(
      `INSERT INTO outbox (job_name, payload, job_id, delay_ms, options) VALUES ${rows.join(', ')}`,
      values,
    );
    await manager.query(`SELECT pg_notify('outbox', '')`);
  }
}
