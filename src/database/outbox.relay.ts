import { Inject, Injectable, Logger, BeforeApplicationShutdown } from '@nestjs/common';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from 'src/config/config';
import { safeMessage } from 'src/common/logging/safe-error';
import { QueueService } from 'src/queue/queue.service';
import { JobName } from 'src/queue/queue.constants';

interface OutboxRow {
  id: string;
  job_name: string;
  payload: Record<string, unknown>;
  job_id: string | null;
  delay_ms: number;
  created_at: Date;
  attempts: number;
  options: { backoffMs?: number } | null;
}

const BATCH = 500;

/**
 * Moves committed outbox rows to BullMQ. Rows are claimed with SKIP LOCKED so several relays can run;
 * a row is marked dispatched only after Redis accepted the job, and the deterministic job id makes a
 * repeated enqueue a no-op, so an outage delays work but loses or doubles none.
 */
@Injectable()
export class OutboxRelay implements BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private timer?: NodeJS.Timeout;
  private listener?: Client;
  private draining = false;
  private again = false;
  private stopped = true;
  private lastError?: string;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly queues: QueueService,
  ) {}

  async start(): Promise<void> {
    if (!this.stopped) return;
    this.stopped = false;
    this.timer = setInterval(() => this.kick(), this.config.outboxPollMs);
    this.timer.unref();
    try {
      const client = new Client({ connectionString: this.config.databaseUrl });
      client.on('error', () => undefined);
      await client.connect();
      await client.query('LISTEN outbox');
      client.on('notification', () => this.kick());
      this.listener = client;
    } catch (error) {
      this.logger.warn(`LISTEN failed, polling only: ${safeMessage(error)}`);
    }
    this.kick();
  }

  kick(): void {
    if (this.stopped) return;
    if (this.draining) {
      this.again = true;
      return;
    }
    this.draining = true;
    this.drain()
      .catch((error: Error) => this.logger.warn(`outbox drain: ${safeMessage(error)}`))
      .finally(() => {
        this.draining = false;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  /** Dispatches until nothing is ready; returns how many rows went out. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const sent = await this.dispatchBatch();
      total += sent;
      if (sent < BATCH) return total;
    }
  }

  private async dispatchBatch(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows: OutboxRow[] = await manager.query(
        `SELECT id, job_name, payload, job_id, delay_ms::float8 AS delay_ms, created_at, attempts, options FROM outbox
          WHERE dispatched_at IS NULL AND available_at <= now()
          ORDER BY id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
      );
      const done: string[] = [];
      for (const row of rows) {
        try {
          // A delayed job keeps its due time however late the relay runs.
          const remaining = row.delay_ms ? row.delay_ms - (Date.now() - row.created_at.getTime()) : 0;
          await this.queues.enqueue(row.job_name as JobName, row.payload as never, {
            jobId: row.job_id ?? `ob-${row.id}`,
            delayMs: Math.max(0, remaining),
            backoffMs: row.options?.backoffMs,
          });
          done.push(row.id);
        } catch (error) {
          this.lastError = (error as Error).message;
          const backoffSeconds = Math.min(60, 2 ** Math.min(row.attempts, 6));
          await manager.query(
            `UPDATE outbox SET attempts = attempts + 1, last_error = $2,
               available_at = now() + make_interval(secs => $3) WHERE id = $1`,
            [row.id, this.lastError.slice(0, 500), backoffSeconds],
          );
          break; // Redis is most likely away: stop this batch, the rest stays for the next round.
        }
      }
      if (done.length) {
        await manager.query(`UPDATE outbox SET dispatched_at = now() WHERE id = ANY($1::bigint[])`, [done]);
      }
      return done.length;
    });
  }

  async backlog(): Promise<number> {
    const [row] = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM outbox WHERE dispatched_at IS NULL`,
    );
    return row.n;
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.listener?.end().catch(() => undefined);
    while (this.draining) await new Promise((r) => setTimeout(r, 20));
  }
}
