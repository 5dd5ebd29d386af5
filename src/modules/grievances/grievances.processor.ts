import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from 'src/config/config';
import { inTransaction } from 'src/database/transaction';
import { JobRegistry } from 'src/queue/job-registry';
import { JobName } from 'src/queue/queue.constants';
import { QueueService } from 'src/queue/queue.service';
import { GrievancesRepository } from 'src/modules/grievances/grievances.repository';
import { NotificationsService } from 'src/modules/notifications/notifications.service';
import { pageLinks } from 'src/modules/notifications/links';

/** Every 15 minutes: an urgent grievance is due the same day, so a daily run would come too late. */
export const OVERDUE_SCHEDULE = { id: 'grievances-overdue', pattern: '*/15 * * * *' } as const;

/**
 * Reminds staff of grievances whose first response is overdue, once per grievance: the reminder is marked in the
 * same transaction that enqueues the notifications, so a retried run does not remind twice.
 */
@Injectable()
export class GrievancesProcessor implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger(GrievancesProcessor.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly registry: JobRegistry,
    private readonly queues: QueueService,
    private readonly repository: GrievancesRepository,
    private readonly notifications: NotificationsService,
  ) {}

  onModuleInit(): void {
    this.registry.register(JobName.GrievancesOverdueSweep, async () => {
      await this.sweep();
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.workers) {
      await this.queues.schedule(
        [{ ...OVERDUE_SCHEDULE, job: JobName.GrievancesOverdueSweep, tz: 'Europe/Moscow' }],
        this.logger,
      );
    }
  }

  async sweep(): Promise<{ reminded: number }> {
    return inTransaction(this.dataSource, async (manager) => {
      const rows = await this.repository.overdueUnreminded(manager);
      if (!rows.length) return { reminded: 0 };
      const staff = await this.repository.staffUserIds(manager);
      for (const row of rows) {
        for (const userId of staff) {
          await this.notifications.notifyUser(
            manager,
            userId,
            'grievance_overdue',
            { dueDate: row.dueDate, grievanceUrl: pageLinks.staffGrievance(row.id) },
            ['in_app', 'email'],
            { dedupeKey: `grievance-overdue:${row.id}:${userId}` },
          );
        }
      }
      await this.repository.markReminded(
        manager,
        rows.map((r) => r.id),
      );
      return { reminded: rows.length };
    });
  }
}
