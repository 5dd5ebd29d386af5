import { Injectable } from '@nestjs/common';
import { DataSource, QueryRunner } from 'typeorm';
import type { GroupBy } from 'src/modules/reports/reports.dto';

/** `[from, to]` as Moscow calendar days, to compare with timestamptz columns. */
const PERIOD = (a: string, b: string) =>
  `a.created_at >= (${a}::date::timestamp AT TIME ZONE 'Europe/Moscow')
   AND a.created_at < ((${b}::date + 1)::timestamp AT TIME ZONE 'Europe/Moscow')`;

/** Per grouping: the key on `applications a`, and its label joined to the aggregated rows `c`. */
const GROUP_KEYS: Record<GroupBy, { key: string; label: string; joins: string }> = {
  citizenship: { key: 'a.citizenship', label: 'NULL', joins: '' },
  gender: { key: 'a.gender', label: 'NULL', joins: '' },
  occupation: { key: 'a.occupation_code', label: 'NULL', joins: '' },
  region: { key: 'a.region', label: 'NULL', joins: '' },
  employer: {
    key: 'a.employer_id::text',
    label: 'e.name',
    joins: 'LEFT JOIN employers e ON e.id::text = c.key',
  },
  fair: {
    key: `coalesce(a.fair_id::text, 'none')`,
    label: 'f.name',
    joins: `LEFT JOIN fairs f ON f.id::text = c.key`,
  },
};

export interface CountRow {
  key: string | null;
  label?: string | null;
  visitors: number;
  hires: number;
}

/** A row of the applications export as read; the service adds labels and local times. */
export type ExportRow = Record<Exclude<(typeof EXPORT_COLUMNS)[number], 'created_at'>, string | null> & {
  created_at: Date;
};

export const EXPORT_COLUMNS = [
  'id',
  'created_at',
  'status',
  'citizenship',
  'gender',
  'occupation',
  'region',
  'employer',
  'fair',
] as const;

@Injectable()
export class ReportsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async findFair(id: string) {
    const rows = await this.dataSource.query(
      `SELECT id, name, region, city, starts_at AS "startsAt", ends_at AS "endsAt" FROM fairs WHERE id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  async fairTotals(fairId: string) {
    const [row] = await this.dataSource.query(
      `SELECT
         (SELECT count(*)::int FROM fair_attendance WHERE fair_id = $1) AS visitors,
         (SELECT count(*)::int FROM migrants WHERE fair_id = $1 AND source = 'kiosk') AS registrations,
         (SELECT count(DISTINCT migrant_id)::int FROM applications WHERE fair_id = $1) AS applicants,
         (SELECT count(*)::int FROM applications WHERE fair_id = $1) AS applications,
         (SELECT count(DISTINCT t.application_id)::int FROM application_transitions t
            JOIN applications a ON a.id = t.application_id
           WHERE a.fair_id = $1 AND t.to_status = 'offered') AS offers,
         (SELECT count(DISTINCT t.application_id)::int FROM application_transitions t
            JOIN applications a ON a.id = t.application_id
           WHERE a.fair_id = $1 AND t.to_status = 'hired') AS hires`,
      [fairId],
    );
    return row as {
      visitors: number;
      registrations: number;
      applicants: number;
      applications: number;
      offers: number;
      hires: number;
    };
  }

  async interviewsTableExists(): Promise<boolean> {
    const [row] = await this.dataSource.query(
      `SELECT to_regclass('public.interviews') IS NOT NULL AS present`,
    );
    return row.present as boolean;
  }

  /** Interviews from the interviews table: booked (not cancelled), attended, and second interviews. */
  async fairInterviews(fairId: string) {
    const [row] = await this.dataSource.query(
      `WITH i AS (
         SELECT i.application_id, i.status, i.attended, i.result
           FROM interviews i JOIN applications a ON a.id = i.application_id
          WHERE a.fair_id = $1 AND i.status <> 'cancelled'
       ), per_app AS (
         SELECT application_id, count(*) AS n, bool_or(result = 'second_interview') AS invited
           FROM i GROUP BY application_id
       )
       SELECT (SELECT count(*)::int FROM i) AS scheduled,
              (SELECT count(*)::int FROM i
                WHERE attended IS TRUE OR (attended IS NULL AND status = 'completed')) AS attended,
              (SELECT count(*)::int FROM per_app WHERE n >= 2 OR invited) AS second`,
      [fairId],
    );
    return row as { scheduled: number; attended: number; second: number };
  }

  /** The same from the pipeline history, for installations without the interviews table. */
  async fairInterviewsFromHistory(fairId: string) {
    const [row] = await this.dataSource.query(
      `WITH t AS (
         SELECT t.application_id, t.to_status FROM application_transitions t
           JOIN applications a ON a.id = t.application_id
          WHERE a.fair_id = $1 AND t.to_status IN ('interview_scheduled', 'interviewed')
       )
       SELECT count(*) FILTER (WHERE to_status = 'interview_scheduled')::int AS scheduled,
              count(*) FILTER (WHERE to_status = 'interviewed')::int AS attended,
              (SELECT count(*)::int FROM (
                 SELECT application_id FROM t WHERE to_status = 'interview_scheduled'
                  GROUP BY application_id HAVING count(*) >= 2) s) AS second
         FROM t`,
      [fairId],
    );
    return row as { scheduled: number; attended: number; second: number };
  }

  /**
   * Visitors and hires of the fair by a migrant attribute (`m.citizenship`, `m.gender`) or, for occupations,
   * visitors by their first trade and hires by the vacancy's.
   */
  async fairBreakdown(fairId: string, by: 'citizenship' | 'gender' | 'occupation'): Promise<CountRow[]> {
    const visitorKey = by === 'occupation' ? `coalesce(m.occupations->0->>'code', 'unknown')` : `m.${by}`;
    const hireKey = by === 'occupation' ? 'btrim(v.occupation_code)' : `m.${by}`;
    return this.dataSource.query(
      `WITH v AS (
         SELECT ${visitorKey} AS key, count(*)::int AS visitors
           FROM fair_attendance fa JOIN migrants m ON m.id = fa.migrant_id
          WHERE fa.fair_id = $1 GROUP BY 1
       ), h AS (
         SELECT ${hireKey} AS key, count(DISTINCT a.id)::int AS hires
           FROM applications a JOIN migrants m ON m.id = a.migrant_id JOIN vacancies v ON v.id = a.vacancy_id
          WHERE a.fair_id = $1
            AND EXISTS (SELECT 1 FROM application_transitions t WHERE t.application_id = a.id AND t.to_status = 'hired')
          GROUP BY 1
       )
       SELECT coalesce(v.key, h.key) AS key, coalesce(v.visitors, 0) AS visitors, coalesce(h.hires, 0) AS hires
         FROM v FULL JOIN h ON h.key = v.key
        ORDER BY visitors DESC, hires DESC, key`,
      [fairId],
    );
  }

  /** Per employer at the fair: people who applied to it, and its hires. */
  async fairByEmployer(fairId: string): Promise<CountRow[]> {
    return this.dataSource.query(
      `SELECT a.employer_id::text AS key, e.name AS label, count(DISTINCT a.migrant_id)::int AS visitors,
              count(DISTINCT a.id) FILTER (WHERE EXISTS (
                SELECT 1 FROM application_transitions t WHERE t.application_id = a.id AND t.to_status = 'hired'))::int
                AS hires
         FROM applications a JOIN employers e ON e.id = a.employer_id
        WHERE a.fair_id = $1
        GROUP BY a.employer_id, e.name
        ORDER BY hires DESC, visitors DESC, label`,
      [fairId],
    );
  }

  /**
   * One scan of the period's applications, reading the report columns kept on each application (citizenship,
   * gender, occupation, region, `interviewed_at`, `hired_at`; see migration 1795410000000), counted in parallel,
   * and the median days to hire over the period's hires alone (a partial index), so a year of a million
   * applications does not have to be sorted.
   */
  async placementsReport(from: string, to: string, groupBy: GroupBy) {
    const g = GROUP_KEYS[groupBy];
    return this.dataSource.query(
      `WITH counts AS (
         SELECT ${g.key} AS key, count(*)::int AS applications,
                count(a.interviewed_at)::int AS interviews, count(a.hired_at)::int AS hires
           FROM applications a
          WHERE ${PERIOD('$1', '$2')}
          GROUP BY 1
       ), medians AS (
         SELECT ${g.key} AS key,
                percentile_cont(0.5) WITHIN GROUP (
                  ORDER BY extract(epoch FROM a.hired_at - a.created_at) / 86400) AS median
           FROM applications a
          WHERE a.hired_at IS NOT NULL AND ${PERIOD('$1', '$2')}
          GROUP BY 1
       )
       SELECT c.key, ${g.label} AS label, c.applications, c.interviews, c.hires, md.median AS "medianDaysToHire"
         FROM counts c
         LEFT JOIN medians md ON md.key IS NOT DISTINCT FROM c.key
         ${g.joins}
        ORDER BY c.applications DESC, c.key`,
      [from, to],
    ) as Promise<
      {
        key: string | null;
        label: string | null;
        applications: number;
        interviews: number;
        hires: number;
        medianDaysToHire: number | null;
      }[]
    >;
  }

  async demand(region: string | null, from: string, to: string) {
    return this.dataSource.query(
      `WITH open AS (
         SELECT btrim(v.occupation_code) AS code, count(*)::int AS vacancies,
                sum(greatest(v.positions - coalesce(p.taken, 0), 0))::int AS open_positions
           FROM vacancies v
           LEFT JOIN (SELECT vacancy_id, count(*) AS taken FROM placements WHERE status = 'active' GROUP BY vacancy_id) p
                  ON p.vacancy_id = v.id
          WHERE v.status = 'published' AND ($1::text IS NULL OR v.region = $1)
            AND v.start_date <= $3::date AND (v.end_date IS NULL OR v.end_date >= $2::date)
          GROUP BY 1
       ), seekers AS (
         SELECT o->>'code' AS code, count(DISTINCT m.id)::int AS seekers
           FROM migrants m CROSS JOIN LATERAL jsonb_array_elements(m.occupations) o
          WHERE m.status = 'active' AND ($1::text IS NULL OR $1 = ANY (m.desired_regions))
            AND (m.available_from IS NULL OR m.available_from <= $3::date)
            AND NOT EXISTS (SELECT 1 FROM placements p WHERE p.migrant_id = m.id AND p.status = 'active')
          GROUP BY 1
       )
       SELECT coalesce(open.code, seekers.code) AS code, coalesce(open.vacancies, 0) AS vacancies,
              coalesce(open.open_positions, 0) AS "openPositions", coalesce(seekers.seekers, 0) AS seekers
         FROM open FULL JOIN seekers ON seekers.code = open.code
        ORDER BY "openPositions" DESC, seekers DESC, code`,
      [region, from, to],
    ) as Promise<{ code: string; vacancies: number; openPositions: number; seekers: number }[]>;
  }

  /**
   * A server-side cursor over every application row of the period, on its own connection and transaction, so
   * an export of millions of rows holds one batch in memory. The caller must `close()` it.
   */
  async openApplicationsCursor(from: string, to: string): Promise<ExportCursor> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction('REPEATABLE READ');
      await runner.query(
        `DECLARE applications_export NO SCROLL CURSOR FOR
         SELECT a.id, a.created_at, a.status,
                m.citizenship, m.gender, btrim(v.occupation_code) AS occupation, v.region, e.name AS employer,
                f.name AS fair
           FROM applications a
           JOIN migrants m ON m.id = a.migrant_id
           JOIN vacancies v ON v.id = a.vacancy_id
           JOIN employers e ON e.id = a.employer_id
           LEFT JOIN fairs f ON f.id = a.fair_id
          WHERE ${PERIOD('$1', '$2')}
          ORDER BY a.created_at, a.id`,
        [from, to],
      );
    } catch (error) {
      await release(runner);
      throw error;
    }
    return new ExportCursor(runner);
  }
}

export class ExportCursor {
  constructor(private readonly runner: QueryRunner) {}

  fetch(size: number): Promise<ExportRow[]> {
    return this.runner.query(`FETCH ${Math.trunc(size)} FROM applications_export`);
  }

  close(): Promise<void> {
    return release(this.runner);
  }
}

async function release(runner: QueryRunner): Promise<void> {
  if (runner.isReleased) return;
  if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
  await runner.release();
}
