import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { UserContact } from 'src/modules/notifications/notifications.service';
import type { ApplicationStatus } from 'src/modules/applications/application-state';
import type { EmployerKind } from 'src/modules/eligibility/eligibility.types';
import { preparedQuery } from 'src/database/prepared-query';
import { binder } from 'src/database/sql-params';

/** What applying to a vacancy needs to know about it and its employer. */
export interface VacancyTarget {
  id: string;
  title: string;
  status: string;
  employerId: string;
  employerName: string;
  employerStatus: string;
  employerCountry: string;
  employerKind: EmployerKind;
  termsSnapshotId: string | null;
  region: string;
  startDate: string;
  occupationCode: string;
  salaryMin: number;
  salaryCurrency: string;
  salaryPeriod: string;
  quotaAvailable: boolean;
}

export interface NewApplication {
  migrantId: string;
  vacancyId: string;
  employerId: string;
  termsSnapshotId: string | null;
  source: 'online' | 'kiosk';
  fairId: string | null;
  kioskId: string | null;
  message: string | null;
  eligibility: unknown;
}

export interface ApplicationRow {
  id: string;
  migrant_id: string;
  vacancy_id: string;
  vacancy_title: string;
  employer_id: string;
  employer_name: string;
  status: ApplicationStatus;
  source: 'online' | 'kiosk';
  fair_id: string | null;
  terms_snapshot_id: string | null;
  message: string | null;
  eligibility: Record<string, unknown> | null;
  created_at: Date;
  updated_at: Date;
}

/** Who is asking: a migrant sees their own, an employer those to its vacancies, staff everything. */
export type ApplicationScope = { migrantId: string } | { employerId: string } | { all: true };

export interface ApplicationFilter {
  vacancyId?: string;
  fairId?: string;
  status?: ApplicationStatus;
  from?: string;
  to?: string;
}

export interface KioskVacancyRow {
  id: string;
  title: string;
  description: string;
  occupation_code: string;
  region: string;
  city: string;
  address: string | null;
  salary_min: string;
  salary_max: string | null;
  salary_currency: string;
  salary_period: string;
  salary_gross: boolean;
  positions: number;
  schedule: string;
  hours_per_week: string | null;
  shift_hours: string | null;
  shifts_per_month: string | null;
  start_date: string;
  end_date: string | null;
  housing_provided: boolean;
  housing_cost: string | null;
  meals: boolean;
  requirements: Record<string, unknown>;
  worker_costs: Array<{ item: string; amount: number; note?: string }>;
  terms_snapshot_id: string | null;
  employer_id: string;
  employer_name: string;
  booth: string | null;
}

const SELECT_APPLICATION = `
  SELECT a.id, a.migrant_id, a.vacancy_id, v.title AS vacancy_title, a.employer_id, e.name AS employer_name,
         a.status, a.source, a.fair_id, a.terms_snapshot_id, a.message, a.eligibility, a.created_at, a.updated_at
    FROM applications a
    JOIN vacancies v ON v.id = a.vacancy_id
    JOIN employers e ON e.id = a.employer_id`;

const TARGET_COLUMNS = `v.id, v.title, v.status, v.employer_id, e.name AS employer_name,
  e.status AS employer_status, e.country, e.kind, v.current_terms_snapshot_id, v.region,
  v.start_date::text AS start_date, v.occupation_code, v.salary_min, v.salary_currency, v.salary_period,
  v.quota_available`;

function toTarget(r: Record<string, unknown>): VacancyTarget {
  return {
    id: r.id as string,
    title: r.title as string,
    status: r.status as string,
    employerId: r.employer_id as string,
    employerName: r.employer_name as string,
    employerStatus: r.employer_status as string,
    employerCountry: String(r.country).trim(),
    employerKind: r.kind as EmployerKind,
    termsSnapshotId: (r.current_terms_snapshot_id as string | null) ?? null,
    region: r.region as string,
    startDate: r.start_date as string,
    occupationCode: String(r.occupation_code).trim(),
    salaryMin: Number(r.salary_min),
    salaryCurrency: String(r.salary_currency).trim(),
    salaryPeriod: r.salary_period as string,
    quotaAvailable: r.quota_available as boolean,
  };
}

/** Every query on applications and fair attendance. */
export interface OwnRecordRow {
  id: string;
  status: string;
  vacancy_id: string;
  title: string;
  employer_name: string;
  created_at: Date;
  terms_snapshot_id: string | null;
  terms: Record<string, unknown> | null;
  placement_id: string | null;
  placement_status: string | null;
  contract_start_date: string | null;
  placement_snapshot_id: string | null;
  placement_terms: Record<string, unknown> | null;
}

@Injectable()
export class ApplicationsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async findVacancyTargets(ids: string[], manager?: EntityManager): Promise<VacancyTarget[]> {
    if (!ids.length) return [];
    const rows = await (manager ?? this.dataSource.manager).query(
      `SELECT ${TARGET_COLUMNS} FROM vacancies v JOIN employers e ON e.id = v.employer_id
        WHERE v.id = ANY($1::uuid[])`,
      [ids],
    );
    return rows.map(toTarget);
  }

  /**
   * The vacancies among `ids` as targets, which of them the fair shows, and the active users of their
   * employers with their contacts (who get `new_application`, oldest first), in one read.
   */
  async findFairVacancyTargets(
    fairId: string,
    ids: string[],
  ): Promise<{
    targets: VacancyTarget[];
    atFair: Set<string>;
    employerContacts: Map<string, UserContact[]>;
  }> {
    if (!ids.length) return { targets: [], atFair: new Set(), employerContacts: new Map() };
    const rows = await preparedQuery(
      this.dataSource,
      `SELECT ${TARGET_COLUMNS}, fv.vacancy_id IS NOT NULL AS at_fair,
              (SELECT coalesce(jsonb_agg(jsonb_build_object('id', u.id, 'email', u.email, 'phone', u.phone,
                        'preferred_language', u.preferred_language, 'display_name', u.display_name)
                      ORDER BY u.created_at), '[]')
                 FROM users u WHERE u.employer_id = v.employer_id AND NOT u.disabled) AS employer_users
         FROM vacancies v JOIN employers e ON e.id = v.employer_id
         LEFT JOIN fair_vacancies fv ON fv.fair_id = $2 AND fv.vacancy_id = v.id
        WHERE v.id = ANY($1::uuid[])`,
      [ids, fairId],
    );
    return {
      targets: rows.map(toTarget),
      atFair: new Set(rows.filter((r) => r.at_fair).map((r) => r.id as string)),
      employerContacts: new Map(
        rows.map((r) => [r.employer_id as string, r.employer_users as UserContact[]]),
      ),
    };
  }

  /** Inserts unless the person applied to the vacancy already; returns the new row or null. */
  async insertIfAbsent(
    manager: EntityManager,
    a: NewApplication,
  ): Promise<{ id: string; createdAt: Date } | null> {
    const rows: { id: string; created_at: Date }[] = await manager.query(
      `INSERT INTO applications (migrant_id, vacancy_id, employer_id, terms_snapshot_id, status, source, fair_id,
                                 kiosk_id, message, eligibility)
       VALUES ($1, $2, $3, $4, 'submitted', $5, $6, $7, $8, $9::jsonb)
       ON CONFLICT (migrant_id, vacancy_id) DO NOTHING
       RETURNING id, created_at`,
      [
        a.migrantId,
        a.vacancyId,
        a.employerId,
        a.termsSnapshotId,
        a.source,
        a.fairId,
        a.kioskId,
        a.message,
        a.eligibility === null || a.eligibility === undefined ? null : JSON.stringify(a.eligibility),
      ],
    );
    return rows[0] ? { id: rows[0].id, createdAt: rows[0].created_at } : null;
  }

  async findByMigrantAndVacancy(
    manager: EntityManager,
    migrantId: string,
    vacancyId: string,
  ): Promise<{ id: string; status: ApplicationStatus } | null> {
    const [row] = await manager.query(
      `SELECT id, status FROM applications WHERE migrant_id = $1 AND vacancy_id = $2`,
      [migrantId, vacancyId],
    );
    return row ?? null;
  }

  /**
   * Inserts each unless the person applied to that vacancy already, in one statement; returns the new rows by
   * vacancy id.
   */
  async insertManyIfAbsent(
    manager: EntityManager,
    list: NewApplication[],
    actor: { actorId: string | null; actorRole: string },
  ): Promise<Map<string, { id: string; createdAt: Date }>> {
    if (!list.length) return new Map();
    const values: unknown[] = [actor.actorId, actor.actorRole];
    const tuples = list.map((a) => {
      const o = values.length;
      values.push(
        a.migrantId,
        a.vacancyId,
        a.employerId,
        a.termsSnapshotId,
        a.source,
        a.fairId,
        a.kioskId,
        a.message,
        a.eligibility === null || a.eligibility === undefined ? null : JSON.stringify(a.eligibility),
      );
      return `($${o + 1}::uuid, $${o + 2}::uuid, $${o + 3}::uuid, $${o + 4}::uuid, 'submitted', $${o + 5},
        $${o + 6}::uuid, $${o + 7}::uuid, $${o + 8}, $${o + 9}::jsonb)`;
    });
    // The applications and their first history rows in one statement.
    const rows = await preparedQuery<{ id: string; vacancy_id: string; created_at: Date }>(
      manager,
      `WITH inserted AS (
         INSERT INTO applications (migrant_id, vacancy_id, employer_id, terms_snapshot_id, status, source, fair_id,
                                   kiosk_id, message, eligibility)
         VALUES ${tuples.join(', ')}
         ON CONFLICT (migrant_id, vacancy_id) DO NOTHING
         RETURNING id, vacancy_id, created_at
       ), history AS (
         INSERT INTO application_transitions (application_id, from_status, to_status, actor_id, actor_role)
         SELECT id, NULL, 'submitted', $1::uuid, $2 FROM inserted
       )
       SELECT id, vacancy_id, created_at FROM inserted`,
      values,
    );
    return new Map(rows.map((r) => [r.vacancy_id, { id: r.id, createdAt: r.created_at }]));
  }

  /** The person's existing applications to these vacancies, by vacancy id. */
  async findByMigrantAndVacancies(
    manager: EntityManager,
    migrantId: string,
    vacancyIds: string[],
  ): Promise<Map<string, { id: string; status: ApplicationStatus }>> {
    if (!vacancyIds.length) return new Map();
    const rows: { id: string; vacancy_id: string; status: ApplicationStatus }[] = await manager.query(
      `SELECT id, vacancy_id, status FROM applications WHERE migrant_id = $1 AND vacancy_id = ANY($2::uuid[])`,
      [migrantId, vacancyIds],
    );
    return new Map(rows.map((r) => [r.vacancy_id, { id: r.id, status: r.status }]));
  }

  /** Active users of each of these employers (who get `new_application`) with their contacts, oldest first. */
  async employerContactsMany(
    manager: EntityManager,
    employerIds: string[],
  ): Promise<Map<string, UserContact[]>> {
    const out = new Map<string, UserContact[]>(employerIds.map((id) => [id, []]));
    if (!employerIds.length) return out;
    const rows: (UserContact & { employer_id: string })[] = await manager.query(
      `SELECT id, employer_id, email, phone, preferred_language, display_name FROM users
        WHERE employer_id = ANY($1::uuid[]) AND NOT disabled ORDER BY created_at`,
      [employerIds],
    );
    for (const { employer_id, ...contact } of rows) out.get(employer_id)?.push(contact);
    return out;
  }

  /** Active users of these employers (who get `new_application`). */
  async employerUserIds(manager: EntityManager, employerId: string): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      `SELECT id FROM users WHERE employer_id = $1 AND NOT disabled ORDER BY created_at`,
      [employerId],
    );
    return rows.map((r) => r.id);
  }

  async findById(
    id: string,
    scope: ApplicationScope,
    manager?: EntityManager,
  ): Promise<ApplicationRow | null> {
    const params: unknown[] = [id];
    const where = ['a.id = $1', this.scopeClause(scope, binder(params))];
    const [row] = await (manager ?? this.dataSource.manager).query(
      `${SELECT_APPLICATION} WHERE ${where.join(' AND ')}`,
      params,
    );
    return row ?? null;
  }

  async findPage(
    scope: ApplicationScope,
    filter: ApplicationFilter,
    offset: number,
    limit: number,
  ): Promise<{ rows: ApplicationRow[]; total: number }> {
    const params: unknown[] = [];
    const param = binder(params);
    const where = [this.scopeClause(scope, param)];
    if (filter.vacancyId) where.push(`a.vacancy_id = ${param(filter.vacancyId)}`);
    if (filter.fairId) where.push(`a.fair_id = ${param(filter.fairId)}`);
    if (filter.status) where.push(`a.status = ${param(filter.status)}`);
    if (filter.from) where.push(`a.created_at >= ${param(filter.from)}::timestamptz`);
    if (filter.to) where.push(`a.created_at < ${param(filter.to)}::timestamptz`);
    const clause = where.join(' AND ');
    const [{ total }] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM applications a WHERE ${clause}`,
      params,
    );
    const rows = await this.dataSource.query(
      `${SELECT_APPLICATION} WHERE ${clause} ORDER BY a.created_at DESC, a.id
       OFFSET $${params.length + 1} LIMIT $${params.length + 2}`,
      [...params, offset, limit],
    );
    return { rows, total };
  }

  private scopeClause(scope: ApplicationScope, param: (value: unknown) => string): string {
    if ('migrantId' in scope) return `a.migrant_id = ${param(scope.migrantId)}`;
    if ('employerId' in scope) return `a.employer_id = ${param(scope.employerId)}`;
    return 'TRUE';
  }

  /**
   * A person's own applications, newest first, each with its vacancy's title, the employer's name, the terms
   * snapshot it pointed at and its placement (if hired) with that placement's snapshot.
   */
  async findOwnRecords(manager: EntityManager, migrantId: string): Promise<OwnRecordRow[]> {
    return preparedQuery<OwnRecordRow>(
      manager,
      `SELECT a.id, a.status, a.vacancy_id, v.title, e.name AS employer_name, a.created_at,
              a.terms_snapshot_id, s.terms, p.id AS placement_id, p.status AS placement_status,
              p.contract_start_date::text AS contract_start_date, p.terms_snapshot_id AS placement_snapshot_id,
              ps.terms AS placement_terms
         FROM applications a
         JOIN vacancies v ON v.id = a.vacancy_id
         JOIN employers e ON e.id = a.employer_id
         LEFT JOIN vacancy_terms_snapshots s ON s.id = a.terms_snapshot_id
         LEFT JOIN placements p ON p.application_id = a.id
         LEFT JOIN vacancy_terms_snapshots ps ON ps.id = p.terms_snapshot_id
        WHERE a.migrant_id = $1
        ORDER BY a.created_at DESC, a.id
        LIMIT 100`,
      [migrantId],
    );
  }

  // --- fair attendance ---

  /** One row per person per fair; a repeat visit counts up. Returns the visits so far. */
  async recordAttendance(
    manager: EntityManager,
    fairId: string,
    migrantId: string,
    kioskId: string,
  ): Promise<number> {
    const [row] = await manager.query(
      `INSERT INTO fair_attendance (fair_id, migrant_id, kiosk_id) VALUES ($1, $2, $3)
       ON CONFLICT (fair_id, migrant_id) DO UPDATE SET visits = fair_attendance.visits + 1
       RETURNING visits`,
      [fairId, migrantId, kioskId],
    );
    return Number(row.visits);
  }

  /** The fair's open vacancies of verified employers, with booth, for the kiosk screen. */
  findOpenFairVacancies(fairId: string): Promise<KioskVacancyRow[]> {
    return this.dataSource.query(
      `SELECT v.id, v.title, v.description, v.occupation_code, v.region, v.city, v.address, v.salary_min,
              v.salary_max, v.salary_currency, v.salary_period, v.salary_gross, v.positions, v.schedule,
              v.hours_per_week, v.shift_hours, v.shifts_per_month,
              v.start_date::text AS start_date, v.end_date::text AS end_date, v.housing_provided,
              v.housing_cost, v.meals, v.requirements, v.worker_costs,
              v.current_terms_snapshot_id AS terms_snapshot_id, e.id AS employer_id, e.name AS employer_name,
              p.booth
         FROM fair_vacancies fv
         JOIN vacancies v ON v.id = fv.vacancy_id
         JOIN employers e ON e.id = v.employer_id
         LEFT JOIN fair_participants p ON p.fair_id = fv.fair_id AND p.employer_id = fv.employer_id
        WHERE fv.fair_id = $1 AND v.status = 'published' AND e.status = 'verified'
        ORDER BY e.name, v.title, v.id`,
      [fairId],
    );
  }
}
