import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from 'src/config/config';
import { DomainError, ErrorCode, NotFoundError } from 'src/common/errors/domain-error';
import { normalizePhone } from 'src/common/validation/phone';
import { OutboxEvent, OutboxService } from 'src/database/outbox.service';
import { inTransaction } from 'src/database/transaction';
import { JobName } from 'src/queue/queue.constants';
import {
  NotificationChannel,
  NotificationEntity,
  NotificationStatus,
} from 'src/modules/notifications/notification.entity';
import {
  NewNotificationRow,
  NotificationRepository,
} from 'src/modules/notifications/notification.repository';
import {
  TemplateName,
  TemplatePayload,
  isTemplateName,
  normalizeLocale,
  renderTemplate,
} from 'src/modules/notifications/templates/render';
import { renderPayload } from './links';

export interface NewNotification {
  recipientUserId?: string | null;
  /** E-mail address for `email`, phone (normalised to E.164) for `sms`; not used for `in_app`. */
  address?: string | null;
  channel: NotificationChannel;
  template: TemplateName;
  /** Any BCP 47 tag; stored as one of the template locales (unknown → `ru`). */
  locale: string;
  payload: TemplatePayload;
  /** Sent with e-mail only. */
  icalEvent?: { method: string; content: string };
  /** A second enqueue with the same key returns the first notification and sends nothing more. */
  dedupeKey?: string;
}

export interface InboxItem {
  id: string;
  template: string;
  locale: string;
  subject: string;
  text: string;
  readAt: Date | null;
  createdAt: Date;
}

export interface NotifyUserOptions {
  /** Made unique per channel by a `:<channel>` suffix. */
  dedupeKey?: string;
  icalEvent?: { method: string; content: string };
}

/** One `notifyUser` call, for `forUsers`. */
export interface UserNotificationRequest {
  userId: string;
  template: TemplateName;
  payload: TemplatePayload;
  channels?: NotificationChannel[];
  options?: NotifyUserOptions;
}

const DEFAULT_LOCALE = 'ru';
const EMAIL = /^[^\s@]+@[^\s@]+$/;

/**
 * Creating a notification is part of the caller's transaction: the row and its delivery job (outbox) commit
 * together with the event that causes them, so a rollback sends nothing and a crash loses nothing.
 */
/** What a message to a user needs of the user: an active user's addresses, language and name. */
export interface UserContact {
  id: string;
  email: string | null;
  phone: string | null;
  preferred_language: string;
  display_name: string;
}

@Injectable()
export class NotificationsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly repository: NotificationRepository,
    private readonly outbox: OutboxService,
  ) {}

  /** Returns the notification id (the existing one when `dedupeKey` was used before). */
  async enqueue(manager: EntityManager, notification: NewNotification): Promise<string> {
    const [id] = await this.enqueueMany(manager, [notification]);
    return id;
  }

  /** Many in two statements (plus the outbox's); ids in input order. */
  async enqueueMany(manager: EntityManager, notifications: NewNotification[]): Promise<string[]> {
    const rows = notifications.map((n) => this.toRow(n));
    // The rows and a delivery event for each one inserted (job id = notification id), in one statement.
    const inserted = await this.repository.insertMany(manager, rows, (source, params) =>
      this.outbox.insertPerRowSql(
        params,
        JobName.NotificationDeliver,
        source,
        'notificationId',
        this.config.notificationBackoffMs,
      ),
    );
    const missing = rows.filter((r) => !inserted.has(r.id) && r.dedupeKey).map((r) => r.dedupeKey!);
    const existing = await this.repository.idsByDedupeKeys(manager, missing);
    return rows.map((r) => (inserted.has(r.id) ? r.id : existing.get(r.dedupeKey!)!));
  }

  /**
   * One notification per channel in the user's preferred language: e-mail when they have an address,
   * SMS when they have a phone, and always in-app. `channels` narrows that set. Returns the ids created.
   */
  async notifyUser(
    manager: EntityManager,
    userId: string,
    template: TemplateName,
    payload: TemplatePayload,
    channels?: NotificationChannel[],
    options: NotifyUserOptions = {},
  ): Promise<string[]> {
    const [items] = await this.forUsers(manager, [{ userId, template, payload, channels, options }]);
    return this.enqueueMany(manager, items);
  }

  /**
   * What `notifyUser` would enqueue for each request, reading all the recipients in one statement; the caller
   * passes the concatenation (with anything else) to one `enqueueMany`. A missing or disabled user gets none.
   * Recipients the caller has read already in this transaction (`known`, active users only) are not read again.
   */
  async forUsers(
    manager: EntityManager,
    requests: UserNotificationRequest[],
    known: ReadonlyMap<string, UserContact> = new Map(),
  ): Promise<NewNotification[][]> {
    if (!requests.length) return [];
    const ids = [...new Set(requests.map((r) => r.userId))].filter((id) => !known.has(id));
    const rows: UserContact[] = ids.length
      ? await manager.query(
          `SELECT id, email, phone, preferred_language, display_name FROM users
            WHERE id = ANY($1::uuid[]) AND NOT disabled`,
          [ids],
        )
      : [];
    const contacts = new Map([...known, ...rows.map((r): [string, UserContact] => [r.id, r])]);
    return requests.map(({ userId, template, payload, channels, options = {} }) => {
      const user = contacts.get(userId);
      if (!user) return [];
      const wanted = new Set<NotificationChannel>(channels ?? ['email', 'sms', 'in_app']);
      const phone = user.phone ? normalizePhone(user.phone) : undefined;
      const items: NewNotification[] = [];
      const base = {
        recipientUserId: userId,
        template,
        locale: user.preferred_language,
        payload: { recipientName: user.display_name, ...payload },
      };
      const key = (channel: NotificationChannel) =>
        options.dedupeKey ? `${options.dedupeKey}:${channel}` : undefined;
      if (wanted.has('email') && user.email) {
        items.push({
          ...base,
          channel: 'email',
          address: user.email,
          icalEvent: options.icalEvent,
          dedupeKey: key('email'),
        });
      }
      if (wanted.has('sms') && phone) {
        items.push({ ...base, channel: 'sms', address: phone, dedupeKey: key('sms') });
      }
      if (wanted.has('in_app')) items.push({ ...base, channel: 'in_app', dedupeKey: key('in_app') });
      return items;
    });
  }

  /** The user's in-app messages, newest first, rendered in the language each was created in. */
  async inbox(userId: string, offset: number, limit: number) {
    const [{ items, total }, unread] = await Promise.all([
      this.repository.listInbox(userId, offset, limit),
      this.repository.countUnread(userId),
    ]);
    return { items: items.map((n) => this.renderInApp(n)), total, unread };
  }

  async markRead(userId: string, id: string): Promise<InboxItem> {
    const notification = await this.repository.markRead(userId, id);
    if (!notification) throw new NotFoundError('Notification');
    return this.renderInApp(notification);
  }

  private renderInApp(n: NotificationEntity): InboxItem {
    const message = isTemplateName(n.template)
      ? renderTemplate(n.template, 'in_app', n.locale, renderPayload(n.payload, this.config))
      : { subject: n.template, text: '' };
    return {
      id: n.id,
      template: n.template,
      locale: n.locale,
      subject: message.subject ?? '',
      text: message.text,
      readAt: n.readAt,
      createdAt: n.createdAt,
    };
  }

  listByStatus(
    statuses: NotificationStatus[],
    channel: NotificationChannel | undefined,
    offset: number,
    limit: number,
  ) {
    return this.repository.listByStatus(statuses, channel, offset, limit);
  }

  /** Staff send a failed or dead notification again, under a new job id so BullMQ takes it. */
  async retry(id: string, actor: { userId: string; role: string }, requestId?: string) {
    return inTransaction(this.dataSource, async (manager) => {
      const notification = await this.repository.lockById(manager, id);
      if (!notification) throw new NotFoundError('Notification');
      if (notification.status !== 'failed' && notification.status !== 'dead') {
        throw new DomainError(
          ErrorCode.InvalidTransition,
          `Only failed or dead notifications can be retried; this one is ${notification.status}`,
          { currentStatus: notification.status },
        );
      }
      const jobId = `${id}-r${notification.retries + 1}`;
      await this.repository.requeue(manager, id, jobId);
      await this.outbox.add(manager, this.deliveryEvent(id, jobId));
      await manager.query(
        `INSERT INTO audit_log (actor_id, actor_role, action, subject_type, subject_id, details, request_id)
         VALUES ($1, $2, 'notification.retry', 'notification', $3, $4::jsonb, $5)`,
        [
          actor.userId,
          actor.role,
          id,
          JSON.stringify({ previousStatus: notification.status, jobId }),
          requestId ?? null,
        ],
      );
      return { ...notification, status: 'queued' as const, retries: notification.retries + 1, jobId };
    });
  }

  private deliveryEvent(notificationId: string, jobId: string): OutboxEvent {
    return {
      job: JobName.NotificationDeliver,
      payload: { notificationId },
      jobId,
      backoffMs: this.config.notificationBackoffMs,
    };
  }

  private toRow(n: NewNotification): NewNotificationRow {
    if (!isTemplateName(n.template)) throw new Error(`Unknown message template "${n.template}"`);
    let address: string | null = null;
    if (n.channel === 'email') {
      address = n.address?.trim() ?? null;
      if (!address || !EMAIL.test(address)) throw new Error('An e-mail notification needs an e-mail address');
    } else if (n.channel === 'sms') {
      address = n.address ? (normalizePhone(n.address) ?? null) : null;
      if (!address) throw new Error('An SMS notification needs a valid phone number');
    } else if (!n.recipientUserId) {
      throw new Error('An in-app notification needs a recipient user');
    }
    return {
      id: randomUUID(),
      recipientUserId: n.recipientUserId ?? null,
      recipientAddress: address,
      channel: n.channel,
      template: n.template,
      locale: normalizeLocale(n.locale) ?? DEFAULT_LOCALE,
      payload: n.payload ?? {},
      attachments: n.channel === 'email' && n.icalEvent ? { icalEvent: n.icalEvent } : null,
      dedupeKey: n.dedupeKey ?? null,
    };
  }
}
