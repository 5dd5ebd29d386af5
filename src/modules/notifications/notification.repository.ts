import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, Repository } from 'typeorm';
import {
  NotificationAttachments,
  NotificationChannel,
  NotificationEntity,
  NotificationStatus,
} from 'src/modules/notifications/notification.entity';
import { preparedQuery } from 'src/database/prepared-query';

export interface NewNotificationRow {
  id: string;
  recipientUserId: string | null;
  recipientAddress: string | null;
  channel: NotificationChannel;
  template: string;
  locale: string;
  payload: Record<string, unknown>;
  attachments: NotificationAttachments | null;
  dedupeKey: string | null;
}

export interface RecipientContact {
  email: string | null;
  phone: string | null;
  preferredLanguage: string;
  displayName: string;
}

const ERROR_LIMIT = 1000;

/** Every notifications query. */
@Injectable()
export class NotificationRepository {
  private readonly repo: Repository<NotificationEntity>;

  constructor(private readonly dataSource: DataSource) {
    this.repo = dataSource.getRepository(NotificationEntity);
  }

  /**
   * Inserts in one statement; a row whose dedupe key exists already is skipped. Returns the ids inserted,
   * so the caller enqueues jobs only for those.
   */
  /**
   * Inserts the rows a dedupe key has not seen yet and returns their ids; `andThen` (given the name of the CTE
   * of inserted rows and the parameter list to append to) adds a statement on them, e.g. their outbox events.
   */
  async insertMany(
    manager: EntityManager,
    rows: NewNotificationRow[],
    andThen?: (inserted: string, params: unknown[]) => string,
  ): Promise<Set<string>> {
    if (!rows.length) return new Set();
    const values: unknown[] = [];
    const tuples = rows.map((r, i) => {
      values.push(
        r.id,
        r.recipientUserId,
        r.recipientAddress,
        r.channel,
        r.template,
        r.locale,
        JSON.stringify(r.payload),
        r.attachments ? JSON.stringify(r.attachments) : null,
        r.dedupeKey,
      );
      const o = i * 9;
      return `($${o + 1}::uuid, $${o + 2}::uuid, $${o + 3}, $${o + 4}, $${o + 5}, $${o + 6}, $${o + 7}::jsonb,
        $${o + 8}::jsonb, $${o + 1}, $${o + 9})`;
    });
    const insert = `INSERT INTO notifications (id, recipient_user_id, recipient_address, channel, template, locale,
         payload, attachments, job_id, dedupe_key)
       VALUES ${tuples.join(', ')}
       ON CONFLICT (dedupe_key) DO NOTHING
       RETURNING id`;
    const inserted = await preparedQuery<{ id: string }>(
      manager,
      andThen
        ? `WITH inserted AS (${insert}), after AS (${andThen('inserted', values)}) SELECT id FROM inserted`
        : insert,
      values,
    );
    return new Set(inserted.map((r) => r.id));
  }

  async idsByDedupeKeys(manager: EntityManager, keys: string[]): Promise<Map<string, string>> {
    if (!keys.length) return new Map();
    const rows: { id: string; dedupe_key: string }[] = await manager.query(
      `SELECT id, dedupe_key FROM notifications WHERE dedupe_key = ANY($1::text[])`,
      [keys],
    );
    return new Map(rows.map((r) => [r.dedupe_key, r.id]));
  }

  async findContact(manager: EntityManager, userId: string): Promise<RecipientContact | null> {
    const [row] = await manager.query(
      `SELECT email, phone, preferred_language, display_name FROM users WHERE id = $1 AND NOT disabled`,
      [userId],
    );
    if (!row) return null;
    return {
      email: row.email,
      phone: row.phone,
      preferredLanguage: row.preferred_language,
      displayName: row.display_name,
    };
  }

  findById(id: string): Promise<NotificationEntity | null> {
    return this.repo.findOneBy({ id });
  }

  /** Recorded only while `jobId` is still the notification's current job. */
  async markSent(id: string, jobId: string, providerMessageId: string | null): Promise<void> {
    await this.dataSource.query(
      `UPDATE notifications SET status = 'sent', attempts = attempts + 1, sent_at = now(), updated_at = now(),
         provider_message_id = $3
       WHERE id = $1 AND job_id = $2 AND status <> 'sent'`,
      [id, jobId, providerMessageId],
    );
  }

  async markFailed(id: string, jobId: string, error: string, status: 'failed' | 'dead'): Promise<void> {
    await this.dataSource.query(
      `UPDATE notifications SET status = $4, attempts = attempts + 1, last_error = $3, updated_at = now()
       WHERE id = $1 AND job_id = $2 AND status <> 'sent'`,
      [id, jobId, error.slice(0, ERROR_LIMIT), status],
    );
  }

  /** After the last attempt; the attempt itself was already counted by markFailed. */
  async markDead(id: string, jobId: string, error: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE notifications SET status = 'dead', last_error = $3, updated_at = now()
       WHERE id = $1 AND job_id = $2 AND status <> 'sent'`,
      [id, jobId, error.slice(0, ERROR_LIMIT)],
    );
  }

  async listInbox(
    userId: string,
    offset: number,
    limit: number,
  ): Promise<{ items: NotificationEntity[]; total: number }> {
    const [items, total] = await this.repo.findAndCount({
      where: { recipientUserId: userId, channel: 'in_app' },
      order: { createdAt: 'DESC', id: 'DESC' },
      skip: offset,
      take: limit,
    });
    return { items, total };
  }

  async countUnread(userId: string): Promise<number> {
    const [row] = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM notifications
       WHERE recipient_user_id = $1 AND channel = 'in_app' AND read_at IS NULL`,
      [userId],
    );
    return row.n;
  }

  /** Marks the user's own in-app notification read (first read wins); null when not theirs. */
  async markRead(userId: string, id: string): Promise<NotificationEntity | null> {
    await this.dataSource.query(
      `UPDATE notifications SET read_at = now(), updated_at = now()
       WHERE id = $1 AND recipient_user_id = $2 AND channel = 'in_app' AND read_at IS NULL`,
      [id, userId],
    );
    return this.repo.findOneBy({ id, recipientUserId: userId, channel: 'in_app' });
  }

  async listByStatus(
    statuses: NotificationStatus[],
    channel: NotificationChannel | undefined,
    offset: number,
    limit: number,
  ): Promise<{ items: NotificationEntity[]; total: number }> {
    const qb = this.repo
      .createQueryBuilder('n')
      .where('n.status IN (:...statuses)', { statuses })
      .orderBy('n.updatedAt', 'DESC')
      .addOrderBy('n.id', 'DESC')
      .skip(offset)
      .take(limit);
    if (channel) qb.andWhere('n.channel = :channel', { channel });
    const [items, total] = await qb.getManyAndCount();
    return { items, total };
  }

  lockById(manager: EntityManager, id: string): Promise<NotificationEntity | null> {
    return manager
      .getRepository(NotificationEntity)
      .createQueryBuilder('n')
      .setLock('pessimistic_write')
      .where('n.id = :id', { id })
      .getOne();
  }

  async requeue(manager: EntityManager, id: string, jobId: string): Promise<void> {
    await manager.query(
      `UPDATE notifications SET status = 'queued', retries = retries + 1, job_id = $2, updated_at = now()
       WHERE id = $1`,
      [id, jobId],
    );
  }
}
