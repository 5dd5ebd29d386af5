/**
 * The fair kiosk: a touch screen where a migrant picks a language, agrees to how their data is used,
 * answers a few questions by touch, sees the fair's vacancies ranked for their trade with an
 * eligibility summary, and applies to several at once. The server decides ranking and eligibility.
 */
import QRCode from 'qrcode';
import '../lib/style.css';
import { ApiError, NetworkError, Page, api, newKey, qs } from '../lib/api';
import { Child, h, mount, money } from '../lib/dom';
import { KIOSK_LANGS, KioskLang, LANG_NAMES, MessageKey, isKioskLang, t } from './i18n';
import { KioskOutbox, SubmitOutcome } from './outbox';

const TOKEN_KEY = 'jobfair.kiosk.token';
const IDLE_KEY = 'jobfair.kiosk.idleMs';
const CONSENT_VERSION = '2025-01';
const MAIN_COUNTRIES = ['UZ', 'TJ', 'KG', 'KZ', 'AZ', 'MD', 'AM', 'BY'] as const;
const PHONE_PREFIX: Record<string, string> = {
  UZ: '+998',
  TJ: '+992',
  KG: '+996',
  KZ: '+7',
  AZ: '+994',
  MD: '+373',
  AM: '+374',
  BY: '+375',
};
const FLAGS: Record<string, string> = {
  UZ: '🇺🇿',
  TJ: '🇹🇯',
  KG: '🇰🇬',
  KZ: '🇰🇿',
  AZ: '🇦🇿',
  MD: '🇲🇩',
  AM: '🇦🇲',
  BY: '🇧🇾',
};

interface Fair {
  id: string;
  name: string;
  city: string;
  venue: string;
  region: string;
  participants: Array<{
    employerId: string;
    name: string;
    booth: string | null;
    vacancies: Array<{ id: string }>;
  }>;
}

interface Vacancy {
  id: string;
  title: string;
  employer?: { id: string; name: string };
  employerId: string;
  occupationCode: string;
  occupationLabel: string;
  region: string;
  regionName?: string;
  booth?: string | null;
  city: string;
  salary: { min: number; max?: number | null; currency: string; period: string };
  schedule: string;
  startDate: string;
  housing: { provided: boolean; costPerMonth?: number | null };
  quotaAvailable?: boolean;
}

/** GET /v1/kiosk/vacancies answers occupation, employer and region as objects. */
interface KioskVacancy extends Omit<
  Vacancy,
  'region' | 'occupationCode' | 'occupationLabel' | 'employer' | 'employerId'
> {
  occupation: { code: string; label: string };
  employer: { id: string; name: string; booth: string | null };
  region: { code: string; name: string };
}

function fromKiosk(v: KioskVacancy): Vacancy {
  return {
    ...v,
    employerId: v.employer.id,
    employer: { id: v.employer.id, name: v.employer.name },
    booth: v.employer.booth,
    occupationCode: v.occupation.code,
    occupationLabel: v.occupation.label,
    region: v.region.code,
    regionName: v.region.name,
  };
}

interface Occupation {
  code: string;
  label: string;
}
interface Region {
  code: string;
  nameRu: string;
  nameEn: string;
}
interface Eligibility {
  status: 'eligible' | 'conditional' | 'ineligible';
  steps: Array<{ code: string; message: string }>;
}

type Screen = 'language' | 'consent' | 'about' | 'phone' | 'trade' | 'vacancies' | 'review' | 'done';
const FLOW: Screen[] = ['language', 'consent', 'about', 'phone', 'trade', 'vacancies', 'review', 'done'];

interface Person {
  fullName: string;
  gender: 'male' | 'female' | '';
  citizenship: string;
  day: string;
  month: string;
  year: string;
  phone: string;
  trade: string | null;
  visibleToEmployers: boolean | null;
}

interface State {
  lang: KioskLang;
  screen: Screen;
  person: Person;
  selected: string[];
  eligibility: Record<string, Eligibility | 'error'>;
  submission: { key: string; status: 'sending' | 'waiting' | 'refused'; error?: string } | null;
  done: { accessCode: string | null; codeSent: boolean; count: number; phone: string } | null;
  error: string | null;
  idleLeft: number | null;
}

const emptyPerson = (): Person => ({
  fullName: '',
  gender: '',
  citizenship: '',
  day: '',
  month: '',
  year: '',
  phone: '',
  trade: null,
  visibleToEmployers: null,
});

const fresh = (): State => ({
  lang: 'ru',
  screen: 'language',
  person: emptyPerson(),
  selected: [],
  eligibility: {},
  submission: null,
  done: null,
  error: null,
  idleLeft: null,
});

let state: State = fresh();
let fair: Fair | null = null;
let vacancies: Vacancy[] = [];
let rankedIds: string[] = [];
let occupations: Occupation[] = [];
let regions: Region[] = [];
const root = document.getElementById('app')!;
document.body.classList.add('kiosk');

const tr = (key: MessageKey, params?: Record<string, string | number>) => t(state.lang, key, params);
const token = () => localStorage.getItem(TOKEN_KEY);

// ---------------------------------------------------------------- data

async function loadFair(): Promise<void> {
  fair = await api<Fair>('/v1/kiosk/fair', { token: token() });
}

async function loadCatalogues(): Promise<void> {
  const [occ, reg] = await Promise.all([
    api<Page<Occupation>>(`/v1/reference/occupations${qs({ lang: state.lang, pageSize: 100 })}`),
    regions.length ? Promise.resolve(regions) : api<Region[]>('/v1/reference/regions'),
  ]);
  occupations = occ.items;
  regions = reg;
}

/** The fair's vacancies in the chosen language; the kiosk route when the server has it. */
async function loadVacancies(): Promise<void> {
  if (!fair) return;
  try {
    const res = await api<{ items: KioskVacancy[] }>(`/v1/kiosk/vacancies${qs({ lang: state.lang })}`, {
      token: token(),
    });
    vacancies = res.items.map(fromKiosk);
  } catch (e) {
    if (!(e instanceof ApiError && e.status === 404)) throw e;
    const res = await api<Page<Vacancy>>(
      `/v1/vacancies${qs({ fairId: fair.id, lang: state.lang, pageSize: 100 })}`,
    );
    vacancies = res.items;
  }
  // Ranking for the chosen trade is the server's: a search for the trade within this fair.
  rankedIds = [];
  const trade = occupations.find((o) => o.code === state.person.trade);
  if (trade) {
    const res = await api<Page<Vacancy>>(
      `/v1/vacancies${qs({ q: trade.label, fairId: fair.id, lang: state.lang, pageSize: 100 })}`,
    );
    rankedIds = res.items.map((v) => v.id);
  }
}

function orderedVacancies(): Vacancy[] {
  const rank = new Map(rankedIds.map((id, i) => [id, i]));
  return [...vacancies].sort((a, b) => (rank.get(a.id) ?? 1e6) - (rank.get(b.id) ?? 1e6));
}

function birthDate(): string {
  const p = state.person;
  return `${p.year}-${p.month.padStart(2, '0')}-${p.day.padStart(2, '0')}`;
}

function normalisedPhone(): string {
  return state.person.phone.replace(/[^\d+]/g, '');
}

async function checkEligibility(): Promise<void> {
  const chosen = vacancies.filter((v) => state.selected.includes(v.id));
  await Promise.all(
    chosen.map(async (v) => {
      const body: Record<string, unknown> = {
        hostCountry: v.region.slice(0, 2),
        workRegion: v.region,
        citizenship: state.person.citizenship,
        birthDate: birthDate(),
        startDate: v.startDate,
        occupationCode: v.occupationCode,
      };
      if (v.quotaAvailable !== undefined)
        body.employer = { kind: 'company', quotaAvailable: v.quotaAvailable };
      if (v.salary.period === 'month')
        body.monthlySalary = { amount: v.salary.min, currency: v.salary.currency };
      try {
        state.eligibility[v.id] = await api<Eligibility>(`/v1/eligibility/check${qs({ lang: state.lang })}`, {
          body,
        });
      } catch {
        state.eligibility[v.id] = 'error';
      }
    }),
  );
}

function applicationBody(): Record<string, unknown> {
  const p = state.person;
  return {
    migrant: {
      fullName: p.fullName.trim(),
      gender: p.gender,
      citizenship: p.citizenship,
      birthDate: birthDate(),
      phone: normalisedPhone(),
      preferredLanguage: state.lang,
      ...(p.trade ? { occupations: [{ code: p.trade, years: 0 }] } : {}),
      consent: {
        dataProcessing: true,
        visibleToEmployers: Boolean(p.visibleToEmployers),
        version: CONSENT_VERSION,
      },
    },
    vacancyIds: [...state.selected],
  };
}

// ---------------------------------------------------------------- submission

const outbox = new KioskOutbox('/v1/kiosk/applications', token, onOutcome);

function onOutcome(outcome: SubmitOutcome): void {
  if (!state.submission || state.submission.key !== outcome.key) {
    render();
    return;
  }
  if (outcome.kind === 'sent') {
    const result = (outcome.result ?? {}) as {
      accessCode?: string;
      accessCodeSent?: boolean;
      applications?: unknown[];
    };
    state.done = {
      accessCode: result.accessCode ?? null,
      codeSent: result.accessCodeSent === true,
      count: Array.isArray(result.applications) ? result.applications.length : state.selected.length,
      phone: normalisedPhone(),
    };
    state.submission = null;
    go('done');
  } else if (outcome.kind === 'refused') {
    state.submission = {
      key: outcome.key,
      status: 'refused',
      error: outcome.error.describe?.() ?? String(outcome.error),
    };
    render();
  } else {
    state.submission = { key: outcome.key, status: 'waiting' };
    render();
  }
}

async function submit(): Promise<void> {
  // One key per submission, made once: every retry of this submission reuses it.
  const key = state.submission?.status === 'waiting' ? state.submission.key : newKey();
  state.submission = { key, status: 'sending' };
  render();
  await outbox.submit(key, applicationBody());
}

// ---------------------------------------------------------------- navigation and idle

function go(screen: Screen): void {
  state.screen = screen;
  state.error = null;
  render();
  window.scrollTo(0, 0);
}

async function guarded(action: () => Promise<void>): Promise<void> {
  try {
    await action();
  } catch (e) {
    state.error = e instanceof NetworkError ? tr('offline') : e instanceof Error ? e.message : String(e);
    render();
  }
}

const idleMs = () => Number(localStorage.getItem(IDLE_KEY)) || 90_000;
let lastActivity = Date.now();
function touch(): void {
  lastActivity = Date.now();
  if (state.idleLeft !== null) {
    state.idleLeft = null;
    render();
  }
}
for (const event of ['pointerdown', 'keydown', 'touchstart', 'input']) {
  window.addEventListener(event, touch, { passive: true, capture: true });
}
setInterval(() => {
  if (state.screen === 'language' && !state.error) return;
  const left = idleMs() - (Date.now() - lastActivity);
  if (left <= 0) {
    // Wipe everything the person entered; an unsent submission stays in the outbox and keeps trying.
    state = fresh();
    render();
    return;
  }
  const seconds = Math.ceil(left / 1000);
  const warnFrom = Math.min(15, Math.ceil(idleMs() / 3000));
  const idleLeft = seconds <= warnFrom ? seconds : null;
  if (idleLeft !== state.idleLeft) {
    state.idleLeft = idleLeft;
    render();
  }
}, 500);

// ---------------------------------------------------------------- views

function languagePicker(): HTMLElement {
  return h(
    'nav',
    { class: 'langs', 'aria-label': tr('chooseLanguage') },
    KIOSK_LANGS.map((lang) =>
      h(
        'button',
        {
          type: 'button',
          lang,
          'data-lang': lang,
          'aria-pressed': String(state.lang === lang),
          onclick: () =>
            guarded(async () => {
              state.lang = lang;
              document.documentElement.lang = lang;
              render();
              await loadCatalogues();
              if (state.screen === 'vacancies') await loadVacancies();
              if (state.screen === 'review') await checkEligibility();
              render();
            }),
        },
        `${LANG_NAMES[lang].flag} ${LANG_NAMES[lang].name}`,
      ),
    ),
  );
}

function chrome(title: string, ...body: Child[]): HTMLElement {
  const index = FLOW.indexOf(state.screen);
  return h(
    'div',
    null,
    h(
      'header',
      { class: 'top' },
      h('h1', null, `${tr('appTitle')}${fair ? ` · ${fair.name}` : ''}`),
      languagePicker(),
    ),
    h(
      'main',
      { 'data-screen': state.screen },
      index > 0 && index < FLOW.length - 1
        ? h('p', { class: 'muted' }, tr('step', { n: index, total: FLOW.length - 2 }))
        : null,
      h('h2', null, title),
      state.idleLeft !== null
        ? h('p', { class: 'notice', role: 'alert' }, tr('idleWarning', { seconds: state.idleLeft }))
        : null,
      state.error ? h('p', { class: 'error', role: 'alert' }, state.error) : null,
      ...body,
      pendingNote(),
    ),
  );
}

function pendingNote(): Child {
  const count = outbox.pending().filter((p) => p.key !== state.submission?.key).length;
  return count
    ? h('p', { class: 'muted', 'data-testid': 'outbox-count' }, tr('pendingQueue', { count }))
    : null;
}

function navButtons(
  back: Screen | null,
  next: { label?: string; enabled: boolean; onclick: () => void },
): HTMLElement {
  return h(
    'div',
    { class: 'nav' },
    back
      ? h('button', { type: 'button', class: 'secondary', onclick: () => go(back) }, `← ${tr('back')}`)
      : h('span'),
    h(
      'button',
      { type: 'button', 'data-action': 'next', disabled: !next.enabled, onclick: next.onclick },
      next.label ?? `${tr('next')} →`,
    ),
  );
}

function choice(
  label: string,
  pressed: boolean,
  onclick: () => void,
  attrs: Record<string, string> = {},
): HTMLElement {
  return h('button', { type: 'button', 'aria-pressed': String(pressed), onclick, ...attrs }, label);
}

function pairingView(message?: string): HTMLElement {
  let value = '';
  return h(
    'div',
    null,
    h('header', { class: 'top' }, h('h1', null, tr('appTitle')), languagePicker()),
    h(
      'main',
      null,
      h('p', { class: 'notice' }, tr('notPaired')),
      message ? h('p', { class: 'error', role: 'alert' }, message) : null,
      h(
        'form',
        {
          onsubmit: (e: Event) => {
            e.preventDefault();
            localStorage.setItem(TOKEN_KEY, value.trim());
            void start();
          },
        },
        h(
          'div',
          { class: 'field' },
          h('label', { for: 'kiosk-token' }, tr('kioskToken')),
          h('input', {
            id: 'kiosk-token',
            name: 'token',
            autocomplete: 'off',
            oninput: (e: Event) => (value = (e.target as HTMLInputElement).value),
          }),
        ),
        h('button', { type: 'submit' }, tr('pair')),
      ),
    ),
  );
}

function languageView(): HTMLElement {
  return chrome(
    tr('chooseLanguage'),
    h('p', null, tr('welcome')),
    h('p', { class: 'notice' }, tr('noFee')),
    h(
      'div',
      { class: 'choices' },
      KIOSK_LANGS.map((lang) =>
        choice(`${LANG_NAMES[lang].flag} ${LANG_NAMES[lang].name}`, state.lang === lang, () =>
          guarded(async () => {
            state.lang = lang;
            document.documentElement.lang = lang;
            await loadCatalogues();
            go('consent');
          }),
        ),
      ),
    ),
    navButtons(null, {
      label: `${tr('start')} →`,
      enabled: true,
      onclick: () => guarded(async () => (await loadCatalogues(), go('consent'))),
    }),
  );
}

function consentView(): HTMLElement {
  const p = state.person;
  return chrome(
    tr('consentTitle'),
    h('p', { style: { fontSize: '1.1em' } }, tr('consentText')),
    h('p', null, h('strong', null, tr('consentVisibleQuestion'))),
    h(
      'div',
      { class: 'choices', role: 'group', 'aria-label': tr('consentVisibleQuestion') },
      choice(tr('yes'), p.visibleToEmployers === true, () => ((p.visibleToEmployers = true), render()), {
        'data-choice': 'visible-yes',
      }),
      choice(tr('no'), p.visibleToEmployers === false, () => ((p.visibleToEmployers = false), render()), {
        'data-choice': 'visible-no',
      }),
    ),
    h(
      'div',
      { class: 'nav' },
      h(
        'button',
        { type: 'button', class: 'secondary', onclick: () => ((state = fresh()), render()) },
        tr('disagree'),
      ),
      h(
        'button',
        {
          type: 'button',
          'data-action': 'agree',
          disabled: p.visibleToEmployers === null,
          onclick: () => go('about'),
        },
        tr('agree'),
      ),
    ),
  );
}

function select(
  id: string,
  label: string,
  value: string,
  options: string[],
  onchange: (v: string) => void,
): HTMLElement {
  return h(
    'div',
    { class: 'field' },
    h('label', { for: id }, label),
    h(
      'select',
      {
        id,
        style: { fontSize: '1.1em', minHeight: '56px' },
        onchange: (e: Event) => onchange((e.target as HTMLSelectElement).value),
      },
      h('option', { value: '' }, '—'),
      options.map((o) => h('option', { value: o, selected: o === value }, o)),
    ),
  );
}

function aboutView(): HTMLElement {
  const p = state.person;
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: 60 }, (_, i) => String(thisYear - 18 - i));
  const days = Array.from({ length: 31 }, (_, i) => String(i + 1));
  const months = Array.from({ length: 12 }, (_, i) => String(i + 1));
  const complete = p.fullName.trim().length >= 2 && p.gender && p.citizenship && p.day && p.month && p.year;
  return chrome(
    tr('aboutYou'),
    h('p', null, h('strong', null, tr('citizenship'))),
    h(
      'div',
      { class: 'choices', role: 'group', 'aria-label': tr('citizenship') },
      MAIN_COUNTRIES.map((c) =>
        choice(
          `${FLAGS[c]} ${tr(`country_${c}` as MessageKey)}`,
          p.citizenship === c,
          () => {
            p.citizenship = c;
            if (!p.phone || Object.values(PHONE_PREFIX).includes(p.phone)) p.phone = PHONE_PREFIX[c];
            render();
          },
          { 'data-country': c },
        ),
      ),
    ),
    h('p', null, h('strong', null, tr('gender'))),
    h(
      'div',
      { class: 'choices', role: 'group', 'aria-label': tr('gender') },
      choice(tr('male'), p.gender === 'male', () => ((p.gender = 'male'), render()), {
        'data-gender': 'male',
      }),
      choice(tr('female'), p.gender === 'female', () => ((p.gender = 'female'), render()), {
        'data-gender': 'female',
      }),
    ),
    h('p', null, h('strong', null, tr('birthDate'))),
    h(
      'div',
      { class: 'row' },
      select('birth-day', tr('day'), p.day, days, (v) => ((p.day = v), render())),
      select('birth-month', tr('month'), p.month, months, (v) => ((p.month = v), render())),
      select('birth-year', tr('year'), p.year, years, (v) => ((p.year = v), render())),
    ),
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'full-name' }, tr('fullName')),
      h('input', {
        id: 'full-name',
        autocomplete: 'off',
        style: { fontSize: '1.2em' },
        value: p.fullName,
        oninput: (e: Event) => {
          const before = Boolean(complete);
          p.fullName = (e.target as HTMLInputElement).value;
          const now =
            p.fullName.trim().length >= 2 && p.gender && p.citizenship && p.day && p.month && p.year;
          if (before !== Boolean(now)) render();
        },
      }),
    ),
    navButtons('consent', { enabled: Boolean(complete), onclick: () => go('phone') }),
  );
}

function phoneView(): HTMLElement {
  const p = state.person;
  const valid = () => /^\+\d{10,15}$/.test(normalisedPhone());
  const pad = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '+', '0', '⌫'];
  return chrome(
    tr('phone'),
    h('p', { class: 'muted' }, tr('phoneHint')),
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'phone' }, tr('phone')),
      h('input', {
        id: 'phone',
        type: 'tel',
        inputmode: 'tel',
        autocomplete: 'off',
        class: 'display',
        value: p.phone,
        oninput: (e: Event) => {
          const was = valid();
          p.phone = (e.target as HTMLInputElement).value;
          if (was !== valid()) render();
        },
      }),
    ),
    h(
      'div',
      { class: 'digits', role: 'group', 'aria-label': tr('phone') },
      pad.map((d) =>
        h(
          'button',
          {
            type: 'button',
            class: 'secondary',
            'aria-label': d === '⌫' ? tr('back') : d,
            onclick: () => {
              p.phone = d === '⌫' ? p.phone.slice(0, -1) : p.phone + d;
              render();
            },
          },
          d,
        ),
      ),
    ),
    p.phone.length > 5 && !valid() ? h('p', { class: 'error' }, tr('phoneInvalid')) : null,
    navButtons('about', {
      enabled: valid(),
      onclick: () => go('trade'),
    }),
  );
}

function tradeView(): HTMLElement {
  const p = state.person;
  return chrome(
    tr('trade'),
    h(
      'div',
      { class: 'choices', role: 'group', 'aria-label': tr('trade') },
      choice(tr('anyTrade'), p.trade === null, () => ((p.trade = null), render()), { 'data-trade': 'any' }),
      occupations.map((o) =>
        choice(o.label, p.trade === o.code, () => ((p.trade = o.code), render()), { 'data-trade': o.code }),
      ),
    ),
    navButtons('phone', {
      enabled: true,
      onclick: () =>
        guarded(async () => {
          await loadVacancies();
          go('vacancies');
        }),
    }),
  );
}

function regionName(code: string, given?: string): string {
  const r = regions.find((x) => x.code === code);
  if (given && state.lang !== 'ru') return given;
  if (!r) return code;
  return state.lang === 'en' ? r.nameEn : r.nameRu;
}

function payText(v: Vacancy): string {
  const per =
    v.salary.period === 'hour'
      ? tr('perHour')
      : v.salary.period === 'shift'
        ? tr('perShift')
        : tr('perMonth');
  const range =
    v.salary.max && v.salary.max !== v.salary.min
      ? `${money(v.salary.min, v.salary.currency)} – ${money(v.salary.max, v.salary.currency)}`
      : money(v.salary.min, v.salary.currency);
  return `${range} ${per}`;
}

function housingText(v: Vacancy): string {
  if (!v.housing.provided) return tr('housingNone');
  if (!v.housing.costPerMonth) return tr('housingFree');
  return tr('housingPaid', { amount: money(v.housing.costPerMonth, v.salary.currency) });
}

function facts(v: Vacancy): HTMLElement {
  const schedule = `schedule_${v.schedule}` as MessageKey;
  return h(
    'div',
    { class: 'facts' },
    h(
      'span',
      { title: tr('pay') },
      h('span', { 'aria-hidden': 'true' }, '💰 '),
      h('span', { class: 'sr-only' }, `${tr('pay')}: `),
      payText(v),
    ),
    h(
      'span',
      { title: tr('schedule') },
      h('span', { 'aria-hidden': 'true' }, '🕒 '),
      h('span', { class: 'sr-only' }, `${tr('schedule')}: `),
      schedule in
        {
          schedule_full_time: 1,
          schedule_part_time: 1,
          schedule_shift: 1,
          schedule_rotation: 1,
          schedule_seasonal: 1,
        }
        ? tr(schedule)
        : v.schedule,
    ),
    h('span', { title: tr('housing') }, h('span', { 'aria-hidden': 'true' }, '🏠 '), housingText(v)),
    h(
      'span',
      { title: tr('region') },
      h('span', { 'aria-hidden': 'true' }, '📍 '),
      h('span', { class: 'sr-only' }, `${tr('region')}: `),
      `${v.city}, ${regionName(v.region, v.regionName)}`,
    ),
  );
}

function boothOf(v: Vacancy): string | null {
  return v.booth ?? fair?.participants.find((p) => p.employerId === v.employerId)?.booth ?? null;
}

function vacanciesView(): HTMLElement {
  const list = orderedVacancies();
  return chrome(
    tr('vacanciesTitle'),
    h('p', { class: 'muted' }, tr('vacanciesHint')),
    list.length === 0 ? h('p', { class: 'notice' }, tr('noVacancies')) : null,
    list.map((v) => {
      const chosen = state.selected.includes(v.id);
      const booth = boothOf(v);
      return h(
        'article',
        { class: 'card vacancy', 'data-vacancy': v.id },
        h(
          'div',
          null,
          h('h3', { style: { margin: '0 0 .25rem' } }, v.title),
          h(
            'div',
            { class: 'muted' },
            `${v.occupationLabel} · ${v.employer?.name ?? ''}${booth ? ` · ${tr('booth', { booth })}` : ''}`,
          ),
          facts(v),
        ),
        h(
          'button',
          {
            type: 'button',
            class: chosen ? '' : 'secondary',
            'aria-pressed': String(chosen),
            'aria-label': `${chosen ? tr('chosen') : tr('choose')}: ${v.title}`,
            onclick: () => {
              state.selected = chosen
                ? state.selected.filter((id) => id !== v.id)
                : [...state.selected, v.id];
              render();
            },
          },
          chosen ? tr('chosen') : tr('choose'),
        ),
      );
    }),
    h('p', { 'aria-live': 'polite' }, tr('selectedCount', { count: state.selected.length })),
    navButtons('trade', {
      enabled: state.selected.length > 0,
      onclick: () =>
        guarded(async () => {
          state.eligibility = {};
          go('review');
          await checkEligibility();
          render();
        }),
    }),
  );
}

function reviewView(): HTMLElement {
  const chosen = orderedVacancies().filter((v) => state.selected.includes(v.id));
  const sub = state.submission;
  const busy = sub?.status === 'sending' || sub?.status === 'waiting';
  return chrome(
    tr('eligibilityTitle'),
    h('p', { class: 'muted' }, tr('eligibilityNote')),
    chosen.map((v) => {
      const e = state.eligibility[v.id];
      return h(
        'article',
        { class: 'card', 'data-eligibility': v.id },
        h('h3', { style: { margin: '0 0 .25rem' } }, v.title),
        facts(v),
        e === undefined
          ? h('p', { class: 'muted' }, tr('checking'))
          : e === 'error'
            ? h('p', { class: 'muted' }, tr('offline'))
            : h(
                'div',
                null,
                h(
                  'p',
                  null,
                  h(
                    'span',
                    { class: `badge st-${e.status}`, 'data-status': e.status },
                    tr(`status_${e.status}` as MessageKey),
                  ),
                ),
                e.steps.length
                  ? h(
                      'div',
                      null,
                      h('strong', null, tr('stepsNeeded')),
                      h(
                        'ol',
                        null,
                        e.steps.map((s) => h('li', null, s.message)),
                      ),
                    )
                  : null,
              ),
      );
    }),
    sub?.status === 'waiting'
      ? h('p', { class: 'notice', role: 'status', 'data-testid': 'saved-offline' }, tr('savedOffline'))
      : null,
    sub?.status === 'sending' ? h('p', { class: 'notice', role: 'status' }, tr('sending')) : null,
    sub?.status === 'refused'
      ? h('p', { class: 'error', role: 'alert' }, tr('sendFailed', { reason: sub.error ?? '' }))
      : null,
    navButtons(busy ? null : 'vacancies', {
      label: busy ? tr('sending') : tr('send'),
      enabled: !busy,
      onclick: () => void submit(),
    }),
  );
}

function doneView(): HTMLElement {
  const done = state.done!;
  const canvas = h('canvas', { 'aria-label': tr('accessCode'), role: 'img' }) as HTMLCanvasElement;
  if (done.accessCode) {
    const link = `${location.origin}/#login?phone=${encodeURIComponent(done.phone)}&code=${encodeURIComponent(done.accessCode)}`;
    void QRCode.toCanvas(canvas, link, { width: 240, margin: 1 });
  }
  return chrome(
    tr('doneTitle'),
    h('p', { 'data-testid': 'done-count' }, tr('doneSent', { count: done.count })),
    done.accessCode
      ? h(
          'div',
          { class: 'card', style: { textAlign: 'center' } },
          h('p', null, tr('accessCode')),
          h('p', { class: 'code', 'data-testid': 'access-code' }, done.accessCode),
          canvas,
          h('p', { class: 'muted' }, tr('accessCodeHint')),
        )
      : done.codeSent
        ? h('p', { class: 'card', 'data-testid': 'access-code-sent' }, tr('accessCodeSent'))
        : null,
    h('p', { class: 'notice' }, tr('noFee')),
    h(
      'div',
      { class: 'nav' },
      h('span'),
      h('button', { type: 'button', onclick: () => ((state = fresh()), render()) }, tr('finish')),
    ),
  );
}

function render(): void {
  const views: Record<Screen, () => HTMLElement> = {
    language: languageView,
    consent: consentView,
    about: aboutView,
    phone: phoneView,
    trade: tradeView,
    vacancies: vacanciesView,
    review: reviewView,
    done: doneView,
  };
  document.documentElement.lang = state.lang;
  mount(root, fair ? views[state.screen]() : pairingView());
  if (state.screen !== 'language' && state.screen !== 'done' && fair) {
    root
      .querySelector('main')
      ?.appendChild(
        h(
          'p',
          null,
          h(
            'button',
            { type: 'button', class: 'link', onclick: () => ((state = fresh()), render()) },
            tr('cancel'),
          ),
        ),
      );
  }
}

// ---------------------------------------------------------------- start

async function start(): Promise<void> {
  const hash = new URLSearchParams(location.hash.replace(/^#/, ''));
  const paired = hash.get('token');
  if (paired) {
    localStorage.setItem(TOKEN_KEY, paired);
    history.replaceState(null, '', location.pathname);
  }
  const lang = hash.get('lang');
  if (isKioskLang(lang)) state.lang = lang;
  if (!token()) {
    mount(root, pairingView());
    return;
  }
  try {
    await loadFair();
  } catch (e) {
    fair = null;
    if (e instanceof ApiError && (e.status === 401 || e.status === 403)) {
      localStorage.removeItem(TOKEN_KEY);
      mount(root, pairingView(tr('pairFailed')));
    } else {
      mount(root, pairingView(tr('offline')));
      setTimeout(() => void start(), 5_000);
    }
    return;
  }
  render();
  void outbox.flush();
}

void start();
