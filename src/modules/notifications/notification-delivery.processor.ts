import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';
import { APP_CONFIG, AppConfig } from 'src/config/config';
import { JobRegistry } from 'src/queue/job-registry';
import { JobName, JobPayloads } from 'src/queue/queue.constants';
import { WorkerService } from 'src/queue/worker.service';
import { MailService } from 'src/modules/mail/mail.service';
import { NotificationEntity } from 'src/modules/notifications/notification.entity';
import { NotificationRepository } from 'src/modules/notifications/notification.repository';
import { SmsGateway } from 'src/modules/notifications/sms.gateway';
import { isTemplateName, renderTemplate } from 'src/modules/notifications/templates/render';
import { renderPayload } from './links';

type DeliverJob = Job<JobPayloads[JobName.NotificationDeliver]>;

/**
 * Delivers one notification per job. The job id is the notification's current `job_id`, so BullMQ never
 * runs two deliveries of one notification; a job made stale by a staff retry finds another id and skips.
 * A failure is recorded and rethrown for BullMQ's backoff; after the last attempt the row is `dead`.
 */
@Injectable()
export class NotificationDeliveryProcessor implements OnModuleInit {
  private readonly logger = new Logger(NotificationDeliveryProcessor.name);
  private readonly messageIdDomain: string;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly registry: JobRegistry,
    private readonly workers: WorkerService,
    private readonly repository: NotificationRepository,
    private readonly mail: MailService,
    private readonly sms: SmsGateway,
  ) {
    this.messageIdDomain = /@([A-Za-z0-9.-]+)/.exec(config.mailFrom)?.[1] ?? 'jobfair.local';
  }

  onModuleInit(): void {
    this.registry.register(JobName.NotificationDeliver, (payload, job) =>
      this.deliver(payload.notificationId, job),
    );
    this.workers.onFailed(JobName.NotificationDeliver, async (job, error, final) => {
      if (!final) return;
      const { notificationId } = (job as DeliverJob).data;
      await this.repository.markDead(notificationId, String(job.id), error.message);
      this.logger.warn(`notification ${notificationId} is dead after ${job.attemptsMade} attempts`);
    });
  }

  async deliver(id: string, job: DeliverJob): Promise<void> {
    const notification = await this.repository.findById(id);
    const jobId = String(job.id);
    if (!notification || notification.status === 'sent' || notification.jobId !== jobId) return;
    if (notification.status === 'dead') return;

    let providerMessageId: string | null;
    try {
      providerMessageId = await this.send(notification);
    } catch (error) {
      const message = (error as Error).message || String(error);
      const permanent = error instanceof UnrecoverableError;
      await this.repository.markFailed(id, jobId, message, permanent ? 'dead' : 'failed');
      throw error;
    }
    await this.repository.markSent(id, jobId, providerMessageId);
  }

  private async send(n: NotificationEntity): Promise<string | null> {
    if (!isTemplateName(n.template)) throw new UnrecoverableError(`Unknown message template "${n.template}"`);
    const payload = renderPayload(n.payload, this.config);
    switch (n.channel) {
      case 'email': {
        const message = renderTemplate(n.template, 'email', n.locale, payload);
        const sent = await this.mail.send({
          to: n.recipientAddress!,
          subject: message.subject ?? '',
          text: message.text,
          html: message.html,
          // Stable across retries, so the receiving side can recognise a repeat.
          messageId: `<${n.id}@${this.messageIdDomain}>`,
          icalEvent: n.attachments?.icalEvent,
        });
        return sent.messageId;
      }
      case 'sms': {
        const message = renderTemplate(n.template, 'sms', n.locale, payload);
        return this.sms.send({ to: n.recipientAddress!, text: message.text, id: n.id });
      }
      case 'in_app':
        // The inbox reads the row itself; delivery only records that it is available.
        return null;
      default:
        throw new UnrecoverableError(`Unknown channel "${String(n.channel)}"`);
    }
  }
}
