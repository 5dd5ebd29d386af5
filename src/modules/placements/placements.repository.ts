import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { ApplicationStatus } from 'src/modules/applications/application-state';
import type { ObligationKind } from 'src/modules/placements/placements.dto';
import { preparedQuery } from 'src/database/prepared-query';
import { binder } from 'src/database/sql-params';

export interface ApplicationRow {
  id: string;
  migrantId: string;
  vacancyId: string;
  employerId: string;
  fairId: string | null;
  termsSnapshotId: string | null;
  status: ApplicationStatus;
}

export interface PlacementRow {
  id: string;
  applicationId: string;
  migrantId: string;
  vacancyId: string;
  employerId: string;
  fairId: string | null;
  contractStartDate: string;
  contractEndDate: string | null;
  termsSnapshotId: string | null;
  status: 'active' | 'terminated';
  terminatedOn: string | null;
  terminationReason: string | null;
  workerName: string | null;
  vacancyTitle: string;
  createdAt: Date;
}

export interface ObligationRow {
  id: string;
  employerId: string;
  placementId: string;
  kind: ObligationKind;
  eventDate: string;
  dueDate: string;
  status: 'open' | 'done';
  overdue: boolean;
  completedAt: Date | null;
  reference: string | null;
  legalBasis: string;
  workerName: string | null;
  createdAt: Date;
}

/** "Today" for legal deadlines is the date in Moscow, wherever the server runs. */
export const MOSCOW_TODAY = `(now() AT TIME ZONE 'Europe/Moscow')::date`;

const PLACEMENT_COLUMNS = `
  p.id, p.application_id AS "applicationId", p.migrant_id AS "migrantId", p.vacancy_id AS "vacancyId",
  p.employer_id AS "employerId", p.fair_id AS "fairId", p.contract_start_date::text AS "contractStartDate",
  p.contract_end_date::text AS "contractEndDate", p.terms_snapshot_id AS "termsSnapshotId", p.status,
  p.terminated_on::text AS "terminatedOn", p.termination_reason AS "terminationReason",
  m.full_name AS "workerName", v.title AS "vacancyTitle", p.created_at AS "createdAt"`;

const OBLIGATION_COLUMNS = (today: string) => `
  o.id, o.employer_id AS "employerId", o.placement_id AS "placementId", o.kind,
  o.event_date::text AS "eventDate", o.due_date::text AS "dueDate", o.status,
  (o.status = 'open' AND o.due_date < ${today}) AS overdue, o.completed_at AS "completedAt", o.reference,
  o.legal_basis AS "legalBasis", m.full_name AS "workerName", o.created_at AS "createdAt"`;

@Injectable()
export class PlacementsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async findApplication(id: string, manager?: EntityManager): Promise<ApplicationRow | null> {
    const rows = await (manager ?? this.dataSource.manager).query(
      `SELECT id, migrant_id AS "migrantId", vacancy_id AS "vacancyId", employer_id AS "employerId",
              fair_id AS "fairId", terms_snapshot_id AS "termsSnapshotId", status
         FROM applications WHERE id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  async history(applicationId: string) {
    return this.dataSource.query(
      `SELECT t.id::text AS id, t.from_status AS "from", t.to_status AS "to", t.actor_id AS "actorId",
              t.actor_role AS "actorRole", t.reason, t.created_at AS "at"
         FROM application_transitions t WHERE t.application_id = $1 ORDER BY t.id`,
      [applicationId],
    );
  }

  /** Locks the vacancy and counts the placements that hold its positions. */
  async lockVacancyPositions(
    manager: EntityManager,
    vacancyId: string,
  ): Promise<{ positions: number; status: string; taken: number }> {
    const [v] = await manager.query(`SELECT positions, status FROM vacancies WHERE id = $1 FOR UPDATE`, [
      vacancyId,
    ]);
    const [{ taken }] = await manager.query(
      `SELECT count(*)::int AS taken FROM placements WHERE vacancy_id = $1 AND status = 'active'`,
      [vacancyId],
    );
    return { positions: Number(v.positions), status: v.status as string, taken: taken as number };
  }

  /** Closes the vacancy as filled (bumping its version like any other change); false when it was not open. */
  async markVacancyFilled(manager: EntityManager, vacancyId: string): Promise<boolean> {
    const rows = await preparedQuery(
      manager,
      `UPDATE vacancies SET status = 'filled', version = version + 1, updated_at = now()
        WHERE id = $1 AND status IN ('published', 'paused') RETURNING id`,
      [vacancyId],
    );
    return rows.length > 0;
  }

  async insertPlacement(
    manager: EntityManager,
    p: {
      application: ApplicationRow;
      contractStartDate: string;
      contractEndDate: string | null;
      createdBy: string | null;
    },
  ): Promise<string> {
    const [row] = await manager.query(
      `INSERT INTO placements (application_id, migrant_id, vacancy_id, employer_id, fair_id, contract_start_date,
                               contract_end_date, terms_snapshot_id, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [
        p.application.id,
        p.application.migrantId,
        p.application.vacancyId,
        p.application.employerId,
        p.application.fairId,
        p.contractStartDate,
        p.contractEndDate,
        p.application.termsSnapshotId,
        p.createdBy,
      ],
    );
    return row.id as string;
  }

  async findPlacement(id: string, manager?: EntityManager): Promise<PlacementRow | null> {
    const rows = await (manager ?? this.dataSource.manager).query(
      `SELECT ${PLACEMENT_COLUMNS}
         FROM placements p JOIN migrants m ON m.id = p.migrant_id JOIN vacancies v ON v.id = p.vacancy_id
        WHERE p.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  async lockPlacement(
    manager: EntityManager,
    id: string,
  ): Promise<{ employerId: string; status: string; contractStartDate: string } | null> {
    const rows = await manager.query(
      `SELECT employer_id AS "employerId", status, contract_start_date::text AS "contractStartDate"
         FROM placements WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return rows[0] ?? null;
  }

  async terminatePlacement(manager: EntityManager, id: string, date: string, reason: string): Promise<void> {
    await manager.query(
      `UPDATE placements SET status = 'terminated', terminated_on = $2, termination_reason = $3, updated_at = now()
        WHERE id = $1`,
      [id, date, reason],
    );
  }

  async listPlacements(
    filter: { employerId?: string; migrantId?: string; status?: string },
    offset: number,
    limit: number,
  ): Promise<{ items: PlacementRow[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const param = binder(params);
    if (filter.employerId) where.push(`p.employer_id = ${param(filter.employerId)}`);
    if (filter.migrantId) where.push(`p.migrant_id = ${param(filter.migrantId)}`);
    if (filter.status) where.push(`p.status = ${param(filter.status)}`);
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM placements p ${clause}`,
      params,
    );
    const items = await this.dataSource.query(
      `SELECT ${PLACEMENT_COLUMNS}
         FROM placements p JOIN migrants m ON m.id = p.migrant_id JOIN vacancies v ON v.id = p.vacancy_id
         ${clause} ORDER BY p.created_at DESC, p.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, limit, offset],
    );
    return { items, total };
  }

  // --- obligations ---

  async insertObligation(
    manager: EntityManager,
    o: {
      employerId: string;
      placementId: string;
      kind: ObligationKind;
      eventDate: string;
      dueDate: string;
      legalBasis: string;
    },
  ): Promise<string> {
    const [row] = await manager.query(
      `INSERT INTO employer_obligations (employer_id, placement_id, kind, event_date, due_date, legal_basis)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [o.employerId, o.placementId, o.kind, o.eventDate, o.dueDate, o.legalBasis],
    );
    return row.id as string;
  }

  async findObligation(id: string, manager?: EntityManager): Promise<ObligationRow | null> {
    const rows = await (manager ?? this.dataSource.manager).query(
      `SELECT ${OBLIGATION_COLUMNS(MOSCOW_TODAY)}
         FROM employer_obligations o JOIN placements p ON p.id = o.placement_id JOIN migrants m ON m.id = p.migrant_id
        WHERE o.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  async lockObligation(
    manager: EntityManager,
    id: string,
  ): Promise<{ employerId: string; status: string } | null> {
    const rows = await manager.query(
      `SELECT employer_id AS "employerId", status FROM employer_obligations WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return rows[0] ?? null;
  }

  async completeObligation(
    manager: EntityManager,
    id: string,
    completedAt: Date,
    reference: string,
    by: string,
  ): Promise<void> {
    await manager.query(
      `UPDATE employer_obligations SET status = 'done', completed_at = $2, reference = $3, completed_by = $4
        WHERE id = $1`,
      [id, completedAt, reference, by],
    );
  }

  async listObligations(
    filter: { employerId?: string; status?: 'open' | 'overdue' | 'done' },
    offset: number,
    limit: number,
  ): Promise<{ items: ObligationRow[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const param = binder(params);
    if (filter.employerId) where.push(`o.employer_id = ${param(filter.employerId)}`);
    if (filter.status === 'open') where.push(`o.status = 'open'`);
    if (filter.status === 'done') where.push(`o.status = 'done'`);
    if (filter.status === 'overdue') where.push(`o.status = 'open' AND o.due_date < ${MOSCOW_TODAY}`);
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM employer_obligations o ${clause}`,
      params,
    );
    const items = await this.dataSource.query(
      `SELECT ${OBLIGATION_COLUMNS(MOSCOW_TODAY)}
         FROM employer_obligations o JOIN placements p ON p.id = o.placement_id JOIN migrants m ON m.id = p.migrant_id
         ${clause} ORDER BY o.due_date, o.created_at, o.id
        LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, limit, offset],
    );
    return { items, total };
  }

  /** Open duties due on `dueDate` (the reminder) or before `today` (overdue), with who to tell. */
  async obligationsToRemind(today: string, tomorrow: string) {
    return this.dataSource.query(
      `SELECT o.id, o.employer_id AS "employerId", o.event_date::text AS "eventDate", o.due_date::text AS "dueDate",
              (o.due_date < $1::date) AS overdue, m.full_name AS "workerName"
         FROM employer_obligations o JOIN placements p ON p.id = o.placement_id JOIN migrants m ON m.id = p.migrant_id
        WHERE o.status = 'open' AND (o.due_date = $2::date OR o.due_date < $1::date)
        ORDER BY o.due_date, o.id`,
      [today, tomorrow],
    ) as Promise<
      {
        id: string;
        employerId: string;
        eventDate: string;
        dueDate: string;
        overdue: boolean;
        workerName: string | null;
      }[]
    >;
  }

  /** Patents whose paid period ends on `until`, held by people in an active placement that day. */
  async patentsEndingOn(until: string) {
    return this.dataSource.query(
      `SELECT DISTINCT d.id AS "documentId", d.region, d.valid_until::text AS "validUntil", p.migrant_id AS "migrantId",
              p.employer_id AS "employerId", m.full_name AS "workerName"
         FROM migrant_documents d
         JOIN placements p ON p.migrant_id = d.migrant_id AND p.status = 'active'
                          AND (p.contract_end_date IS NULL OR p.contract_end_date >= d.valid_until)
         JOIN migrants m ON m.id = d.migrant_id AND m.status = 'active'
        WHERE d.type = 'patent' AND d.valid_until = $1::date
        ORDER BY d.id`,
      [until],
    ) as Promise<
      {
        documentId: string;
        region: string | null;
        validUntil: string;
        migrantId: string;
        employerId: string;
        workerName: string | null;
      }[]
    >;
  }

  async userIdsOfEmployer(manager: EntityManager, employerId: string): Promise<string[]> {
    const rows = await manager.query(
      `SELECT id FROM users WHERE employer_id = $1 AND role = 'employer' AND NOT disabled ORDER BY created_at`,
      [employerId],
    );
    return rows.map((r: { id: string }) => r.id);
  }

  async employerCountry(manager: EntityManager, employerId: string): Promise<string | null> {
    const rows = await manager.query(`SELECT country FROM employers WHERE id = $1`, [employerId]);
    return rows[0]?.country ?? null;
  }

  async migrantContact(
    manager: EntityManager,
    migrantId: string,
  ): Promise<{ phone: string | null; fullName: string | null; preferredLanguage: string } | null> {
    const rows = await manager.query(
      `SELECT phone, full_name AS "fullName", preferred_language AS "preferredLanguage"
         FROM migrants WHERE id = $1 AND status = 'active'`,
      [migrantId],
    );
    return rows[0] ?? null;
  }

  async userIdOfMigrant(manager: EntityManager, migrantId: string): Promise<string | null> {
    const rows = await manager.query(`SELECT id FROM users WHERE migrant_id = $1 AND NOT disabled`, [
      migrantId,
    ]);
    return rows[0]?.id ?? null;
  }
}
