/**
 * Factories for the supply side: employers, vacancies, fairs and kiosks, over HTTP. Every value that
 * must be unique (tax ids, emails) is generated, so specs can share one database.
 */
import { randomInt } from 'node:crypto';
import { kzCheckDigit } from 'src/common/validation/tax-id';
import { TestApp, login, staffToken, unique } from 'test/harness/app';

export const EMPLOYER_PASSWORD = 'employer-password-1';

const INN10_WEIGHTS = [2, 4, 10, 3, 5, 9, 4, 6, 8];
const INN11_WEIGHTS = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const INN12_WEIGHTS = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];

function randomDigits(n: number): string {
  let s = String(randomInt(1, 10)); // never a leading 0: tax office codes start at 01
  while (s.length < n) s += String(randomInt(0, 10));
  return s;
}

function check(digits: string, weights: number[]): number {
  return (weights.reduce((sum, w, i) => sum + w * Number(digits[i]), 0) % 11) % 10;
}

/** A random Russian organisation ИНН (10 digits) with a correct check digit. */
export function validInn10(): string {
  const d = randomDigits(9);
  return d + check(d, INN10_WEIGHTS);
}

/** A random 12-digit ИНН (individual entrepreneur) with correct check digits. */
export function validInn12(): string {
  const d = randomDigits(10);
  const d11 = d + check(d, INN11_WEIGHTS);
  return d11 + check(d11, INN12_WEIGHTS);
}

/** A random Kazakh БИН with a correct check digit. */
export function validBin(): string {
  for (;;) {
    const d = randomDigits(11);
    const c = kzCheckDigit(d);
    if (c !== undefined) return d + c;
  }
}

/** The same tax id with its last check digit changed. */
export function breakCheckDigit(taxId: string): string {
  const last = Number(taxId[taxId.length - 1]);
  return taxId.slice(0, -1) + String((last + 1) % 10);
}

/** A date `days` from today, YYYY-MM-DD (UTC). */
export function isoDate(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

export function employerBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: `ООО «Тест ${unique()}»`,
    country: 'RU',
    taxId: validInn10(),
    region: 'RU-MOW',
    address: 'Москва, ул. Тверская, 1',
    contactName: 'Ирина Петрова',
    email: `${unique('hr')}@employer.test`,
    phone: '+7 495 123-45-67',
    password: EMPLOYER_PASSWORD,
    ...overrides,
  };
}

/** A vacancy as the API answers it (the fields tests use most, typed). */
export interface VacancyView {
  id: string;
  employerId: string;
  status: string;
  version: number;
  termsSnapshotId: string | null;
  [field: string]: unknown;
}

/** A fair as the API answers it. */
export interface FairView {
  id: string;
  name: string;
  status: string;
  participants: Array<{ employerId: string; booth: string | null; vacancies: Array<{ id: string }> }>;
  [field: string]: unknown;
}

export interface TestEmployer {
  id: string;
  email: string;
  token: string;
  taxId: string;
}

/** Registers an employer (pending) and logs its user in. */
export async function registerEmployer(
  t: TestApp,
  overrides: Record<string, unknown> = {},
): Promise<TestEmployer> {
  const body = employerBody(overrides);
  const res = await t.http().post('/v1/employers').send(body);
  if (res.status !== 201)
    throw new Error(`employer register failed: ${res.status} ${JSON.stringify(res.body)}`);
  const token = await login(t, { email: body.email as string, password: body.password as string });
  return { id: res.body.id, email: body.email as string, token, taxId: body.taxId as string };
}

/** Registers an employer and has staff verify it; the token is the employer user's. */
export async function createVerifiedEmployer(
  t: TestApp,
  options: { staff?: string; overrides?: Record<string, unknown> } = {},
): Promise<TestEmployer> {
  const staff = options.staff ?? (await staffToken(t));
  const employer = await registerEmployer(t, options.overrides);
  const res = await t
    .http()
    .post(`/v1/employers/${employer.id}/verify`)
    .set('authorization', `Bearer ${staff}`);
  if (res.status !== 200)
    throw new Error(`employer verify failed: ${res.status} ${JSON.stringify(res.body)}`);
  return employer;
}

/** A valid vacancy draft body (cook in Moscow city, legal pay, no worker costs). */
export function vacancyBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: 'Повар горячего цеха',
    description: 'Приготовление блюд по технологическим картам. Официальное оформление.',
    occupationCode: '5120',
    region: 'RU-MOW',
    city: 'Москва',
    address: 'ул. Арбат, 10',
    location: { lat: 55.7505, lng: 37.5934 },
    salary: { min: 80000, max: 100000, currency: 'RUB', period: 'month', gross: true },
    positions: 3,
    schedule: 'full_time',
    startDate: isoDate(30),
    housing: { provided: true, costPerMonth: 0 },
    meals: true,
    requirements: { languages: [{ code: 'ru', level: 'A2' }], experienceYears: 1, medicalBook: true },
    foreignersAccepted: true,
    quotaAvailable: false,
    workerCosts: [
      { item: 'recruitment_fee', amount: 0 },
      { item: 'travel', amount: 0 },
    ],
    ...overrides,
  };
}

/** Creates a draft as the employer; returns the vacancy body of the answer. */
export async function createVacancy(
  t: TestApp,
  employerToken: string,
  overrides: Record<string, unknown> = {},
): Promise<VacancyView> {
  const res = await t
    .http()
    .post('/v1/vacancies')
    .set('authorization', `Bearer ${employerToken}`)
    .send(vacancyBody(overrides));
  if (res.status !== 201) throw new Error(`vacancy create failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Creates and publishes a vacancy (the employer must be verified). */
export async function createPublishedVacancy(
  t: TestApp,
  employerToken: string,
  overrides: Record<string, unknown> = {},
): Promise<VacancyView> {
  const draft = await createVacancy(t, employerToken, overrides);
  const res = await t
    .http()
    .post(`/v1/vacancies/${draft.id}/publish`)
    .set('authorization', `Bearer ${employerToken}`);
  if (res.status !== 200)
    throw new Error(`vacancy publish failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export function fairBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const startsAt = new Date(Date.now() + 2 * 3_600_000);
  const endsAt = new Date(startsAt.getTime() + 7 * 3_600_000);
  return {
    name: `Ярмарка вакансий ${unique()}`,
    region: 'RU-MOW',
    city: 'Москва',
    venue: 'ЦЗН «Моя работа», ул. Стромынка, 19',
    startsAt: startsAt.toISOString(),
    endsAt: endsAt.toISOString(),
    timezone: 'Europe/Moscow',
    languages: ['ru', 'uz', 'tg', 'ky'],
    ...overrides,
  };
}

/** Creates a fair as staff; by default it opens in two hours (so its kiosks work now). */
export async function createFair(
  t: TestApp,
  staff: string,
  overrides: Record<string, unknown> = {},
): Promise<FairView> {
  const res = await t
    .http()
    .post('/v1/fairs')
    .set('authorization', `Bearer ${staff}`)
    .send(fairBody(overrides));
  if (res.status !== 201) throw new Error(`fair create failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function addParticipant(
  t: TestApp,
  staff: string,
  fairId: string,
  employerId: string,
  booth?: string,
): Promise<void> {
  const res = await t
    .http()
    .post(`/v1/fairs/${fairId}/participants`)
    .set('authorization', `Bearer ${staff}`)
    .send({ employerId, ...(booth ? { booth } : {}) });
  if (res.status !== 201)
    throw new Error(`participant add failed: ${res.status} ${JSON.stringify(res.body)}`);
}

export async function addFairVacancies(
  t: TestApp,
  employerToken: string,
  fairId: string,
  vacancyIds: string[],
): Promise<void> {
  const res = await t
    .http()
    .post(`/v1/fairs/${fairId}/vacancies`)
    .set('authorization', `Bearer ${employerToken}`)
    .send({ vacancyIds });
  if (res.status !== 200)
    throw new Error(`fair vacancies add failed: ${res.status} ${JSON.stringify(res.body)}`);
}

/** Registers a kiosk for the fair; the token is a bearer token for @KioskOnly routes. */
export async function registerKiosk(
  t: TestApp,
  staff: string,
  fairId: string,
  label = 'Kiosk 1',
): Promise<{ id: string; token: string }> {
  const res = await t
    .http()
    .post(`/v1/fairs/${fairId}/kiosks`)
    .set('authorization', `Bearer ${staff}`)
    .send({ label });
  if (res.status !== 201) throw new Error(`kiosk register failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: res.body.id, token: res.body.token };
}

export interface FairScenario {
  staff: string;
  employer: TestEmployer;
  vacancy: VacancyView;
  fair: FairView;
  kiosk: { id: string; token: string };
}

/**
 * A whole fair ready for jobseekers: a verified employer with a published vacancy taking part in a
 * fair that opens in two hours, and a working kiosk.
 */
export async function createFairScenario(
  t: TestApp,
  options: { staff?: string; vacancy?: Record<string, unknown>; fair?: Record<string, unknown> } = {},
): Promise<FairScenario> {
  const staff = options.staff ?? (await staffToken(t));
  const employer = await createVerifiedEmployer(t, { staff });
  const vacancy = await createPublishedVacancy(t, employer.token, options.vacancy);
  const fair = await createFair(t, staff, options.fair);
  await addParticipant(t, staff, fair.id, employer.id, 'A-1');
  await addFairVacancies(t, employer.token, fair.id, [vacancy.id]);
  const kiosk = await registerKiosk(t, staff, fair.id);
  return { staff, employer, vacancy, fair, kiosk };
}
