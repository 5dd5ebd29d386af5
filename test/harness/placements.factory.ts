/**
 * Factories for the pipeline, placements and reports: applications and their history written straight to the
 * tables (as the applications module would), on top of employers, vacancies and migrants made over HTTP or SQL.
 */
import { DataSource } from 'typeorm';
import { ApplicationStatus } from 'src/modules/applications/application-state';
import { TestApp, unique } from 'test/harness/app';
import {
  createPublishedVacancy,
  createVerifiedEmployer,
  TestEmployer,
  validBin,
} from 'test/harness/supply.factory';
import { RegisteredMigrant, registerMigrant } from 'test/harness/migrants.factory';

export function dataSourceOf(t: TestApp): DataSource {
  return t.app.get(DataSource);
}

/** The forward path to each status, from submitted. */
const PATH: Record<string, ApplicationStatus[]> = {
  submitted: [],
  shortlisted: ['shortlisted'],
  interview_scheduled: ['shortlisted', 'interview_scheduled'],
  interviewed: ['shortlisted', 'interview_scheduled', 'interviewed'],
  offered: ['shortlisted', 'interview_scheduled', 'interviewed', 'offered'],
  hired: ['shortlisted', 'interview_scheduled', 'interviewed', 'offered', 'hired'],
  rejected: ['rejected'],
  withdrawn: ['withdrawn'],
};

export interface InsertApplication {
  migrantId: string;
  vacancyId: string;
  employerId: string;
  fairId?: string | null;
  status?: ApplicationStatus;
  /** When the application was created; transitions follow one day apart each. */
  createdAt?: string;
  source?: 'online' | 'kiosk';
  /** Extra path steps inserted before the target (e.g. a second interview). */
  path?: ApplicationStatus[];
}

/** An application with a history row per step, as `transitionApplication` would have written them. */
export async function insertApplication(ds: DataSource, a: InsertApplication): Promise<string> {
  const created = a.createdAt ?? new Date().toISOString();
  const [row] = await ds.query(
    `INSERT INTO applications (migrant_id, vacancy_id, employer_id, status, source, fair_id, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id`,
    [
      a.migrantId,
      a.vacancyId,
      a.employerId,
      a.status ?? 'submitted',
      a.source ?? (a.fairId ? 'kiosk' : 'online'),
      a.fairId ?? null,
      created,
    ],
  );
  const steps = a.path ?? PATH[a.status ?? 'submitted'];
  let from: ApplicationStatus | null = null;
  const all: ApplicationStatus[] = ['submitted', ...steps];
  for (let i = 0; i < all.length; i++) {
    await ds.query(
      `INSERT INTO application_transitions (application_id, from_status, to_status, actor_role, created_at)
       VALUES ($1, $2, $3, 'system', $4::timestamptz + make_interval(days => $5))`,
      [row.id, from, all[i], created, i],
    );
    from = all[i];
  }
  return row.id as string;
}

/** A migrant straight in the table (no login), with a fair and citizenship of choice. */
export async function insertMigrant(
  ds: DataSource,
  m: {
    citizenship?: string;
    gender?: 'male' | 'female' | 'unspecified';
    occupations?: string[];
    desiredRegions?: string[];
    fairId?: string | null;
    source?: 'online' | 'kiosk';
    birthDate?: string;
  } = {},
): Promise<string> {
  const [row] = await ds.query(
    `INSERT INTO migrants (full_name, birth_date, gender, citizenship, preferred_language, occupations,
                           desired_regions, source, fair_id, consent_version, consent_at)
     VALUES ($1, $2, $3, $4, 'ru', $5::jsonb, $6, $7, $8, '2025-01', now()) RETURNING id`,
    [
      `Fixture ${unique()}`,
      m.birthDate ?? '1990-05-05',
      m.gender ?? 'male',
      m.citizenship ?? 'UZ',
      JSON.stringify((m.occupations ?? ['7112']).map((code) => ({ code, years: 2 }))),
      m.desiredRegions ?? ['RU-MOW'],
      m.source ?? (m.fairId ? 'kiosk' : 'online'),
      m.fairId ?? null,
    ],
  );
  return row.id as string;
}

/** A fair written straight to the table. */
export async function insertFair(ds: DataSource, name = `Fixture fair ${unique()}`): Promise<string> {
  const [row] = await ds.query(
    `INSERT INTO fairs (name, region, city, venue, starts_at, ends_at, timezone)
     VALUES ($1, 'RU-MOW', 'Москва', 'Venue', now() - interval '1 day', now() - interval '20 hours', 'Europe/Moscow')
     RETURNING id`,
    [name],
  );
  return row.id as string;
}

export async function insertAttendance(ds: DataSource, fairId: string, migrantId: string): Promise<void> {
  await ds.query(`INSERT INTO fair_attendance (fair_id, migrant_id) VALUES ($1, $2)`, [fairId, migrantId]);
}

export async function interviewsTableExists(ds: DataSource): Promise<boolean> {
  const [row] = await ds.query(`SELECT to_regclass('public.interviews') IS NOT NULL AS present`);
  return row.present as boolean;
}

/** Interview rows for an application (when the interviews table exists), in order. */
export async function insertInterviews(
  ds: DataSource,
  a: {
    applicationId: string;
    migrantId: string;
    vacancyId: string;
    employerId: string;
    fairId?: string | null;
  },
  count: number,
  options: { pending?: number } = {},
): Promise<void> {
  for (let i = 0; i < count; i++) {
    // The last `pending` interviews are still ahead: scheduled, attendance unknown.
    const pending = i >= count - (options.pending ?? 0);
    const starts = `2020-01-01T00:00:00Z`;
    const [slot] = await ds.query(
      `INSERT INTO interview_slots (vacancy_id, employer_id, fair_id, starts_at, ends_at, mode, location)
       VALUES ($1, $2, $3, $4::timestamptz + make_interval(hours => $5), $4::timestamptz + make_interval(hours => $5, mins => 30),
               'in_person', $6) RETURNING id`,
      [a.vacancyId, a.employerId, a.fairId ?? null, starts, i, `Booth ${unique()}`],
    );
    await ds.query(
      `INSERT INTO interviews (application_id, slot_id, migrant_id, employer_id, vacancy_id, starts_at, ends_at,
                               status, attended)
       SELECT $1, s.id, $2, $3, $4, s.starts_at, s.ends_at, $5, $6 FROM interview_slots s WHERE s.id = $7`,
      [
        a.applicationId,
        a.migrantId,
        a.employerId,
        a.vacancyId,
        pending ? 'scheduled' : 'completed',
        pending ? null : true,
        slot.id,
      ],
    );
  }
}

export interface HiringSetup {
  employer: TestEmployer;
  vacancy: { id: string; employerId: string };
}

/** A verified employer (RU by default) with one published vacancy of `positions` places. */
export async function createHiringSetup(
  t: TestApp,
  staff: string,
  options: { positions?: number; country?: 'RU' | 'KZ'; vacancy?: Record<string, unknown> } = {},
): Promise<HiringSetup> {
  const employer = await createVerifiedEmployer(t, {
    staff,
    overrides: options.country === 'KZ' ? kzEmployer() : {},
  });
  const vacancy = await createPublishedVacancy(t, employer.token, {
    positions: options.positions ?? 2,
    ...(options.country === 'KZ'
      ? {
          region: 'KZ-71',
          city: 'Астана',
          salary: { min: 400000, currency: 'KZT', period: 'month', gross: true },
        }
      : {}),
    ...options.vacancy,
  });
  return { employer, vacancy: { id: vacancy.id, employerId: employer.id } };
}

function kzEmployer(): Record<string, unknown> {
  return { country: 'KZ', taxId: validBin(), region: 'KZ-71', phone: '+7 717 212-34-56' };
}

/** A Kyrgyz citizen (EAEU: may work in Russia without a patent) with a phone login. */
export function registerEaeuMigrant(
  t: TestApp,
  overrides: Record<string, unknown> = {},
): Promise<RegisteredMigrant> {
  return registerMigrant(t, { citizenship: 'KG', ...overrides });
}
