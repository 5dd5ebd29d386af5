/**
 * The jobseeker's page: who is signed in, which tab is open and what it shows, and the actions that
 * change them. Screens read these signals and call these actions; only this file talks to the API.
 */
import { batch, signal } from '@preact/signals';
import { Schemas, call, createApi, newKey } from '../api/client';
import { isLang } from '../i18n/catalogue';
import { MessageKey, MigrantLang, t } from '../i18n/migrant';
import { describeError } from '../shared/Problem';

const TOKEN_KEY = 'jobfair.migrant.token';
const LANG_KEY = 'jobfair.migrant.lang';
export const CONSENT_VERSION = '2025-01';

export type Tab = 'matches' | 'applications' | 'profile' | 'help' | 'plan';
export const TABS: Array<[Tab, MessageKey]> = [
  ['matches', 'tabMatches'],
  ['applications', 'tabApplications'],
  ['profile', 'tabProfile'],
  ['help', 'tabHelp'],
  ['plan', 'tabPlan'],
];

export type Match = Schemas['VacancyMatchDto'];
export type Application = Schemas['ApplicationDto'];
export type Interview = Schemas['InterviewDto'];
export type Migrant = Schemas['MigrantDto'];
export type Me = Schemas['MeDto'];

function initialLang(): MigrantLang {
  const saved = localStorage.getItem(LANG_KEY);
  if (isLang(saved)) return saved;
  const nav = navigator.language.slice(0, 2);
  return isLang(nav) ? nav : 'ru';
}

export const lang = signal<MigrantLang>(initialLang());
export const me = signal<Me | null>(null);
export const tab = signal<Tab>('matches');
export const authMode = signal<'login' | 'register'>('login');
export const prefill = signal<{ phone?: string; code?: string }>({});
export const message = signal<{ kind: 'error' | 'notice'; text: string } | null>(null);
export const loading = signal(false);
export const occupations = signal<Array<{ code: string; label: string }>>([]);
export const matches = signal<Match[]>([]);
export const applications = signal<Application[]>([]);
/** The next scheduled interview of each application, by application id. */
export const nextInterview = signal<Record<string, Interview | undefined>>({});
export const profile = signal<Migrant | null>(null);
/** What a message's link points at (`#applications/<id>`, `#interviews/<id>`): shown once signed in. */
export type LinkTarget = { kind: 'applications' | 'interviews'; id: string };
export const target = signal<LinkTarget | null>(null);
/** The interview a link opened, with the application it belongs to highlighted. */
export const linkedInterview = signal<Interview | null>(null);
export type PlanStep = Schemas['StoredPlanStepDto'];
/** The kept pre-departure plan: each step by its deadline, ticked off by the person as they go. */
export const plan = signal<PlanStep[]>([]);

export const tr = (key: MessageKey, params?: Record<string, string | number>) => t(lang.value, key, params);
const token = () => localStorage.getItem(TOKEN_KEY);
export const api = createApi(token);

export function fail(e: unknown): void {
  message.value = { kind: 'error', text: describeError(e, tr('offline')) };
}

export function setLang(next: MigrantLang): void {
  lang.value = next;
  localStorage.setItem(LANG_KEY, next);
  if (me.value) void openTab(tab.value, true);
  else if (authMode.value === 'register') void loadOccupations();
}

export function switchTo(mode: 'login' | 'register'): void {
  batch(() => {
    authMode.value = mode;
    message.value = null;
  });
  if (mode === 'register') void loadOccupations();
}

export async function loadOccupations(): Promise<void> {
  try {
    const page = await call(
      api.GET('/v1/reference/occupations', { params: { query: { lang: lang.value, pageSize: 100 } } }),
    );
    occupations.value = page.items;
  } catch {
    occupations.value = [];
  }
}

const cleanPhone = (phone: string) => phone.replace(/[\s()-]/g, '');

export async function signIn(phone: string, password?: string, accessCode?: string): Promise<void> {
  try {
    const res = await call(
      api.POST('/v1/auth/login', {
        body: {
          phone: cleanPhone(phone),
          ...(password ? { password } : {}),
          ...(accessCode ? { accessCode } : {}),
        },
      }),
    );
    localStorage.setItem(TOKEN_KEY, res.accessToken);
    message.value = null;
    prefill.value = {};
    await boot();
  } catch (e) {
    fail(e);
  }
}

export async function register(v: Record<string, string>): Promise<void> {
  const phone = cleanPhone(v.phone);
  try {
    await call(
      api.POST('/v1/migrants', {
        params: { header: { 'Idempotency-Key': newKey() } },
        body: {
          fullName: v.fullName.trim(),
          birthDate: v.birthDate,
          gender: v.gender as 'male' | 'female',
          citizenship: v.citizenship,
          phone,
          preferredLanguage: lang.value,
          ...(v.trade ? { occupations: [{ code: v.trade, years: 0 }] } : {}),
          consent: {
            dataProcessing: v.consent === 'on',
            visibleToEmployers: v.visible === 'on',
            version: CONSENT_VERSION,
          },
          password: v.password,
        },
      }),
    );
    authMode.value = 'login';
    await signIn(phone, v.password);
  } catch (e) {
    fail(e);
  }
}

export function logout(): void {
  localStorage.removeItem(TOKEN_KEY);
  me.value = null;
}

async function loadApplications(): Promise<Application[]> {
  const page = await call(api.GET('/v1/applications', { params: { query: { pageSize: 100 } } }));
  applications.value = page.items;
  return page.items;
}

/** Tabs whose loader lives in their own module (help.ts), registered there so this file stays small. */
export const extraLoaders: Partial<Record<Tab, () => Promise<void>>> = {};

const loaders: Record<Tab, () => Promise<void>> = {
  help: () => extraLoaders.help?.() ?? Promise.resolve(),
  matches: async () => {
    const [list] = await Promise.all([
      call(
        api.GET('/v1/migrants/{id}/matches', {
          params: { path: { id: String(me.value!.migrantId) }, query: { lang: lang.value } },
        }),
      ),
      loadApplications(),
    ]);
    matches.value = list.items;
  },
  applications: async () => {
    const apps = await loadApplications();
    const lists = await Promise.all(
      apps.map((a) =>
        call(api.GET('/v1/applications/{id}/interviews', { params: { path: { id: a.id } } })).then(
          (r) => r.items,
          () => [] as Interview[],
        ),
      ),
    );
    nextInterview.value = Object.fromEntries(
      apps.map((a, i) => [a.id, lists[i].find((x) => x.status === 'scheduled')]),
    );
    const wanted = target.value;
    if (wanted?.kind === 'interviews') {
      linkedInterview.value = lists.flat().find((x) => x.id === wanted.id) ?? null;
      if (!linkedInterview.value) message.value = { kind: 'error', text: tr('linkNotFound') };
    } else if (wanted?.kind === 'applications' && !apps.some((a) => a.id === wanted.id)) {
      message.value = { kind: 'error', text: tr('linkNotFound') };
    }
  },
  plan: async () => {
    plan.value = (
      await call(
        api.GET('/v1/migrants/{id}/pre-departure-plan', {
          params: { path: { id: String(me.value!.migrantId) }, query: {} },
        }),
      )
    ).items;
  },
  profile: async () => {
    profile.value = await call(
      api.GET('/v1/migrants/{id}', { params: { path: { id: String(me.value!.migrantId) } } }),
    );
  },
};

export async function openTab(next: Tab, keepMessage = false): Promise<void> {
  batch(() => {
    tab.value = next;
    if (!keepMessage) message.value = null;
    if (next !== 'applications') {
      target.value = null;
      linkedInterview.value = null;
    }
    loading.value = true;
  });
  try {
    await loaders[next]();
  } catch (e) {
    fail(e);
  } finally {
    loading.value = false;
  }
}

export async function apply(vacancyId: string, title: string): Promise<void> {
  try {
    await call(
      api.POST('/v1/applications', {
        params: { header: { 'Idempotency-Key': newKey() } },
        body: { vacancyId },
      }),
    );
    message.value = { kind: 'notice', text: `${tr('applied')}: ${title}` };
    await openTab('matches', true);
  } catch (e) {
    fail(e);
  }
}

export type Slot = Schemas['SlotDto'];
/** Free slots of the linked interview's vacancy, to move it to one of them. */
export const freeSlots = signal<Slot[] | null>(null);

export async function loadFreeSlots(vacancyId: string): Promise<void> {
  try {
    const list = await call(
      api.GET('/v1/vacancies/{id}/interview-slots', {
        params: { path: { id: vacancyId }, query: { available: true } },
      }),
    );
    freeSlots.value = list.items;
  } catch (e) {
    fail(e);
  }
}

/** The candidate cannot come: the interview is cancelled with their reason, and the employer told. */
export async function cancelInterview(id: string, reason: string): Promise<void> {
  try {
    linkedInterview.value = await call(
      api.POST('/v1/interviews/{id}/cancel', {
        params: { path: { id }, header: { 'Idempotency-Key': newKey() } },
        body: { reason },
      }),
    );
    await openTab('applications', true);
    message.value = { kind: 'notice', text: tr('interviewCancelledByYou') };
  } catch (e) {
    fail(e);
  }
}

/** The candidate takes another free slot of the same vacancy. */
export async function moveInterview(id: string, slotId: string): Promise<void> {
  try {
    linkedInterview.value = await call(
      api.POST('/v1/interviews/{id}/reschedule', {
        params: { path: { id }, header: { 'Idempotency-Key': newKey() } },
        body: { slotId },
      }),
    );
    freeSlots.value = null;
    await openTab('applications', true);
    message.value = { kind: 'notice', text: tr('interviewMovedByYou') };
  } catch (e) {
    fail(e);
  }
}

export async function withdraw(applicationId: string): Promise<void> {
  try {
    await call(
      api.POST('/v1/applications/{id}/withdraw', { params: { path: { id: applicationId } }, body: {} }),
    );
    await openTab('applications');
  } catch (e) {
    fail(e);
  }
}

export async function erase(migrantId: string): Promise<void> {
  if (!confirm(tr('eraseConfirm'))) return;
  try {
    await call(api.POST('/v1/migrants/{id}/erase', { params: { path: { id: migrantId } } }));
    logout();
    message.value = { kind: 'notice', text: tr('erased') };
  } catch (e) {
    fail(e);
  }
}

/** Reads who the token belongs to; anything but a migrant's token signs out. */
export async function boot(): Promise<void> {
  if (!token()) return;
  try {
    const who = await call(api.GET('/v1/auth/me'));
    if (who.role !== 'migrant' || !who.migrantId) throw new Error('not a migrant');
    me.value = who;
  } catch {
    logout();
    return;
  }
  await openTab(target.value ? 'applications' : tab.value, true);
}

/**
 * Reads the link the page was opened with. `#login?phone=…&code=…` (the kiosk's QR code, the access-code
 * message) signs straight in with the code, or fills in the phone; `#applications/<id>` and `#interviews/<id>`
 * (links in messages) open that application or interview once the person has signed in, and `#plan` (the
 * pre-departure reminders) or another tab's name opens that tab.
 */
export function readHash(): void {
  const login = /^#login(?:\?(.*))?$/.exec(location.hash);
  const object = /^#(applications|interviews)\/([0-9a-f-]{36})$/.exec(location.hash);
  const named = /^#(matches|applications|profile|help|plan)$/.exec(location.hash);
  if (!login && !object && !named) return;
  history.replaceState(null, '', location.pathname);
  if (named) {
    tab.value = named[1] as Tab;
    return;
  }
  if (object) {
    target.value = { kind: object[1] as LinkTarget['kind'], id: object[2] };
    return;
  }
  const p = new URLSearchParams(login![1] ?? '');
  prefill.value = { phone: p.get('phone') ?? undefined, code: p.get('code') ?? undefined };
}

/** Ticks a plan step off (its reminders stop) or back on. */
export async function tickStep(step: PlanStep, done: boolean): Promise<void> {
  try {
    await call(
      api.PATCH('/v1/migrants/{id}/pre-departure-plan/steps/{stepId}', {
        params: { path: { id: step.migrantId, stepId: step.id } },
        body: { done },
      }),
    );
    await openTab('plan', true);
  } catch (e) {
    fail(e);
  }
}
