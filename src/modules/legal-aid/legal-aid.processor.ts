import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { inTransaction } from 'src/database/transaction';
import { JobRegistry } from 'src/queue/job-registry';
import { JobName, JobPayloads } from 'src/queue/queue.constants';
import { ConsultationRow, LegalAidRepository, SlotRow } from 'src/modules/legal-aid/legal-aid.repository';
import { NotificationsService } from 'src/modules/notifications/notifications.service';
import { TemplateName, TemplatePayload } from 'src/modules/notifications/templates/render';

/** When and where, for the person's messages: the time in the booking's language and the fair's zone. */
export function consultationTimeAndPlace(
  row: Pick<ConsultationRow, 'language' | 'startsAt'>,
  slot: Pick<SlotRow, 'timezone' | 'deskName' | 'location'>,
): { startsAt: string; location: string } {
  const when = new Intl.DateTimeFormat(row.language === 'en' ? 'en-GB' : 'ru-RU', {
    timeZone: slot.timezone,
    dateStyle: 'short',
    timeStyle: 'short',
  }).format(new Date(row.startsAt));
  return { startsAt: when, location: [slot.deskName, slot.location].filter(Boolean).join(', ') };
}

/**
 * A message about a booking to the person: through their login (in-app, e-mail with the calendar event, SMS) in
 * their language, or an SMS to the profile phone in the booking's language when they have no login.
 */
export async function sendToPerson(
  notifications: NotificationsService,
  repository: LegalAidRepository,
  manager: EntityManager,
  row: Pick<ConsultationRow, 'migrantId' | 'language'>,
  template: TemplateName,
  values: TemplatePayload,
  options: { dedupeKey: string; icalEvent?: { method: string; content: string } },
): Promise<void> {
  const contact = await repository.contactOf(manager, row.migrantId);
  if (!contact) return;
  if (contact.userId) {
    await notifications.notifyUser(manager, contact.userId, template, values, undefined, options);
  } else if (contact.phone) {
    await notifications.enqueue(manager, {
      channel: 'sms',
      address: contact.phone,
      template,
      locale: row.language,
      payload: { recipientName: contact.fullName ?? '', ...values },
      dedupeKey: `${options.dedupeKey}:sms`,
    });
  }
}

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
    const values = consultationTimeAndPlace(row, slot);
    const dedupeKey = `legal-reminder:${row.id}:${payload.startsAt}`;
    await inTransaction(this.dataSource, (manager) =>
      sendToPerson(this.notifications, this.repository, manager, row, 'legal_consultation_reminder', values, {
        dedupeKey,
      }),
    );
  }
}
