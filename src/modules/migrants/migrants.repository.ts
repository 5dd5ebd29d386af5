import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  MigrantConsentEntity,
  MigrantDocumentEntity,
  MigrantEntity,
} from 'src/modules/migrants/migrant.entity';
import { preparedQuery } from 'src/database/prepared-query';
import type { MigrantEligibilityFacts } from 'src/modules/migrants/migrants.types';

export interface DuplicateRow {
  id: string;
  reason: string;
  score: string;
  created_at: Date;
  m_id: string;
  m_full_name: string | null;
  m_birth_date: string | null;
  m_phone: string | null;
  m_citizenship: string;
  m_source: string;
  m_created_at: Date;
  c_id: string;
  c_full_name: string | null;
  c_birth_date: string | null;
  c_phone: string | null;
  c_citizenship: string;
  c_source: string;
  c_created_at: Date;
}

export interface BornOnRow {
  id: string;
  full_name: string | null;
  full_name_latin: string | null;
  phone: string | null;
}

export interface NewRegistration {
  migrant: Pick<
    MigrantEntity,
    | 'id'
    | 'fullName'
    | 'fullNameLatin'
    | 'nameKey'
    | 'birthDate'
    | 'gender'
    | 'citizenship'
    | 'phone'
    | 'email'
    | 'preferredLanguage'
    | 'languages'
    | 'occupations'
    | 'desiredRegions'
    | 'availableFrom'
    | 'needsHousing'
    | 'expectedSalaryAmount'
    | 'expectedSalaryCurrency'
    | 'visibleToEmployers'
    | 'consentVersion'
    | 'source'
    | 'fairId'
  >;
  duplicates: { otherId: string; reason: 'phone_birth_date' | 'name_birth_date'; score: number }[];
}

/** Every query on migrants, their documents, consents and duplicate pairs. */
@Injectable()
export class MigrantsRepository {
  constructor(private readonly dataSource: DataSource) {}

  private m(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(MigrantEntity);
  }

  private d(manager?: EntityManager) {
    return (manager ?? this.dataSource.manager).getRepository(MigrantDocumentEntity);
  }

  findById(id: string, manager?: EntityManager): Promise<MigrantEntity | null> {
    return this.m(manager).findOneBy({ id });
  }

  /** Locks the row for the rest of the transaction (merge, erase, profile change). */
  findByIdForUpdate(manager: EntityManager, id: string): Promise<MigrantEntity | null> {
    return manager
      .getRepository(MigrantEntity)
      .createQueryBuilder('m')
      .setLock('pessimistic_write')
      .where('m.id = :id', { id })
      .getOne();
  }

  insert(manager: EntityManager, migrant: Partial<MigrantEntity>): Promise<MigrantEntity> {
    const repo = manager.getRepository(MigrantEntity);
    return repo.save(repo.create(migrant));
  }

  async update(manager: EntityManager, id: string, patch: Partial<MigrantEntity>): Promise<void> {
    await manager.getRepository(MigrantEntity).update({ id }, patch);
  }

  /** The same person for certain: the oldest active profile with this phone and birth date. */
  async findActiveByPhoneAndBirthDate(
    manager: EntityManager,
    phone: string,
    birthDate: string,
  ): Promise<{ id: string } | null> {
    const [row] = await preparedQuery(
      manager,
      `SELECT id FROM migrants WHERE phone = $1 AND birth_date = $2 AND status = 'active'
        ORDER BY created_at LIMIT 1`,
      [phone, birthDate],
    );
    return (row as { id: string } | undefined) ?? null;
  }

  /**
   * Active profiles born this day, for registration: the one with this phone first (the same person), then by
   * age, so a busy birth date cannot push the exact match out of the first 500.
   */
  /** Whether a phone is an active person's already (a visitor who reports without a birth date). */
  async findActiveByPhone(manager: EntityManager, phone: string): Promise<{ id: string } | null> {
    const [row] = await preparedQuery(
      manager,
      `SELECT id FROM migrants WHERE phone = $1 AND status = 'active' ORDER BY created_at LIMIT 1`,
      [phone],
    );
    return (row as { id: string } | undefined) ?? null;
  }

  findActiveBornOn(manager: EntityManager, birthDate: string, phone: string): Promise<BornOnRow[]> {
    return preparedQuery<BornOnRow>(
      manager,
      `SELECT id, full_name, full_name_latin, phone FROM migrants
        WHERE birth_date = $1 AND status = 'active'
        ORDER BY phone = $2 DESC NULLS LAST, created_at
        LIMIT 500`,
      [birthDate, phone],
    );
  }

  /**
   * A new profile, its consent record, its duplicate-review pairs and `outboxSql` (the caller's events,
   * parameters after the ones here) in one statement.
   */
  async insertRegistration(
    manager: EntityManager,
    r: NewRegistration,
    outbox: (params: unknown[]) => string,
  ): Promise<void> {
    const m = r.migrant;
    const params: unknown[] = [
      m.id,
      m.fullName,
      m.fullNameLatin,
      m.nameKey,
      m.birthDate,
      m.gender,
      m.citizenship,
      m.phone,
      m.email,
      m.preferredLanguage,
      JSON.stringify(m.languages),
      JSON.stringify(m.occupations),
      m.desiredRegions,
      m.availableFrom,
      m.needsHousing,
      m.expectedSalaryAmount,
      m.expectedSalaryCurrency,
      m.visibleToEmployers,
      m.consentVersion,
      m.source,
      m.fairId,
      r.duplicates.map((d) => d.otherId),
      r.duplicates.map((d) => d.reason),
      r.duplicates.map((d) => d.score.toFixed(3)),
    ];
    const events = outbox(params);
    await preparedQuery(
      manager,
      `WITH m AS (
         INSERT INTO migrants (id, status, full_name, full_name_latin, name_key, birth_date, gender, citizenship,
                               phone, email, preferred_language, languages, occupations, desired_regions,
                               available_from, needs_housing, expected_salary_amount, expected_salary_currency,
                               visible_to_employers, consent_version, consent_at, source, fair_id)
         VALUES ($1, 'active', $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb, $12::jsonb, $13::text[], $14, $15,
                 $16, $17, $18, $19, now(), $20, $21)
         RETURNING id
       ), consent AS (
         INSERT INTO migrant_consents (migrant_id, action, data_processing, visible_to_employers, version, source)
         SELECT id, 'granted', true, $18, $19, $20 FROM m
       ), duplicates AS (
         INSERT INTO migrant_duplicates (migrant_id, candidate_id, reason, score)
         SELECT least(m.id, d.other), greatest(m.id, d.other), d.reason, d.score
           FROM m, unnest($22::uuid[], $23::text[], $24::numeric[]) AS d(other, reason, score)
         ON CONFLICT (migrant_id, candidate_id) DO NOTHING
       ), events AS (${events})
       SELECT id FROM m`,
      params,
    );
  }

  /** Active profiles born the same day: few enough to compare names in code across scripts. */
  findActiveByBirthDate(
    manager: EntityManager,
    birthDate: string,
    excludeId: string,
  ): Promise<Pick<MigrantEntity, 'id' | 'fullName' | 'fullNameLatin' | 'phone'>[]> {
    return manager
      .getRepository(MigrantEntity)
      .createQueryBuilder('m')
      .select(['m.id', 'm.fullName', 'm.fullNameLatin', 'm.phone'])
      .where(`m.birth_date = :birthDate AND m.status = 'active' AND m.id <> :excludeId`, {
        birthDate,
        excludeId,
      })
      .limit(500)
      .getMany();
  }

  async addDuplicate(
    manager: EntityManager,
    a: string,
    b: string,
    reason: 'phone_birth_date' | 'name_birth_date',
    score: number,
  ): Promise<void> {
    const [low, high] = a < b ? [a, b] : [b, a];
    await manager.query(
      `INSERT INTO migrant_duplicates (migrant_id, candidate_id, reason, score)
       VALUES ($1, $2, $3, $4) ON CONFLICT (migrant_id, candidate_id) DO NOTHING`,
      [low, high, reason, score.toFixed(3)],
    );
  }

  async listOpenDuplicates(offset: number, limit: number): Promise<{ rows: DuplicateRow[]; total: number }> {
    const [{ total }] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM migrant_duplicates WHERE status = 'open'`,
    );
    const rows: DuplicateRow[] = await this.dataSource.query(
      `SELECT d.id, d.reason, d.score, d.created_at,
              m.id AS m_id, m.full_name AS m_full_name, m.birth_date::text AS m_birth_date, m.phone AS m_phone,
              m.citizenship AS m_citizenship, m.source AS m_source, m.created_at AS m_created_at,
              c.id AS c_id, c.full_name AS c_full_name, c.birth_date::text AS c_birth_date, c.phone AS c_phone,
              c.citizenship AS c_citizenship, c.source AS c_source, c.created_at AS c_created_at
         FROM migrant_duplicates d
         JOIN migrants m ON m.id = d.migrant_id
         JOIN migrants c ON c.id = d.candidate_id
        WHERE d.status = 'open'
        ORDER BY d.created_at DESC, d.id
        OFFSET $1 LIMIT $2`,
      [offset, limit],
    );
    return { rows, total };
  }

  async resolveDuplicatesOf(manager: EntityManager, migrantId: string, status: 'merged' | 'dismissed') {
    await manager.query(
      `UPDATE migrant_duplicates SET status = $2, resolved_at = now()
        WHERE status = 'open' AND (migrant_id = $1 OR candidate_id = $1)`,
      [migrantId, status],
    );
  }

  async insertConsent(manager: EntityManager, consent: Partial<MigrantConsentEntity>): Promise<void> {
    const repo = manager.getRepository(MigrantConsentEntity);
    await repo.save(repo.create(consent));
  }

  /** Whether an employer may see this candidate: the person consented to be visible, or applied to it. */
  async employerMayView(employerId: string, migrantId: string): Promise<boolean> {
    const rows = await this.dataSource.query(
      `SELECT 1 FROM migrants m
        WHERE m.id = $1 AND m.status = 'active'
          AND (m.visible_to_employers
               OR EXISTS (SELECT 1 FROM applications a WHERE a.migrant_id = m.id AND a.employer_id = $2))`,
      [migrantId, employerId],
    );
    return rows.length > 0;
  }

  /**
   * True while the person has an application to the employer still under way, or works there: the contact an
   * employer needs for that, and only for as long as it lasts (a withdrawal, a rejection or the placement's end
   * takes it away again).
   */
  async employerHasActiveRelation(employerId: string, migrantId: string): Promise<boolean> {
    const rows = await this.dataSource.query(
      `SELECT 1 FROM applications
        WHERE migrant_id = $1 AND employer_id = $2 AND status NOT IN ('rejected', 'withdrawn', 'hired')
       UNION ALL
       SELECT 1 FROM placements WHERE migrant_id = $1 AND employer_id = $2 AND status = 'active'
       LIMIT 1`,
      [migrantId, employerId],
    );
    return rows.length > 0;
  }

  // --- documents ---

  /**
   * The stored, non-secret facts the eligibility check needs, for each of these people that is active and has a
   * birth date, in one query (documents oldest first, absent fields left out).
   */
  async eligibilityFactsOf(ids: string[]): Promise<Map<string, MigrantEligibilityFacts>> {
    if (!ids.length) return new Map();
    const rows = await preparedQuery<{ id: string; facts: MigrantEligibilityFacts }>(
      this.dataSource,
      `SELECT m.id, json_build_object(
         'birthDate', m.birth_date::text,
         'citizenship', m.citizenship,
         'occupationCodes', coalesce((SELECT json_agg(o->>'code') FROM jsonb_array_elements(m.occupations) o), '[]'),
         'documents', coalesce((
           SELECT json_agg(json_strip_nulls(json_build_object(
             'type', d.type, 'region', d.region, 'validFrom', d.valid_from::text,
             'validUntil', d.valid_until::text, 'purpose', d.purpose, 'issuedAt', d.issued_at::text,
             'issuingCountry', d.issuing_country)) ORDER BY d.created_at, d.id)
           FROM migrant_documents d WHERE d.migrant_id = m.id), '[]'),
         'entryBans', (SELECT json_object_agg(b.host_country, b.until) FROM (
           SELECT host_country, max(until_date)::text AS until FROM entry_bans
            WHERE migrant_id = m.id AND lifted_at IS NULL GROUP BY host_country) b)) AS facts
       FROM migrants m
       WHERE m.id = ANY($1::uuid[]) AND m.status = 'active' AND m.birth_date IS NOT NULL`,
      [ids],
    );
    return new Map(rows.map((r) => [r.id, r.facts]));
  }

  listDocuments(migrantId: string, manager?: EntityManager): Promise<MigrantDocumentEntity[]> {
    return this.d(manager).find({ where: { migrantId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  findDocument(migrantId: string, id: string): Promise<MigrantDocumentEntity | null> {
    return this.d().findOneBy({ id, migrantId });
  }

  insertDocument(
    manager: EntityManager,
    doc: Partial<MigrantDocumentEntity>,
  ): Promise<MigrantDocumentEntity> {
    const repo = manager.getRepository(MigrantDocumentEntity);
    return repo.save(repo.create(doc));
  }

  async updateDocument(
    manager: EntityManager,
    id: string,
    patch: Partial<MigrantDocumentEntity>,
  ): Promise<void> {
    await manager.getRepository(MigrantDocumentEntity).update({ id }, patch);
  }

  async deleteDocument(manager: EntityManager, id: string): Promise<void> {
    await manager.getRepository(MigrantDocumentEntity).delete({ id });
  }

  // --- merge and erasure ---

  /** Moves everything that belongs to the person from `sourceId` to `targetId`. */
  async moveOwnedRecords(manager: EntityManager, sourceId: string, targetId: string): Promise<void> {
    await manager.query(`UPDATE migrant_documents SET migrant_id = $2 WHERE migrant_id = $1`, [
      sourceId,
      targetId,
    ]);
    await manager.query(`UPDATE migrant_consents SET migrant_id = $2 WHERE migrant_id = $1`, [
      sourceId,
      targetId,
    ]);
    // One application per person and vacancy: where both profiles applied, the older application stays.
    const losers: { id: string }[] = await manager.query(
      `SELECT CASE WHEN s.created_at <= t.created_at THEN t.id ELSE s.id END AS id
         FROM applications s
         JOIN applications t ON t.vacancy_id = s.vacancy_id AND t.migrant_id = $2
        WHERE s.migrant_id = $1`,
      [sourceId, targetId],
    );
    if (losers.length) {
      const ids = losers.map((l) => l.id);
      await manager.query(`DELETE FROM application_transitions WHERE application_id = ANY($1::uuid[])`, [
        ids,
      ]);
      await manager.query(`DELETE FROM applications WHERE id = ANY($1::uuid[])`, [ids]);
    }
    await manager.query(`UPDATE applications SET migrant_id = $2 WHERE migrant_id = $1`, [
      sourceId,
      targetId,
    ]);
    // One attendance row per person and fair: visits add up, the first visit stays.
    await manager.query(
      `INSERT INTO fair_attendance (fair_id, migrant_id, kiosk_id, first_seen_at, visits)
       SELECT fair_id, $2, kiosk_id, first_seen_at, visits FROM fair_attendance WHERE migrant_id = $1
       ON CONFLICT (fair_id, migrant_id) DO UPDATE
         SET visits = fair_attendance.visits + EXCLUDED.visits,
             first_seen_at = LEAST(fair_attendance.first_seen_at, EXCLUDED.first_seen_at)`,
      [sourceId, targetId],
    );
    await manager.query(`DELETE FROM fair_attendance WHERE migrant_id = $1`, [sourceId]);
  }

  async deleteDocumentsOf(manager: EntityManager, migrantId: string): Promise<void> {
    await manager.query(`DELETE FROM migrant_documents WHERE migrant_id = $1`, [migrantId]);
  }

  async writeAudit(
    manager: EntityManager,
    entry: {
      actorId: string | null;
      actorRole: string;
      action: string;
      subjectType: string;
      subjectId: string;
      reason?: string;
      details?: Record<string, unknown>;
      requestId?: string;
    },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO audit_log (actor_id, actor_role, action, subject_type, subject_id, reason, details, request_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8)`,
      [
        entry.actorId,
        entry.actorRole,
        entry.action,
        entry.subjectType,
        entry.subjectId,
        entry.reason ?? null,
        JSON.stringify(entry.details ?? {}),
        entry.requestId ?? null,
      ],
    );
  }
}
