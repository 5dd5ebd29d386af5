import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from 'src/config/config';
import { preparedQuery } from 'src/database/prepared-query';

const CHUNK = 5000;

/**
 * What the service keeps only for a while: stored idempotent responses, dispatched outbox rows and kiosk
 * submissions held for staff.
 */
@Injectable()
export class RetentionService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
  ) {}

  /**
   * Deletes completed keys older than the TTL, and keys whose holder died long ago (a lease run out for the TTL);
   * in chunks, so that a long backlog does not hold one long transaction. Returns how many went.
   */
  async expireIdempotencyKeys(): Promise<number> {
    return this.inChunks(
      `DELETE FROM idempotency_keys WHERE ctid IN (
         SELECT ctid FROM idempotency_keys
          WHERE (state = 'completed' AND completed_at < now() - make_interval(hours => $1))
             OR (state = 'processing' AND lease_until < now() - make_interval(hours => $1))
          LIMIT ${CHUNK})`,
      [this.config.idempotencyKeyTtlHours],
    );
  }

  /** Deletes outbox rows dispatched longer ago than the retention; rows not yet dispatched always stay. */
  async pruneOutbox(): Promise<number> {
    return this.inChunks(
      `DELETE FROM outbox WHERE id IN (
         SELECT id FROM outbox
          WHERE dispatched_at IS NOT NULL AND dispatched_at < now() - make_interval(days => $1)
          LIMIT ${CHUNK})`,
      [this.config.outboxRetentionDays],
    );
  }

  /**
   * Deletes kiosk submissions held for staff once their fair ended longer ago than the retention, resolved or
   * not: by then staff have had their chance to call the person back, and the data must not stay for ever.
   */
  async pruneHeldSubmissions(): Promise<number> {
    return this.inChunks(
      `DELETE FROM kiosk_held_submissions WHERE id IN (
         SELECT h.id FROM kiosk_held_submissions h JOIN fairs f ON f.id = h.fair_id
          WHERE f.ends_at < now() - make_interval(days => $1)
          LIMIT ${CHUNK})`,
      [this.config.kioskHeldRetentionDays],
    );
  }

  /**
   * A person's stored responses, on erasure: those of their own login and those that name their profile (a kiosk
   * submission, a check-in).
   */
  async eraseResponsesOf(manager: EntityManager, migrantId: string, userId: string | null): Promise<void> {
    await manager.query(
      `DELETE FROM idempotency_keys
        WHERE response_body->>'migrantId' = $1 OR ($2::text IS NOT NULL AND scope LIKE 'user:' || $2 || ' %')`,
      [migrantId, userId],
    );
  }

  private async inChunks(sql: string, params: unknown[]): Promise<number> {
    let total = 0;
    for (;;) {
      const deleted = await preparedQuery(this.dataSource, `${sql} RETURNING 1`, params);
      total += deleted.length;
      if (deleted.length < CHUNK) return total;
    }
  }
}
