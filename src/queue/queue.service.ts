import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { JobsOptions, Queue } from 'bullmq';
import IORedis from 'ioredis';
import { APP_CONFIG, AppConfig } from 'src/config/config';
import { DEFAULT_JOB_OPTIONS, JOB_QUEUE, JobName, JobPayloads, QueueName } from 'src/queue/queue.constants';
import { createRedis } from 'src/queue/redis';

export interface EnqueueOptions {
  /** Deterministic id: BullMQ ignores a second job with the same id, so a retried enqueue never duplicates. */
  jobId?: string;
  delayMs?: number;
  attempts?: number;
  /** Base delay of the exponential backoff, replacing the default policy's (tests use a tiny one). */
  backoffMs?: number;
}

/** The one way to put work on a queue. */
@Injectable()
export class QueueService implements OnApplicationShutdown {
  private readonly logger = new Logger(QueueService.name);
  private readonly connection: IORedis;
  private readonly queues = new Map<QueueName, Queue>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.connection = createRedis(config.redisUrl, 'producer');
  }

  queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, {
        connection: this.connection,
        prefix: this.config.redisPrefix,
        defaultJobOptions: DEFAULT_JOB_OPTIONS,
      });
      queue.on('error', (error) => this.logger.warn(`queue ${name}: ${error.message}`));
      this.queues.set(name, queue);
    }
    return queue;
  }

  allQueues(): Queue[] {
    return Object.values(QueueName).map((name) => this.queue(name));
  }

  async enqueue<N extends JobName>(
    name: N,
    payload: JobPayloads[N],
    options: EnqueueOptions = {},
  ): Promise<void> {
    const opts: JobsOptions = {};
    if (options.jobId) opts.jobId = options.jobId;
    if (options.delayMs) opts.delay = Math.max(0, Math.round(options.delayMs));
    if (options.attempts) opts.attempts = options.attempts;
    if (options.backoffMs) opts.backoff = { type: 'exponential', delay: options.backoffMs };
    await this.queue(JOB_QUEUE[name]).add(name, payload, opts);
  }

  /**
   * Upserts repeatable jobs (their schedulers live in Redis, so doing it at every start is idempotent); a schedule
   * that cannot be written is logged and the others still are.
   */
  async schedule(
    schedules: readonly { id: string; job: JobName; pattern: string; tz?: string }[],
    logger: { warn(message: string): void },
  ): Promise<void> {
    for (const s of schedules) {
      try {
        await this.queue(JOB_QUEUE[s.job]).upsertJobScheduler(
          s.id,
          { pattern: s.pattern, ...(s.tz ? { tz: s.tz } : {}) },
          { name: s.job, data: {} },
        );
      } catch (error) {
        logger.warn(`could not schedule ${s.job}: ${(error as Error).message}`);
      }
    }
  }

  async remove(name: JobName, jobId: string): Promise<void> {
    const job = await this.queue(JOB_QUEUE[name]).getJob(jobId);
    if (job) await job.remove().catch(() => undefined);
  }

  async depths(): Promise<Record<string, Record<string, number>>> {
    const out: Record<string, Record<string, number>> = {};
    for (const queue of this.allQueues()) {
      out[queue.name] = await queue.getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed');
    }
    return out;
  }

  async ping(): Promise<void> {
    await this.connection.ping();
  }

  /**
   * After `beforeApplicationShutdown`, where the workers and the relay stop: a job finishing during shutdown
   * can still add the jobs it causes.
   */
  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close().catch(() => undefined)));
    this.connection.disconnect();
  }
}
