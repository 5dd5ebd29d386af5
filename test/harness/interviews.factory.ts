/**
 * Factories for interview tests: migrants and applications written straight to the tables (the
 * applications API is built elsewhere), slots and bookings over HTTP.
 */
import { DataSource } from 'typeorm';
import { TestApp, unique } from 'test/harness/app';
import { uniqueMigrantPhone, uniquePersonName } from 'test/harness/migrants.factory';

export interface SlotInput {
  startsAt: Date | string;
  endsAt: Date | string;
  mode?: 'in_person' | 'video' | 'phone';
  location?: string;
  fairId?: string;
}

/** A migrant profile without a login (as a kiosk registers one), with a unique phone and optional e-mail. */
export async function insertMigrant(
  t: TestApp,
  options: { email?: string | null; preferredLanguage?: string } = {},
): Promise<{ id: string; phone: string; email: string | null }> {
  const phone = uniqueMigrantPhone();
  const email = options.email === undefined ? `${unique('cand')}@test.jobfair.local` : options.email;
  const [row] = await t.app.get(DataSource).query(
    `INSERT INTO migrants (full_name, gender, citizenship, phone, email, preferred_language, source,
                           consent_version, consent_at)
     VALUES ($1, 'male', 'UZ', $2, $3, $4, 'kiosk', '2025-01', now()) RETURNING id`,
    [uniquePersonName(), phone, email, options.preferredLanguage ?? 'ru'],
  );
  return { id: row.id as string, phone, email };
}

/** An application (with its first history row) of a migrant to a vacancy. */
export async function insertApplication(
  t: TestApp,
  migrantId: string,
  vacancyId: string,
  status: 'submitted' | 'shortlisted' = 'submitted',
): Promise<string> {
  const ds = t.app.get(DataSource);
  const [row] = await ds.query(
    `INSERT INTO applications (migrant_id, vacancy_id, employer_id, status, source)
     SELECT $1, v.id, v.employer_id, $3, 'online' FROM vacancies v WHERE v.id = $2 RETURNING id`,
    [migrantId, vacancyId, status],
  );
  await ds.query(
    `INSERT INTO application_transitions (application_id, from_status, to_status, actor_role)
     VALUES ($1, NULL, $2, 'system')`,
    [row.id, status],
  );
  return row.id as string;
}

export async function applicationStatus(t: TestApp, applicationId: string): Promise<string> {
  const [row] = await t.app
    .get(DataSource)
    .query(`SELECT status FROM applications WHERE id = $1`, [applicationId]);
  return row.status as string;
}

/** A slot body; `inMinutes` from now (whole seconds), `minutes` long. */
export function slotAt(inMinutes: number, minutes = 20, extra: Partial<SlotInput> = {}): SlotInput {
  const startsAt = new Date(Math.floor((Date.now() + inMinutes * 60_000) / 1000) * 1000);
  return {
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + minutes * 60_000).toISOString(),
    mode: 'in_person',
    location: 'Booth A-1',
    ...extra,
  };
}

export async function createSlots(
  t: TestApp,
  token: string,
  vacancyId: string,
  slots: SlotInput[],
): Promise<Array<{ id: string; startsAt: string; endsAt: string }>> {
  const res = await t
    .http()
    .post(`/v1/vacancies/${vacancyId}/interview-slots`)
    .set('authorization', `Bearer ${token}`)
    .send({ slots });
  if (res.status !== 201) throw new Error(`slot create failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.items;
}

export async function bookInterview(
  t: TestApp,
  token: string,
  applicationId: string,
  slotId: string,
): Promise<{ id: string; startsAt: string; endsAt: string; status: string }> {
  const res = await t
    .http()
    .post(`/v1/applications/${applicationId}/interview`)
    .set('authorization', `Bearer ${token}`)
    .send({ slotId });
  if (res.status !== 201) throw new Error(`booking failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}
