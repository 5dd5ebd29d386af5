import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, Repository } from 'typeorm';
import {
  FairEntity,
  FairParticipantEntity,
  FairVacancyEntity,
  KioskEntity,
} from 'src/modules/fairs/fair.entity';
import { preparedQuery } from 'src/database/prepared-query';

/** How long before opening and after closing a fair's kiosks keep working (setup and wrap-up). */
export const KIOSK_GRACE = '1 day';

@Injectable()
export class FairRepository {
  private readonly fairs: Repository<FairEntity>;

  constructor(private readonly dataSource: DataSource) {
    this.fairs = dataSource.getRepository(FairEntity);
  }

  findById(id: string, manager?: EntityManager): Promise<FairEntity | null> {
    return (manager?.getRepository(FairEntity) ?? this.fairs).findOneBy({ id });
  }

  findByIdForUpdate(manager: EntityManager, id: string): Promise<FairEntity | null> {
    return manager
      .getRepository(FairEntity)
      .createQueryBuilder('f')
      .setLock('pessimistic_write')
      .where('f.id = :id', { id })
      .getOne();
  }

  findPage(upcoming: boolean, offset: number, limit: number): Promise<[FairEntity[], number]> {
    const qb = this.fairs.createQueryBuilder('f').orderBy('f.startsAt', 'ASC').addOrderBy('f.id', 'ASC');
    if (upcoming) qb.where(`f.endsAt >= now() AND f.status = 'scheduled'`);
    return qb.skip(offset).take(limit).getManyAndCount();
  }

  insert(manager: EntityManager, fair: Partial<FairEntity>): Promise<FairEntity> {
    const repo = manager.getRepository(FairEntity);
    return repo.save(repo.create(fair));
  }

  async update(manager: EntityManager, id: string, patch: Partial<FairEntity>): Promise<void> {
    await manager.getRepository(FairEntity).update({ id }, patch);
  }

  findParticipants(fairId: string): Promise<FairParticipantEntity[]> {
    return this.dataSource
      .getRepository(FairParticipantEntity)
      .find({ where: { fairId }, order: { createdAt: 'ASC' } });
  }

  findParticipant(fairId: string, employerId: string): Promise<FairParticipantEntity | null> {
    return this.dataSource.getRepository(FairParticipantEntity).findOneBy({ fairId, employerId });
  }

  /** Adds the participant; false when it takes part already. */
  async addParticipant(
    manager: EntityManager,
    row: { fairId: string; employerId: string; booth: string | null },
  ): Promise<boolean> {
    const inserted = await manager.query(
      `INSERT INTO fair_participants (fair_id, employer_id, booth) VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING RETURNING fair_id`,
      [row.fairId, row.employerId, row.booth],
    );
    return inserted.length > 0;
  }

  async addVacancies(
    manager: EntityManager,
    fairId: string,
    employerId: string,
    vacancyIds: string[],
  ): Promise<void> {
    await manager.query(
      `INSERT INTO fair_vacancies (fair_id, vacancy_id, employer_id)
       SELECT $1, unnest($3::uuid[]), $2 ON CONFLICT DO NOTHING`,
      [fairId, employerId, vacancyIds],
    );
  }

  findFairVacancies(fairId: string): Promise<FairVacancyEntity[]> {
    return this.dataSource
      .getRepository(FairVacancyEntity)
      .find({ where: { fairId }, order: { createdAt: 'ASC' } });
  }

  insertKiosk(manager: EntityManager, kiosk: Partial<KioskEntity>): Promise<KioskEntity> {
    const repo = manager.getRepository(KioskEntity);
    return repo.save(repo.create(kiosk));
  }

  findKiosks(fairId: string): Promise<KioskEntity[]> {
    return this.dataSource
      .getRepository(KioskEntity)
      .find({ where: { fairId }, order: { createdAt: 'ASC' } });
  }

  /** Per kiosk of the fair: failed identifications and unproven known visitors in the last 24 hours. */
  async kioskIdentificationCounts(
    fairId: string,
  ): Promise<Map<string, { failed: number; unconfirmed: number }>> {
    const rows = await preparedQuery<{ kiosk_id: string; failed: number; unconfirmed: number }>(
      this.dataSource,
      `SELECT k.id AS kiosk_id,
              count(*) FILTER (WHERE a.action = 'kiosk.identification_failed')::int AS failed,
              count(*) FILTER (WHERE a.action = 'kiosk.identity_unconfirmed')::int AS unconfirmed
         FROM kiosks k
         JOIN audit_log a ON a.subject_type = 'kiosk' AND a.subject_id = k.id
                         AND a.created_at > now() - interval '24 hours'
        WHERE k.fair_id = $1
        GROUP BY k.id`,
      [fairId],
    );
    return new Map(rows.map((r) => [r.kiosk_id, { failed: r.failed, unconfirmed: r.unconfirmed }]));
  }

  /** Revokes the kiosk; false when no such kiosk at this fair. */
  async revokeKiosk(fairId: string, kioskId: string): Promise<boolean> {
    const rows = await preparedQuery(
      this.dataSource,
      `UPDATE kiosks SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1 AND fair_id = $2 RETURNING id`,
      [kioskId, fairId],
    );
    return rows.length > 0;
  }

  /**
   * The kiosk and its fair when the token is not revoked and the fair is on (with a day's grace, and
   * `extraDaysAfter` more after it ended).
   */
  async findActiveKiosk(
    tokenHash: string,
    now: Date,
    extraDaysAfter = 0,
  ): Promise<{ kioskId: string; fairId: string } | undefined> {
    const [row] = await preparedQuery<{ kiosk_id: string; fair_id: string }>(
      this.dataSource,
      `SELECT k.id AS kiosk_id, k.fair_id
         FROM kiosks k JOIN fairs f ON f.id = k.fair_id
        WHERE k.token_hash = $1 AND k.revoked_at IS NULL AND f.status = 'scheduled'
          AND $2::timestamptz BETWEEN f.starts_at - interval '${KIOSK_GRACE}'
                                  AND f.ends_at + interval '${KIOSK_GRACE}' + make_interval(days => $3)`,
      [tokenHash, now.toISOString(), extraDaysAfter],
    );
    return row ? { kioskId: row.kiosk_id, fairId: row.fair_id } : undefined;
  }
}
