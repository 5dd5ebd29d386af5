import { DataSource } from 'typeorm';
import { TestApp, login } from 'test/harness/app';

export interface RegisteredMigrant {
  id: string;
  token: string;
  /** E.164, as stored and used to log in. */
  phone: string;
  /** `YYYY-MM-DD`. */
  birthDate: string;
  password: string;
}

let sequence = 0;

/** A valid, run-unique Uzbek mobile number (+998 90 …). */
export function uniqueMigrantPhone(): string {
  sequence += 1;
  const digits = (Math.floor(Math.random() * 9_000_000) + sequence * 7919) % 10_000_000;
  return `+99890${String(digits).padStart(7, '0')}`;
}

/** A random adult birth date, so that unrelated test people are rarely born the same day. */
export function randomBirthDate(): string {
  const year = 1965 + Math.floor(Math.random() * 38);
  const month = 1 + Math.floor(Math.random() * 12);
  const day = 1 + Math.floor(Math.random() * 28);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A name unlikely to resemble another test person's. */
export function uniquePersonName(): string {
  const letters = 'bdfgklmnprstvz';
  const vowels = 'aeiou';
  let word = '';
  for (let i = 0; i < 8; i++) {
    const pool = i % 2 ? vowels : letters;
    word += pool[Math.floor(Math.random() * pool.length)];
  }
  return `${word[0].toUpperCase()}${word.slice(1)} Testov`;
}

/** The body of POST /v1/migrants with valid defaults; override any field. */
export function migrantRegistration(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    fullName: uniquePersonName(),
    birthDate: randomBirthDate(),
    gender: 'male',
    citizenship: 'UZ',
    phone: uniqueMigrantPhone(),
    preferredLanguage: 'ru',
    languages: [{ code: 'ru', level: 'B1' }],
    occupations: [{ code: '7112', years: 3 }],
    desiredRegions: ['RU-MOW'],
    consent: { dataProcessing: true, visibleToEmployers: false, version: '2025-01' },
    password: 'migrant-password-1',
    ...overrides,
  };
}

/** Registers a migrant online and logs them in with phone and password. */
export async function registerMigrant(
  t: TestApp,
  overrides: Record<string, unknown> = {},
): Promise<RegisteredMigrant> {
  const body = migrantRegistration(overrides);
  const res = await t.http().post('/v1/migrants').send(body);
  if (res.status !== 201)
    throw new Error(`migrant registration failed: ${res.status} ${JSON.stringify(res.body)}`);
  const phone = body.phone as string;
  const password = body.password as string;
  const token = await login(t, { phone, password });
  return { id: res.body.id as string, token, phone, birthDate: body.birthDate as string, password };
}

/** Adds a document to a migrant (as the migrant or staff) and returns its id. */
export async function addMigrantDocument(
  t: TestApp,
  token: string,
  migrantId: string,
  document: Record<string, unknown>,
): Promise<string> {
  const res = await t
    .http()
    .post(`/v1/migrants/${migrantId}/documents`)
    .set('authorization', `Bearer ${token}`)
    .send(document);
  if (res.status !== 201)
    throw new Error(`document create failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}

/**
 * A verified employer with one published vacancy, written straight to the tables (for tests that need a
 * vacancy without going through the employers API).
 */
export async function insertEmployerWithVacancy(
  ds: DataSource,
  options: {
    country?: 'RU' | 'KZ';
    kind?: 'company' | 'individual';
    region?: string;
    startDate?: string;
    occupationCode?: string;
    salary?: number;
    quotaAvailable?: boolean;
  } = {},
): Promise<{ employerId: string; vacancyId: string }> {
  const country = options.country ?? 'RU';
  const [employer] = await ds.query(
    `INSERT INTO employers (kind, name, country, tax_id, region, address, contact_name, email, phone, status)
     VALUES ($1, $2, $3, $4, $5, 'Test street 1', 'HR', $6, '+74951234567', 'verified') RETURNING id`,
    [
      options.kind ?? 'company',
      `Test employer ${uniqueMigrantPhone()}`,
      country,
      `T${uniqueMigrantPhone().slice(-9)}${Math.floor(Math.random() * 1000)}`,
      country === 'RU' ? 'RU-MOW' : 'KZ-71',
      `hr${uniqueMigrantPhone().slice(-9)}@example.org`,
    ],
  );
  const [vacancy] = await ds.query(
    `INSERT INTO vacancies (employer_id, title, description, occupation_code, region, city, salary_min,
                            salary_currency, salary_period, salary_gross, positions, schedule, start_date,
                            housing_provided, foreigners_accepted, quota_available, status, published_at)
     VALUES ($1, 'Test vacancy', 'Test', $2, $3, 'City', $4, $5, 'month', true, 1, 'full_time', $6,
             false, true, $7, 'published', now())
     RETURNING id`,
    [
      employer.id,
      options.occupationCode ?? '7112',
      options.region ?? (country === 'RU' ? 'RU-MOW' : 'KZ-71'),
      options.salary ?? 90000,
      country === 'RU' ? 'RUB' : 'KZT',
      options.startDate ?? '2030-03-01',
      options.quotaAvailable ?? false,
    ],
  );
  return { employerId: employer.id as string, vacancyId: vacancy.id as string };
}
