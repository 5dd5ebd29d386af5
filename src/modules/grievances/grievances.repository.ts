import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type {
  GrievanceCategory,
  GrievanceOutcome,
  GrievanceState,
  ReferralBody,
} from 'src/modules/grievances/grievance.types';

export interface GrievanceRow {
  id: string;
  migrantId: string;
  category: GrievanceCategory;
  descriptionEnc: string | null;
  reportedTermsEnc: string | null;
  iloIndicators: string[];
  employerId: string | null;
  vacancyId: string | null;
  applicationId: string | null;
  placementId: string | null;
  termsSnapshotId: string | null;
  anonymousToEmployer: boolean;
  urgent: boolean;
  state: GrievanceState;
  outcome: GrievanceOutcome | null;
  channel: 'online' | 'kiosk' | 'desk';
  fairId: string | null;
  filedBy: string | null;
  assignedAdviserId: string | null;
  receivedAt: Date;
  dueDate: string;
  overdue: boolean;
  firstResponseAt: Date | null;
  closedAt: Date | null;
  sharedWithEmployerAt: Date | null;
  employerAnswerEnc: string | null;
  employerAnsweredAt: Date | null;
  erasedAt: Date | null;
  createdAt: Date;
}

export interface NewGrievance {
  migrantId: string;
  category: GrievanceCategory;
  descriptionEnc: string;
  reportedTermsEnc: string | null;
  iloIndicators: string[];
  employerId: string | null;
  vacancyId: string | null;
  applicationId: string | null;
  placementId: string | null;
  termsSnapshotId: string | null;
  anonymousToEmployer: boolean;
  urgent: boolean;
  channel: 'online' | 'kiosk' | 'desk';
  fairId: string | null;
  filedBy: string | null;
  assignedAdviserId: string | null;
  receivedAt: Date;
  dueDate: string;
}

export interface TransitionRow {
  from: GrievanceState | null;
  to: GrievanceState;
  actorId: string | null;
  actorRole: string;
  noteEnc: string | null;
  referralBody: ReferralBody | null;
  referralName: string | null;
  at: Date;
}

export interface MessageRow {
  id: string;
  authorRole: string;
  bodyEnc: string | null;
  at: Date;
}

export interface QueueFilter {
  migrantId?: string;
  employerId?: string;
  sharedOnly?: boolean;
  state?: GrievanceState;
  category?: GrievanceCategory;
  urgent?: boolean;
  overdue?: boolean;
  fairId?: string;
  /** A legal adviser's list: only the grievances assigned to them. */
  assignedAdviserId?: string;
}

/** "Today" for deadlines is the date in Moscow, as for the employer's duties. */
const MOSCOW_TODAY = `(now() AT TIME ZONE 'Europe/Moscow')::date`;
const OPEN = `g.state IN ('received', 'in_review')`;

const COLUMNS = `
  g.id, g.migrant_id AS "migrantId", g.category, g.description_enc AS "descriptionEnc",
  g.reported_terms_enc AS "reportedTermsEnc", g.ilo_indicators AS "iloIndicators", g.employer_id AS "employerId",
  g.vacancy_id AS "vacancyId", g.application_id AS "applicationId", g.placement_id AS "placementId",
  g.terms_snapshot_id AS "termsSnapshotId", g.anonymous_to_employer AS "anonymousToEmployer", g.urgent, g.state,
  g.outcome, g.channel, g.fair_id AS "fairId", g.filed_by AS "filedBy",
  g.assigned_adviser_id AS "assignedAdviserId", g.received_at AS "receivedAt",
  g.due_date::text AS "dueDate", (g.first_response_at IS NULL AND ${OPEN} AND g.due_date < ${MOSCOW_TODAY}) AS overdue,
  g.first_response_at AS "firstResponseAt", g.closed_at AS "closedAt",
  g.shared_with_employer_at AS "sharedWithEmployerAt", g.employer_answer_enc AS "employerAnswerEnc",
  g.employer_answered_at AS "employerAnsweredAt", g.erased_at AS "erasedAt", g.created_at AS "createdAt"`;

@Injectable()
export class GrievancesRepository {
  constructor(private readonly dataSource: DataSource) {}

  private q(manager?: EntityManager) {
    return manager ?? this.dataSource.manager;
  }

  async insert(manager: EntityManager, g: NewGrievance): Promise<string> {
    const [row] = await manager.query(
      `INSERT INTO grievances (migrant_id, category, description_enc, reported_terms_enc, ilo_indicators,
                               employer_id, vacancy_id, application_id, placement_id, terms_snapshot_id,
                               anonymous_to_employer, urgent, channel, fair_id, filed_by, received_at, due_date,
                               assigned_adviser_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18) RETURNING id`,
      [
        g.migrantId,
        g.category,
        g.descriptionEnc,
        g.reportedTermsEnc,
        g.iloIndicators,
        g.employerId,
        g.vacancyId,
        g.applicationId,
        g.placementId,
        g.termsSnapshotId,
        g.anonymousToEmployer,
        g.urgent,
        g.channel,
        g.fairId,
        g.filedBy,
        g.receivedAt,
        g.dueDate,
        g.assignedAdviserId,
      ],
    );
    return row.id as string;
  }

  async find(id: string, manager?: EntityManager): Promise<GrievanceRow | null> {
    const rows = await this.q(manager).query(`SELECT ${COLUMNS} FROM grievances g WHERE g.id = $1`, [id]);
    return rows[0] ?? null;
  }

  async lock(manager: EntityManager, id: string): Promise<GrievanceRow | null> {
    const rows = await manager.query(`SELECT ${COLUMNS} FROM grievances g WHERE g.id = $1 FOR UPDATE`, [id]);
    return rows[0] ?? null;
  }

  /** Staff's queue order: urgent first, then the earliest due date, then the oldest. */
  async list(
    f: QueueFilter,
    offset: number,
    limit: number,
  ): Promise<{ items: GrievanceRow[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (f.migrantId) add('g.migrant_id = ?', f.migrantId);
    if (f.employerId) add('g.employer_id = ?', f.employerId);
    if (f.sharedOnly) where.push('g.shared_with_employer_at IS NOT NULL');
    if (f.state) add('g.state = ?', f.state);
    if (f.category) add('g.category = ?', f.category);
    if (f.urgent !== undefined) add('g.urgent = ?', f.urgent);
    if (f.fairId) add('g.fair_id = ?', f.fairId);
    if (f.assignedAdviserId) add('g.assigned_adviser_id = ?', f.assignedAdviserId);
    if (f.overdue) where.push(`g.first_response_at IS NULL AND ${OPEN} AND g.due_date < ${MOSCOW_TODAY}`);
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM grievances g ${clause}`,
      params,
    );
    const items = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM grievances g ${clause}
        ORDER BY (${OPEN}) DESC, g.urgent DESC, g.due_date, g.created_at
        OFFSET $${params.length + 1} LIMIT $${params.length + 2}`,
      [...params, offset, limit],
    );
    return { items, total };
  }

  async setState(
    manager: EntityManager,
    id: string,
    to: GrievanceState,
    outcome: GrievanceOutcome | null,
    closes: boolean,
  ): Promise<void> {
    await manager.query(
      `UPDATE grievances SET state = $2, outcome = coalesce($3, outcome),
              first_response_at = coalesce(first_response_at, now()),
              closed_at = CASE WHEN $4 THEN now() ELSE closed_at END, updated_at = now()
        WHERE id = $1`,
      [id, to, outcome, closes],
    );
  }

  async markFirstResponse(manager: EntityManager, id: string): Promise<void> {
    await manager.query(
      `UPDATE grievances SET first_response_at = coalesce(first_response_at, now()), updated_at = now() WHERE id = $1`,
      [id],
    );
  }

  async insertTransition(
    manager: EntityManager,
    t: Omit<TransitionRow, 'at'> & { grievanceId: string },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO grievance_transitions (grievance_id, from_state, to_state, actor_id, actor_role, note_enc,
                                          referral_body, referral_name)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [t.grievanceId, t.from, t.to, t.actorId, t.actorRole, t.noteEnc, t.referralBody, t.referralName],
    );
  }

  async history(id: string): Promise<TransitionRow[]> {
    return this.dataSource.query(
      `SELECT from_state AS "from", to_state AS "to", actor_id AS "actorId", actor_role AS "actorRole",
              note_enc AS "noteEnc", referral_body AS "referralBody", referral_name AS "referralName",
              created_at AS "at"
         FROM grievance_transitions WHERE grievance_id = $1 ORDER BY created_at, id`,
      [id],
    );
  }

  async insertMessage(
    manager: EntityManager,
    m: { grievanceId: string; authorId: string | null; authorRole: string; bodyEnc: string },
  ): Promise<string> {
    const [row] = await manager.query(
      `INSERT INTO grievance_messages (grievance_id, author_id, author_role, body_enc)
       VALUES ($1, $2, $3, $4) RETURNING id`,
      [m.grievanceId, m.authorId, m.authorRole, m.bodyEnc],
    );
    return row.id as string;
  }

  async messages(id: string): Promise<MessageRow[]> {
    return this.dataSource.query(
      `SELECT id, author_role AS "authorRole", body_enc AS "bodyEnc", created_at AS "at"
         FROM grievance_messages WHERE grievance_id = $1 ORDER BY created_at, id`,
      [id],
    );
  }

  async assign(manager: EntityManager, id: string, adviserId: string): Promise<void> {
    await manager.query(`UPDATE grievances SET assigned_adviser_id = $2, updated_at = now() WHERE id = $1`, [
      id,
      adviserId,
    ]);
  }

  async isAdviser(userId: string): Promise<boolean> {
    const rows = await this.dataSource.query(
      `SELECT 1 FROM users WHERE id = $1 AND role = 'legal_adviser' AND NOT disabled`,
      [userId],
    );
    return rows.length > 0;
  }

  async share(manager: EntityManager, id: string): Promise<void> {
    await manager.query(
      `UPDATE grievances SET shared_with_employer_at = coalesce(shared_with_employer_at, now()), updated_at = now()
        WHERE id = $1`,
      [id],
    );
  }

  async setEmployerAnswer(manager: EntityManager, id: string, answerEnc: string): Promise<void> {
    await manager.query(
      `UPDATE grievances SET employer_answer_enc = $2, employer_answered_at = now(), updated_at = now() WHERE id = $1`,
      [id, answerEnc],
    );
  }

  /** Open grievances past their first-response date with no reminder sent yet. */
  async overdueUnreminded(
    manager: EntityManager,
  ): Promise<{ id: string; dueDate: string; category: string }[]> {
    return manager.query(
      `SELECT g.id, g.due_date::text AS "dueDate", g.category FROM grievances g
        WHERE g.first_response_at IS NULL AND ${OPEN} AND g.due_date < ${MOSCOW_TODAY}
          AND g.overdue_reminded_at IS NULL
        ORDER BY g.urgent DESC, g.due_date
        FOR UPDATE SKIP LOCKED`,
    );
  }

  async markReminded(manager: EntityManager, ids: string[]): Promise<void> {
    await manager.query(`UPDATE grievances SET overdue_reminded_at = now() WHERE id = ANY($1::uuid[])`, [
      ids,
    ]);
  }

  async staffUserIds(manager: EntityManager): Promise<string[]> {
    const rows = await manager.query(
      `SELECT id FROM users WHERE role IN ('staff', 'admin') AND NOT disabled ORDER BY created_at`,
    );
    return rows.map((r: { id: string }) => r.id);
  }

  async migrantFacts(
    id: string,
    manager?: EntityManager,
  ): Promise<{
    id: string;
    status: string;
    preferredLanguage: string | null;
    fullName: string | null;
    phone: string | null;
    fairId: string | null;
    grievanceChannel: 'in_app' | 'sms' | 'email' | null;
    email: string | null;
  } | null> {
    const rows = await this.q(manager).query(
      `SELECT id, status, preferred_language AS "preferredLanguage", full_name AS "fullName", phone,
              fair_id AS "fairId", grievance_channel AS "grievanceChannel", email
         FROM migrants WHERE id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** Whether the person has a consultation (booked or held) with this legal adviser. */
  async consultedAdviser(migrantId: string, adviserId: string): Promise<boolean> {
    const rows = await this.dataSource.query(
      `SELECT 1 FROM legal_consultations c JOIN legal_consultation_slots s ON s.id = c.slot_id
        WHERE c.migrant_id = $1 AND s.adviser_id = $2 AND c.status <> 'cancelled' LIMIT 1`,
      [migrantId, adviserId],
    );
    return rows.length > 0;
  }

  async attendedFair(migrantId: string, fairId: string): Promise<boolean> {
    const rows = await this.dataSource.query(
      `SELECT 1 FROM migrants WHERE id = $1 AND fair_id = $2
       UNION ALL SELECT 1 FROM fair_attendance WHERE migrant_id = $1 AND fair_id = $2 LIMIT 1`,
      [migrantId, fairId],
    );
    return rows.length > 0;
  }

  async userIdOfMigrant(manager: EntityManager, migrantId: string): Promise<string | null> {
    const rows = await manager.query(
      `SELECT id FROM users WHERE migrant_id = $1 AND NOT disabled ORDER BY created_at LIMIT 1`,
      [migrantId],
    );
    return rows[0]?.id ?? null;
  }

  async userIdsOfEmployer(manager: EntityManager, employerId: string): Promise<string[]> {
    const rows = await manager.query(
      `SELECT id FROM users WHERE employer_id = $1 AND NOT disabled ORDER BY created_at`,
      [employerId],
    );
    return rows.map((r: { id: string }) => r.id);
  }

  async application(id: string): Promise<{
    id: string;
    migrantId: string;
    vacancyId: string;
    employerId: string;
    fairId: string | null;
    termsSnapshotId: string | null;
  } | null> {
    const rows = await this.dataSource.query(
      `SELECT id, migrant_id AS "migrantId", vacancy_id AS "vacancyId", employer_id AS "employerId",
              fair_id AS "fairId", terms_snapshot_id AS "termsSnapshotId"
         FROM applications WHERE id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  async placement(id: string): Promise<{
    id: string;
    applicationId: string;
    migrantId: string;
    vacancyId: string;
    employerId: string;
    fairId: string | null;
    termsSnapshotId: string | null;
  } | null> {
    const rows = await this.dataSource.query(
      `SELECT id, application_id AS "applicationId", migrant_id AS "migrantId", vacancy_id AS "vacancyId",
              employer_id AS "employerId", fair_id AS "fairId", terms_snapshot_id AS "termsSnapshotId"
         FROM placements WHERE id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** Whether the person applied to this vacancy or to any vacancy of this employer. */
  async migrantAppliedTo(
    migrantId: string,
    by: { vacancyId?: string; employerId?: string },
  ): Promise<boolean> {
    const rows = await this.dataSource.query(
      `SELECT 1 FROM applications WHERE migrant_id = $1
          AND ($2::uuid IS NULL OR vacancy_id = $2) AND ($3::uuid IS NULL OR employer_id = $3) LIMIT 1`,
      [migrantId, by.vacancyId ?? null, by.employerId ?? null],
    );
    return rows.length > 0;
  }

  async vacancyEmployer(
    vacancyId: string,
  ): Promise<{ employerId: string; snapshotId: string | null } | null> {
    const rows = await this.dataSource.query(
      `SELECT employer_id AS "employerId", current_terms_snapshot_id AS "snapshotId" FROM vacancies WHERE id = $1`,
      [vacancyId],
    );
    return rows[0] ?? null;
  }

  async fairRegion(fairId: string): Promise<string | null> {
    const rows = await this.dataSource.query(`SELECT region FROM fairs WHERE id = $1`, [fairId]);
    return rows[0]?.region ?? null;
  }

  async employerCountry(employerId: string): Promise<string | null> {
    const rows = await this.dataSource.query(`SELECT country FROM employers WHERE id = $1`, [employerId]);
    return rows[0]?.country ?? null;
  }

  async snapshot(
    id: string,
  ): Promise<{ id: string; vacancyId: string; terms: Record<string, unknown> } | null> {
    const rows = await this.dataSource.query(
      `SELECT id, vacancy_id AS "vacancyId", terms FROM vacancy_terms_snapshots WHERE id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  async writeAudit(
    manager: EntityManager | undefined,
    e: { actorId: string | null; actorRole: string; action: string; subjectId: string; reason?: string },
  ): Promise<void> {
    await this.q(manager).query(
      `INSERT INTO audit_log (actor_id, actor_role, action, subject_type, subject_id, reason)
       VALUES ($1, $2, $3, 'grievance', $4, $5)`,
      [e.actorId, e.actorRole, e.action, e.subjectId, e.reason ?? null],
    );
  }

  /** Employers with at least one grievance resolved as substantiated, for the staff's flag. */
  async substantiatedCount(employerId: string): Promise<number> {
    const [row] = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM grievances WHERE employer_id = $1 AND outcome = 'substantiated'`,
      [employerId],
    );
    return row.n as number;
  }
}
