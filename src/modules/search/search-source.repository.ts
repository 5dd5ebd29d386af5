import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { preparedQuery } from 'src/database/prepared-query';
import type { MigrantDocument, VacancyDocument } from 'src/modules/search/search.types';
import type { Schedule } from 'src/modules/vacancies/vacancy.entity';
import { monthlyAmount, workingTimeOf } from 'src/modules/vacancies/working-time';

type Row = Record<string, unknown>;

/** What the index should hold for one source row: this document, or nothing (remove at this version). */
export type SourceState<T> = { doc: T } | { remove: true; sourceVersion: number };

const VACANCY_SELECT = `
  SELECT v.id, v.title, v.description, v.occupation_code, v.region, v.city, v.salary_min, v.salary_max,
         v.salary_currency, v.salary_period, v.schedule, v.hours_per_week, v.shift_hours, v.shifts_per_month,
         v.start_date::text AS start_date,
         v.housing_provided, v.requirements, v.foreigners_accepted, v.quota_available, v.status,
         v.published_at, (extract(epoch FROM v.updated_at) * 1000)::bigint AS source_version,
         e.id AS employer_id, e.name AS employer_name, e.kind AS employer_kind, e.country,
         coalesce((SELECT array_agg(fv.fair_id ORDER BY fv.fair_id) FROM fair_vacancies fv
                   WHERE fv.vacancy_id = v.id), '{}') AS fair_ids
  FROM vacancies v JOIN employers e ON e.id = v.employer_id`;

const MIGRANT_SELECT = `
  SELECT m.id, m.status, m.citizenship, m.languages, m.occupations, m.desired_regions,
         m.available_from::text AS available_from, m.needs_housing, m.expected_salary_amount,
         m.expected_salary_currency, m.visible_to_employers, m.consent_withdrawn_at,
         m.preferred_language, (extract(epoch FROM m.updated_at) * 1000)::bigint AS source_version
  FROM migrants m`;

/**
 * Reads vacancies and migrants as the index needs them. The only place the search module reads
 * other features' tables, so a schema change there is fixed here.
 */
@Injectable()
export class SearchSourceRepository {
  private applicationsExist = false;

  constructor(private readonly db: DataSource) {}

  async vacancyState(id: string): Promise<SourceState<VacancyDocument>> {
    const rows: Row[] = await this.db.query(`${VACANCY_SELECT} WHERE v.id = $1`, [id]);
    const row = rows[0];
    // A row that is gone is gone for good (uuids are not reused): remove whatever version is held.
    if (!row) return { remove: true, sourceVersion: Date.now() };
    if (row.status !== 'published') return { remove: true, sourceVersion: Number(row.source_version) };
    return { doc: toVacancyDoc(row) };
  }

  /** A vacancy in any status, as a document, with its status (for owners and staff). */
  async vacancyAnyStatus(id: string): Promise<{ doc: VacancyDocument; status: string } | undefined> {
    const rows: Row[] = await this.db.query(`${VACANCY_SELECT} WHERE v.id = $1`, [id]);
    return rows[0] ? { doc: toVacancyDoc(rows[0]), status: rows[0].status as string } : undefined;
  }

  /** The fair's published vacancies of verified employers, as the kiosk shows them, in id order. */
  async fairVacancies(fairId: string): Promise<VacancyDocument[]> {
    const rows: Row[] = await this.db.query(
      `${VACANCY_SELECT}
        WHERE v.status = 'published' AND e.status = 'verified'
          AND EXISTS (SELECT 1 FROM fair_vacancies fv WHERE fv.fair_id = $1 AND fv.vacancy_id = v.id)
        ORDER BY v.id`,
      [fairId],
    );
    return rows.map(toVacancyDoc);
  }

  async migrantState(id: string): Promise<SourceState<MigrantDocument>> {
    const rows = await preparedQuery<Row>(this.db, `${MIGRANT_SELECT} WHERE m.id = $1`, [id]);
    const row = rows[0];
    if (!row) return { remove: true, sourceVersion: Date.now() };
    if (row.status !== 'active') return { remove: true, sourceVersion: Number(row.source_version) };
    return { doc: toMigrantDoc(row) };
  }

  countPublishedVacancies(): Promise<number> {
    return this.count(`SELECT count(*)::int AS n FROM vacancies WHERE status = 'published'`);
  }

  countActiveMigrants(): Promise<number> {
    return this.count(`SELECT count(*)::int AS n FROM migrants WHERE status = 'active'`);
  }

  private async count(sql: string): Promise<number> {
    const rows: Row[] = await this.db.query(sql);
    return rows[0].n as number;
  }

  /** Published vacancies in id order, `size` at a time (keyset pagination: no long transaction). */
  async *publishedVacancies(size = 1000): AsyncGenerator<VacancyDocument[]> {
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows: Row[] = await this.db.query(
        `${VACANCY_SELECT} WHERE v.status = 'published' AND v.id > $1 ORDER BY v.id LIMIT $2`,
        [after, size],
      );
      if (!rows.length) return;
      yield rows.map(toVacancyDoc);
      after = rows[rows.length - 1].id as string;
    }
  }

  async *activeMigrants(size = 1000): AsyncGenerator<MigrantDocument[]> {
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows: Row[] = await this.db.query(
        `${MIGRANT_SELECT} WHERE m.status = 'active' AND m.id > $1 ORDER BY m.id LIMIT $2`,
        [after, size],
      );
      if (!rows.length) return;
      yield rows.map(toMigrantDoc);
      after = rows[rows.length - 1].id as string;
    }
  }

  /** Migrants who applied to a vacancy; empty until the applications table exists. */
  async applicantIds(vacancyId: string): Promise<string[]> {
    if (!this.applicationsExist) {
      const [{ exists }]: Row[] = await this.db.query(
        `SELECT to_regclass('public.applications') IS NOT NULL AS exists`,
      );
      if (!exists) return [];
      // Tables are not dropped under a running application: ask once it exists.
      this.applicationsExist = true;
    }
    const rows: Row[] = await this.db.query(
      `SELECT DISTINCT migrant_id FROM applications WHERE vacancy_id = $1`,
      [vacancyId],
    );
    return rows.map((r) => r.migrant_id as string);
  }
}

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

function toVacancyDoc(row: Row): VacancyDocument {
  const requirements = (row.requirements ?? {}) as {
    languages?: Array<{ code: string; level: string }>;
    experienceYears?: number;
    skills?: string[];
  };
  const salaryMin = num(row.salary_min);
  const salaryMax = num(row.salary_max);
  const period = row.salary_period as VacancyDocument['salaryPeriod'];
  // Pay per month of the vacancy's own working time, converted as the minimum wage check does (working-time.ts).
  const schedule = row.schedule as Schedule;
  const wt = workingTimeOf({
    schedule,
    hoursPerWeek: num(row.hours_per_week),
    shiftHours: num(row.shift_hours),
    shiftsPerMonth: num(row.shifts_per_month),
  });
  const perMonth = (x: number) => Math.round(monthlyAmount(x, period, schedule, wt));
  const top = salaryMax ?? salaryMin;
  return {
    id: row.id as string,
    sourceVersion: Number(row.source_version),
    title: row.title as string,
    description: row.description as string,
    occupationCode: String(row.occupation_code).trim(),
    skills: requirements.skills ?? [],
    employerId: row.employer_id as string,
    employerName: row.employer_name as string,
    employerKind: row.employer_kind as VacancyDocument['employerKind'],
    country: row.country as string,
    region: row.region as string,
    city: (row.city as string) ?? null,
    salaryMin,
    salaryMax,
    currency: row.salary_currency ? String(row.salary_currency).trim() : null,
    salaryPeriod: period,
    salaryMonthly: salaryMin === null ? null : perMonth(salaryMin),
    salaryMonthlyMax: top === null ? null : perMonth(top),
    schedule: (row.schedule as string) ?? null,
    housing: !!row.housing_provided,
    foreignersAccepted: !!row.foreigners_accepted,
    quotaAvailable: !!row.quota_available,
    fairIds: (row.fair_ids as string[]) ?? [],
    startDate: (row.start_date as string) ?? null,
    languages: requirements.languages ?? [],
    experienceYears: requirements.experienceYears ?? null,
    publishedAt: new Date((row.published_at as Date | null) ?? Date.now()).toISOString(),
  };
}

function toMigrantDoc(row: Row): MigrantDocument {
  return {
    id: row.id as string,
    sourceVersion: Number(row.source_version),
    occupations: (row.occupations as MigrantDocument['occupations']) ?? [],
    desiredRegions: (row.desired_regions as string[]) ?? [],
    citizenship: row.citizenship as string,
    languages: (row.languages as MigrantDocument['languages']) ?? [],
    needsHousing: (row.needs_housing as boolean | null) ?? null,
    expectedSalary: num(row.expected_salary_amount),
    expectedCurrency: (row.expected_salary_currency as string | null) ?? null,
    availableFrom: (row.available_from as string | null) ?? null,
    visible: !!row.visible_to_employers && !row.consent_withdrawn_at,
    preferredLanguage: row.preferred_language as string,
  };
}
