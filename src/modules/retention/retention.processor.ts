import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from 'src/config/config';
import { JobRegistry } from 'src/queue/job-registry';
import { JobName } from 'src/queue/queue.constants';
import { QueueService } from 'src/queue/queue.service';
import { RetentionService } from 'src/modules/retention/retention.service';

/** Hourly, off the hour, so that the runs of many deployments do not meet. */
export const RETENTION_SCHEDULES = [
  { id: 'idempotency-cleanup-hourly', job: JobName.IdempotencyCleanup, pattern: '17 * * * *' },
  { id: 'outbox-prune-hourly', job: JobName.OutboxPrune, pattern: '47 * * * *' },
  { id: 'held-submissions-prune-hourly', job: JobName.HeldSubmissionsPrune, pattern: '53 * * * *' },
] as const;

@Injectable()
export class RetentionProcessor implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger(RetentionProcessor.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly registry: JobRegistry,
    private readonly queues: QueueService,
    private readonly retention: RetentionService,
  ) {}

  onModuleInit(): void {
    this.registry.register(JobName.IdempotencyCleanup, async () => {
      const n = await this.retention.expireIdempotencyKeys();
      if (n) this.logger.log(`expired ${n} idempotency keys`);
    });
    this.registry.register(JobName.OutboxPrune, async () => {
      const n = await this.retention.pruneOutbox();
      if (n) this.logger.log(`pruned ${n} dispatched outbox rows`);
    });
    this.registry.register(JobName.HeldSubmissionsPrune, async () => {
      const n = await this.retention.pruneHeldSubmissions();
      if (n) this.logger.log(`deleted ${n} held kiosk submissions past their retention`);
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.workers) await this.queues.schedule(RETENTION_SCHEDULES, this.logger);
  }
}
