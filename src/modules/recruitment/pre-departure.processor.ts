import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { normalizePhone } from 'src/common/validation/phone';
import { inTransaction } from 'src/database/transaction';
import { JobRegistry } from 'src/queue/job-registry';
import { JobName, JobPayloads } from 'src/queue/queue.constants';
import { NewNotification, NotificationsService } from 'src/modules/notifications/notifications.service';
import { normalizeLocale } from 'src/modules/notifications/templates/render';
import { pageLinks } from 'src/modules/notifications/links';

const EMAIL = /^[^\s@<>"]+@[^\s@<>"]+$/;

function formatDate(date: string, locale: string): string {
  if (locale === 'en') return date;
  const [y, m, d] = date.split('-');
  return `${d}.${m}.${y}`;
}

/**
 * Reminds a person of a plan step before its deadline, on the channels they chose. The step is read again: one
 * ticked off, replaced by a new plan, moved to another date or opened again since (a new round) gets nothing.
 */
@Injectable()
export class PreDepartureReminderProcessor implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly registry: JobRegistry,
    private readonly notifications: NotificationsService,
  ) {}

  onModuleInit(): void {
    this.registry.register(JobName.PreDepartureReminder, (payload) => this.remind(payload));
  }

  async remind(payload: JobPayloads[JobName.PreDepartureReminder]): Promise<void> {
    await inTransaction(this.dataSource, async (manager) => {
      const [row] = await manager.query(
        `SELECT s.id, s.due_date::text AS due_date, s.reminder_channels, s.reminder_locale,
                s.reminder_message, s.reminder_round, s.done_at IS NOT NULL AS done,
                m.full_name, m.phone, m.email, m.preferred_language, m.status,
                (SELECT u.id FROM users u WHERE u.migrant_id = m.id AND NOT u.disabled LIMIT 1) AS user_id
           FROM pre_departure_steps s JOIN migrants m ON m.id = s.migrant_id
          WHERE s.id = $1 FOR SHARE OF s`,
        [payload.stepId],
      );
      if (!row || row.done || row.status !== 'active') return;
      if (row.due_date !== payload.dueDate || row.reminder_round !== payload.round) return;
      const locale = normalizeLocale(row.reminder_locale ?? row.preferred_language) ?? 'ru';
      const key = `pre-departure:${row.id}:${row.reminder_round}:${payload.daysBefore}`;
      const common = {
        template: 'pre_departure_reminder' as const,
        locale,
        payload: {
          recipientName: row.full_name ?? '',
          stepText: row.reminder_message ?? '',
          dueDate: formatDate(row.due_date, locale),
          planUrl: pageLinks.migrantPlan(),
        },
      };
      const channels = new Set<string>(row.reminder_channels);
      const items: NewNotification[] = [];
      const phone = row.phone ? normalizePhone(row.phone) : undefined;
      if (channels.has('sms') && phone) {
        items.push({
          ...common,
          recipientUserId: row.user_id,
          channel: 'sms',
          address: phone,
          dedupeKey: `${key}:sms`,
        });
      }
      if (channels.has('email') && row.email && EMAIL.test(row.email)) {
        items.push({
          ...common,
          recipientUserId: row.user_id,
          channel: 'email',
          address: row.email,
          dedupeKey: `${key}:email`,
        });
      }
      if (channels.has('in_app') && row.user_id) {
        items.push({
          ...common,
          recipientUserId: row.user_id,
          channel: 'in_app',
          dedupeKey: `${key}:in_app`,
        });
      }
      if (items.length) await this.notifications.enqueueMany(manager, items);
    });
  }
}
