import { Inject, Injectable, Logger, BeforeApplicationShutdown } from '@nestjs/common';
import { Job, UnrecoverableError, Worker } from 'bullmq';
import { safeMessage } from 'src/common/logging/safe-error';
import { APP_CONFIG, AppConfig } from 'src/config/config';
import { JobRegistry } from 'src/queue/job-registry';
import { QueueName } from 'src/queue/queue.constants';
import { createRedis } from 'src/queue/redis';
import IORedis from 'ioredis';

const CONCURRENCY: Record<QueueName, number> = {
  [QueueName.Mail]: 4,
  [QueueName.Notifications]: 32,
  [QueueName.SearchSync]: 4,
  // Reminder jobs in hand are written in batches (InterviewReminderProcessor): room for two or three at once.
  [QueueName.Scheduling]: 128,
  [QueueName.Maintenance]: 1,
};

export type FailedJobListener = (job: Job, error: Error, final: boolean) => Promise<void>;

/** Runs BullMQ workers for every queue, dispatching to registered handlers. */
@Injectable()
export class WorkerService implements BeforeApplicationShutdown {
  private readonly logger = new Logger(WorkerService.name);
  private readonly workers: Worker[] = [];
  private readonly connections: IORedis[] = [];
  private readonly failedListeners = new Map<string, FailedJobListener>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly registry: JobRegistry,
  ) {}

  /** Lets a feature mark its domain record failed after the last attempt. */
  onFailed(jobName: string, listener: FailedJobListener): void {
    this.failedListeners.set(jobName, listener);
  }

  start(): void {
    if (this.workers.length) return;
    for (const name of Object.values(QueueName)) {
      const connection = createRedis(this.config.redisUrl, 'worker');
      this.connections.push(connection);
      const worker = new Worker(name, (job) => this.process(job), {
        connection,
        prefix: this.config.redisPrefix,
        concurrency: CONCURRENCY[name],
        limiter:
          name === QueueName.Notifications || name === QueueName.Mail
            ? { max: this.config.notificationRatePerSecond, duration: 1000 }
            : undefined,
      });
      worker.on('error', (error) => this.logger.warn(`worker ${name}: ${safeMessage(error)}`));
      worker.on('failed', (job, error) => {
        if (!job) return;
        const final = job.attemptsMade >= (job.opts.attempts ?? 1) || error instanceof UnrecoverableError;
        const listener = this.failedListeners.get(job.name);
        if (listener) {
          listener(job, error, final).catch((e: Error) =>
            this.logger.error(`failed-listener ${job.name}: ${safeMessage(e)}`),
          );
        }
        if (final) this.logger.warn(`job ${job.name}#${job.id} failed for good: ${safeMessage(error)}`);
      });
      this.workers.push(worker);
    }
    this.logger.log(`workers started for ${this.workers.length} queues`);
  }

  private async process(job: Job): Promise<void> {
    const handler = this.registry.get(job.name);
    if (!handler) throw new UnrecoverableError(`No handler for job ${job.name}`);
    await handler(job.data, job);
  }

  running(): boolean {
    return this.workers.length > 0;
  }

  async stop(): Promise<void> {
    // close() waits for active jobs to finish: graceful shutdown.
    await Promise.all(this.workers.splice(0).map((w) => w.close().catch(() => undefined)));
    await Promise.all(this.connections.splice(0).map((c) => c.quit().catch(() => c.disconnect())));
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.stop();
  }
}
