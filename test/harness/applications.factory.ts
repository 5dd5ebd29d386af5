import { TestApp, staffToken } from 'test/harness/app';
import {
  RegisteredMigrant,
  randomBirthDate,
  registerMigrant,
  uniqueMigrantPhone,
  uniquePersonName,
} from 'test/harness/migrants.factory';
import {
  TestEmployer,
  VacancyView,
  createPublishedVacancy,
  createVerifiedEmployer,
} from 'test/harness/supply.factory';

export interface AppliedScenario {
  applicationId: string;
  migrant: RegisteredMigrant;
  employer: TestEmployer;
  vacancy: VacancyView;
}

/** The migrant applies online (`POST /v1/applications`); returns the answer body. */
export async function applyOnline(
  t: TestApp,
  migrantToken: string,
  vacancyId: string,
  message?: string,
): Promise<{ id: string; status: string; vacancyId: string; termsSnapshotId: string | null }> {
  const res = await t
    .http()
    .post('/v1/applications')
    .set('authorization', `Bearer ${migrantToken}`)
    .send({ vacancyId, ...(message ? { message } : {}) });
  if (res.status !== 201) throw new Error(`application failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/**
 * A migrant registered online who applied to a published vacancy of a verified employer. Pass `staff`,
 * `employer` or `vacancy` to reuse existing ones (e.g. several applicants to one vacancy).
 */
export async function createApplication(
  t: TestApp,
  options: {
    staff?: string;
    employer?: TestEmployer;
    vacancy?: VacancyView;
    migrant?: RegisteredMigrant;
    vacancyOverrides?: Record<string, unknown>;
    migrantOverrides?: Record<string, unknown>;
  } = {},
): Promise<AppliedScenario> {
  const employer =
    options.employer ?? (await createVerifiedEmployer(t, { staff: options.staff ?? (await staffToken(t)) }));
  const vacancy =
    options.vacancy ?? (await createPublishedVacancy(t, employer.token, options.vacancyOverrides));
  const migrant = options.migrant ?? (await registerMigrant(t, options.migrantOverrides));
  const applied = await applyOnline(t, migrant.token, vacancy.id);
  return { applicationId: applied.id, migrant, employer, vacancy };
}

/** A valid `POST /v1/kiosk/applications` body for a new visitor. */
export function kioskSubmission(
  vacancyIds: string[],
  migrant: Record<string, unknown> = {},
): { migrant: Record<string, unknown>; vacancyIds: string[] } {
  return {
    migrant: {
      fullName: uniquePersonName(),
      birthDate: randomBirthDate(),
      gender: 'male',
      citizenship: 'TJ',
      phone: uniqueMigrantPhone(),
      preferredLanguage: 'tg',
      consent: { dataProcessing: true, visibleToEmployers: true, version: '2025-01' },
      ...migrant,
    },
    vacancyIds,
  };
}
