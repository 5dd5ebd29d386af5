/**
 * The employer portal's state as signals and the actions that change it. Screens read these and call
 * the actions; this file and vacancy.ts are the only ones that talk to the API.
 */
import { batch, signal } from '@preact/signals';
import type { ComponentChildren } from 'preact';
import { Schemas, call, createApi } from '../api/client';
import { EmployerLang, MessageKey, t } from '../i18n/employer';
import { describeError } from '../shared/Problem';

const TOKEN_KEY = 'jobfair.employer.token';
const LANG_KEY = 'jobfair.employer.lang';

export type Tab = 'vacancies' | 'new' | 'obligations' | 'recruitment';
export const TABS: Array<[Tab, MessageKey]> = [
  ['vacancies', 'tabVacancies'],
  ['new', 'tabNew'],
  ['obligations', 'tabObligations'],
  ['recruitment', 'tabRecruitment'],
];

export type Me = Schemas['MeDto'];
export type Employer = Schemas['EmployerDto'];
export type Vacancy = Schemas['VacancyDto'];
export type Region = Schemas['RegionDto'];
export type Obligation = Schemas['ObligationDto'];

export const lang = signal<EmployerLang>(localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'ru');
export const me = signal<Me | null>(null);
export const employer = signal<Employer | null>(null);
export const tab = signal<Tab>('vacancies');
/** The vacancy open in the detail view (null: the tab's own view). */
export const openVacancyId = signal<string | null>(null);
/** What a message's link points at: `#applications/<id>`, `#interviews/<id>` or `#obligations`. */
export const linkTarget = signal<
  { kind: 'applications' | 'interviews'; id: string } | { kind: 'obligations' } | null
>(readLink());
/** The applicant row a link brought to view. */
export const focusApplicationId = signal<string | null>(null);

function readLink() {
  const object = /^#(applications|interviews)\/([0-9a-f-]{36})$/.exec(location.hash);
  const target = object
    ? { kind: object[1] as 'applications' | 'interviews', id: object[2] }
    : location.hash === '#obligations'
      ? { kind: 'obligations' as const }
      : null;
  if (target) history.replaceState(null, '', location.pathname);
  return target;
}
export const authMode = signal<'login' | 'register'>(location.hash === '#register' ? 'register' : 'login');
export const message = signal<{ kind: 'error' | 'notice'; text: ComponentChildren } | null>(null);
export const loading = signal(false);
export const vacancies = signal<Vacancy[]>([]);
export const obligations = signal<Obligation[]>([]);
/** Occupation names in the page's language by code (vacancies carry the English ISCO-08 title). */
export const occupationNames = signal<Map<string, string>>(new Map());

export const tr = (key: MessageKey, params?: Record<string, string | number>) => t(lang.value, key, params);
const token = () => localStorage.getItem(TOKEN_KEY);
export const api = createApi(token);

export function fail(e: unknown): void {
  message.value = { kind: 'error', text: describeError(e, 'Network error') };
}
export function notice(text: string): void {
  message.value = { kind: 'notice', text };
}

export const occupationName = (v: Vacancy) =>
  occupationNames.value.get(v.occupationCode) ?? v.occupationLabel;

const regionCache = new Map<string, Region[]>();
export async function regions(country: string): Promise<Region[]> {
  if (!regionCache.has(country))
    regionCache.set(
      country,
      await call(api.GET('/v1/reference/regions', { params: { query: { country } } })),
    );
  return regionCache.get(country)!;
}

async function loadOccupationNames(): Promise<void> {
  const page = await call(
    api.GET('/v1/reference/occupations', { params: { query: { lang: lang.value, pageSize: 100 } } }),
  );
  occupationNames.value = new Map(page.items.map((o) => [o.code, o.label]));
}

export function setLang(next: EmployerLang): void {
  lang.value = next;
  localStorage.setItem(LANG_KEY, next);
  void refresh();
}

export function switchTo(mode: 'login' | 'register'): void {
  batch(() => {
    authMode.value = mode;
    message.value = null;
  });
}

export async function signIn(email: string, password: string): Promise<void> {
  try {
    const res = await call(api.POST('/v1/auth/login', { body: { email, password } }));
    localStorage.setItem(TOKEN_KEY, res.accessToken);
    message.value = null;
    await boot();
  } catch (e) {
    fail(e);
  }
}

export function logout(): void {
  localStorage.removeItem(TOKEN_KEY);
  batch(() => {
    me.value = null;
    employer.value = null;
    message.value = null;
  });
}

/** Loaders of each tab; the vacancy detail loads itself (vacancy.ts). */
const loaders: Record<Tab, () => Promise<void>> = {
  vacancies: async () => {
    const [page] = await Promise.all([
      call(api.GET('/v1/vacancies', { params: { query: { mine: true, pageSize: 100, lang: lang.value } } })),
      loadOccupationNames(),
    ]);
    vacancies.value = page.items;
  },
  new: async () => {
    await regions(employer.value!.country);
  },
  obligations: async () => {
    const page = await call(api.GET('/v1/obligations', { params: { query: { pageSize: 100 } } }));
    obligations.value = page.items;
  },
  recruitment: () => recruitmentTab.load(),
};

/** Hook for the recruitment tab's loader, set by recruitment.ts (kept apart to keep files small). */
export const recruitmentTab = { load: async (): Promise<void> => undefined };

/** Hook for the vacancy detail's loader, set by vacancy.ts (kept apart to keep files small). */
export const detail = { load: async (_id: string): Promise<void> => undefined };

export async function open(next: Tab, vacancyId: string | null = null, keepMessage = false): Promise<void> {
  batch(() => {
    if (vacancyId !== openVacancyId.value) focusApplicationId.value = null;
    tab.value = next;
    openVacancyId.value = vacancyId;
    if (!keepMessage) message.value = null;
    loading.value = true;
  });
  try {
    if (vacancyId) await Promise.all([detail.load(vacancyId), loadOccupationNames()]);
    else await loaders[next]();
  } catch (e) {
    fail(e);
  } finally {
    loading.value = false;
  }
}

export async function refresh(): Promise<void> {
  if (me.value && employer.value?.status === 'verified') await open(tab.value, openVacancyId.value, true);
}

export async function boot(): Promise<void> {
  if (!token()) return;
  try {
    const who = await call(api.GET('/v1/auth/me'));
    if (who.role !== 'employer' || !who.employerId) {
      logout();
      message.value = { kind: 'error', text: tr('appTitle') };
      return;
    }
    me.value = who;
    employer.value = await call(
      api.GET('/v1/employers/{id}', { params: { path: { id: String(who.employerId) } } }),
    );
  } catch {
    logout();
    return;
  }
  if (employer.value.status !== 'verified') return;
  if (linkTarget.value) await openLink();
  else await open(tab.value, openVacancyId.value, true);
}

/** A link opened while the portal is already open only changes the fragment: follow it. */
export function followLink(): void {
  const target = readLink();
  if (!target) return;
  linkTarget.value = target;
  if (me.value && employer.value?.status === 'verified') void openLink();
}

/** Opens what the link pointed at: the vacancy holding the application or interview, or the duties. */
/** Counts links followed, so that an answer arriving after a newer link was opened is dropped. */
let linksFollowed = 0;

async function openLink(): Promise<void> {
  const target = linkTarget.value!;
  linkTarget.value = null;
  const followed = ++linksFollowed;
  if (target.kind === 'obligations') return open('obligations');
  try {
    const { vacancyId, applicationId } =
      target.kind === 'applications'
        ? await call(api.GET('/v1/applications/{id}', { params: { path: { id: target.id } } })).then((a) => ({
            vacancyId: a.vacancyId,
            applicationId: a.id,
          }))
        : await call(api.GET('/v1/interviews/{id}', { params: { path: { id: target.id } } }));
    if (followed !== linksFollowed) return;
    await open('vacancies', vacancyId);
    focusApplicationId.value = applicationId;
  } catch (e) {
    if (followed !== linksFollowed) return;
    await open('vacancies');
    fail(e);
  }
}
