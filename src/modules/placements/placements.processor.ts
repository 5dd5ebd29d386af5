import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from 'src/config/config';
import { JobRegistry } from 'src/queue/job-registry';
import { JobName } from 'src/queue/queue.constants';
import { QueueService } from 'src/queue/queue.service';
import { ObligationsService, moscowToday } from 'src/modules/placements/obligations.service';

/** Daily runs, Moscow time: duty reminders in the morning before office hours, patent warnings after. */
export const DAILY_SCHEDULES = [
  { id: 'obligations-daily', job: JobName.ObligationsSweep, pattern: '0 7 * * *', tz: 'Europe/Moscow' },
  { id: 'patent-expiry-daily', job: JobName.PatentExpirySweep, pattern: '30 7 * * *', tz: 'Europe/Moscow' },
] as const;

@Injectable()
export class PlacementsProcessor implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger(PlacementsProcessor.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly registry: JobRegistry,
    private readonly queues: QueueService,
    private readonly obligations: ObligationsService,
  ) {}

  onModuleInit(): void {
    // The date is taken when the job runs, so a late or retried run covers the right day.
    this.registry.register(JobName.ObligationsSweep, async () => {
      await this.obligations.sweep(moscowToday());
    });
    this.registry.register(JobName.PatentExpirySweep, async () => {
      await this.obligations.sweepPatents(moscowToday());
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.workers) await this.queues.schedule(DAILY_SCHEDULES, this.logger);
  }
}
