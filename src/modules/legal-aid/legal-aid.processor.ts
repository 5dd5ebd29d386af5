import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { inTransaction } from 'src/database/transaction';
import { JobRegistry } from 'src/queue/job-registry';
import { JobName, JobPayloads } from 'src/queue/queue.constants';
import { LegalAidRepository } from 'src/modules/legal-aid/legal-aid.repository';
import { NotificationsService } from 'src/modules/notifications/notifications.service';

/** Reminds the person of a booked consultation in their language; a cancelled or moved booking is skipped. */
@Injectable()
export class LegalAidProcessor implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly registry: JobRegistry,
    private readonly repository: LegalAidRepository,
    private readonly notifications: NotificationsService,
  ) {}

  onModuleInit(): void {
    this.registry.register(JobName.LegalConsultationReminder, (payload) => this.remind(payload));
  }

  async remind(payload: JobPayloads[JobName.LegalConsultationReminder]): Promise<void> {
    const row = await this.repository.consultation(payload.consultationId);
    if (!row || row.status !== 'booked') return;
    if (new Date(row.startsAt).toISOString() !== payload.startsAt) return;
    const slot = await this.repository.slot(row.slotId);
    if (!slot) return;
    const when = new Intl.DateTimeFormat(row.language === 'en' ? 'en-GB' : 'ru-RU', {
      timeZone: slot.timezone,
      dateStyle: 'short',
      timeStyle: 'short',
    }).format(new Date(row.startsAt));
    const values = { startsAt: when, location: [slot.deskName, slot.location].filter(Boolean).join(', ') };
    const dedupeKey = `legal-reminder:${row.id}:${payload.startsAt}`;
    await inTransaction(this.dataSource, async (manager) => {
      const contact = await this.repository.contactOf(manager, row.migrantId);
      if (!contact) return;
      if (contact.userId) {
        await this.notifications.notifyUser(
          manager,
          contact.userId,
          'legal_consultation_reminder',
          values,
          undefined,
          { dedupeKey },
        );
      } else if (contact.phone) {
        await this.notifications.enqueue(manager, {
          channel: 'sms',
          address: contact.phone,
          template: 'legal_consultation_reminder',
          locale: row.language,
          payload: { recipientName: contact.fullName ?? '', ...values },
          dedupeKey: `${dedupeKey}:sms`,
        });
      }
    });
  }
}
