/**
 * Employer portal: register and wait for verification, post vacancies (the fair-recruitment refusal
 * explained in plain words), follow applicants and ranked candidates, publish interview slots, book,
 * reschedule and record interviews, hire, and see the legal duties that follow.
 */
import '../lib/style.css';
import { ApiError, Me, Page, Session, api, newKey, qs } from '../lib/api';
import { Child, field, formValues, h, money, mount } from '../lib/dom';
import { EMPLOYER_LANGS, EmployerLang, MessageKey, label, t as translate } from './i18n';

const session = new Session('jobfair.employer.token');
const root = document.getElementById('app')!;
const LANG_KEY = 'jobfair.employer.lang';

let lang: EmployerLang = localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'ru';
const t = (key: MessageKey, params?: Record<string, string | number>) => translate(lang, key, params);

interface Employer {
  id: string;
  name: string;
  taxId: string;
  country: 'RU' | 'KZ';
  region: string;
  status: 'pending' | 'verified' | 'rejected';
  rejectionReason: string | null;
}
interface WorkerCost {
  item: string;
  amount: number;
  note?: string;
}
interface Vacancy {
  id: string;
  title: string;
  description: string;
  occupationCode: string;
  occupationLabel: string;
  region: string;
  city: string;
  salary: { min: number; max?: number; currency: string; period: string; gross: boolean };
  positions: number;
  schedule: string;
  startDate: string;
  housing: { provided: boolean; costPerMonth?: number };
  meals: boolean;
  foreignersAccepted: boolean;
  workerCosts: WorkerCost[];
  status: string;
  version: number;
}
interface Application {
  id: string;
  migrantId: string;
  vacancyId: string;
  status: string;
  eligibility: { status?: string } | null;
  createdAt: string;
}
interface Slot {
  id: string;
  startsAt: string;
  endsAt: string;
  mode: string;
  location: string | null;
  available: boolean;
}
interface Interview {
  id: string;
  slotId: string;
  startsAt: string;
  status: string;
  result: string | null;
}
interface Candidate {
  migrant: {
    id: string;
    citizenship: string;
    occupations: Array<{ label: string; years: number }>;
    applied: boolean;
  };
  score: number;
  eligibility: { status: string };
  reasons: Array<{ code: string; message: string }>;
}
interface Obligation {
  id: string;
  kind: string;
  dueDate: string;
  status: 'open' | 'done';
  overdue: boolean;
  legalBasis: string;
  workerName: string | null;
}

type Tab = 'vacancies' | 'new' | 'obligations';
const TABS: Array<[Tab, MessageKey]> = [
  ['vacancies', 'tabVacancies'],
  ['new', 'tabNew'],
  ['obligations', 'tabObligations'],
];
const COST_ITEMS = [
  'recruitment_fee',
  'travel',
  'documents',
  'visa_or_permit',
  'training',
  'medical_exam',
  'housing_deposit',
  'equipment',
  'other',
] as const;

let me: Me | null = null;
let employer: Employer | null = null;
let tab: Tab = 'vacancies';
let authMode: 'login' | 'register' = location.hash === '#register' ? 'register' : 'login';
let message: { kind: 'error' | 'notice'; text: Child } | null = null;
let content: Node = h('p', null, '');
/** The vacancy open in the detail view (null: the tab's own view). */
let openVacancyId: string | null = null;
/** The draft being edited by the form: known after the first save, so a retry edits it. */
let draft: { id: string; version: number } | null = null;
let costs: WorkerCost[] = [];

const call = <T>(path: string, options: Parameters<typeof api>[1] = {}) =>
  api<T>(path, { token: session.token, ...options });
const post = <T>(path: string, body?: unknown) =>
  call<T>(path, { method: 'POST', body, headers: { 'idempotency-key': newKey() } });

function fail(e: unknown): void {
  message = { kind: 'error', text: e instanceof ApiError ? e.describe() : String(e) };
  render();
}
function notice(text: string): void {
  message = { kind: 'notice', text };
}

const fmt = (iso: string) =>
  new Date(iso).toLocaleString(lang === 'ru' ? 'ru-RU' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
const fmtDate = (date: string) =>
  new Date(`${date}T12:00:00`).toLocaleDateString(lang === 'ru' ? 'ru-RU' : 'en-GB', { dateStyle: 'medium' });
const isoDate = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

function messageView(): Child {
  if (!message) return null;
  return h('div', { class: message.kind, role: message.kind === 'error' ? 'alert' : 'status' }, message.text);
}

function langSwitch(): HTMLElement {
  return h(
    'div',
    { class: 'row', role: 'group', 'aria-label': t('language') },
    EMPLOYER_LANGS.map((l) =>
      h(
        'button',
        {
          type: 'button',
          class: 'link',
          lang: l,
          'aria-pressed': String(l === lang),
          onclick: () => {
            lang = l;
            localStorage.setItem(LANG_KEY, l);
            document.documentElement.lang = l;
            document.title = t('appTitle');
            void refresh();
          },
        },
        l === 'ru' ? 'Русский' : 'English',
      ),
    ),
  );
}

function header(): HTMLElement {
  return h(
    'header',
    { class: 'top' },
    h('h1', null, t('appTitle'), employer ? ` — ${employer.name}` : ''),
    h(
      'div',
      { class: 'row' },
      langSwitch(),
      me ? h('button', { type: 'button', class: 'link', onclick: logout }, t('logout')) : null,
    ),
  );
}

function render(): void {
  document.documentElement.lang = lang;
  document.title = t('appTitle');
  if (!me || !employer) {
    mount(root, h('div', null, header(), authView()));
    return;
  }
  if (employer.status !== 'verified') {
    mount(root, h('div', null, header(), pendingView(employer)));
    return;
  }
  mount(
    root,
    h(
      'div',
      null,
      header(),
      h(
        'nav',
        { class: 'tabs', 'aria-label': t('tabs') },
        TABS.map(([id, key]) =>
          h(
            'button',
            {
              type: 'button',
              'data-tab': id,
              'aria-current': tab === id && !openVacancyId ? 'page' : undefined,
              onclick: () => {
                if (id === 'new') {
                  draft = null;
                  costs = [];
                }
                void open(id);
              },
            },
            t(key),
          ),
        ),
      ),
      h('main', { 'data-tab': openVacancyId ? 'vacancy' : tab }, messageView(), content),
    ),
  );
}

// ------------------------------------------------------------------ sign in, register, pending

function authView(): HTMLElement {
  if (authMode === 'register') return registerView();
  return h(
    'main',
    null,
    h('h2', null, t('login')),
    messageView(),
    h(
      'form',
      {
        'aria-label': t('login'),
        onsubmit: async (e: Event) => {
          e.preventDefault();
          const v = formValues(e.target as HTMLFormElement);
          await signIn(v.email, v.password);
        },
      },
      field(t('email'), 'email', { type: 'email', autocomplete: 'username', required: true }),
      field(t('password'), 'password', {
        type: 'password',
        autocomplete: 'current-password',
        required: true,
      }),
      h('button', { type: 'submit' }, t('signIn')),
    ),
    h(
      'p',
      null,
      `${t('noAccount')} `,
      h(
        'button',
        {
          type: 'button',
          class: 'link',
          onclick: () => {
            authMode = 'register';
            message = null;
            render();
          },
        },
        t('register'),
      ),
    ),
  );
}

async function signIn(email: string, password: string): Promise<void> {
  try {
    const res = await api<{ accessToken: string }>('/v1/auth/login', { body: { email, password } });
    session.token = res.accessToken;
    message = null;
    await boot();
  } catch (err) {
    fail(err);
  }
}

/** Occupation names of the trades in the page's language (vacancies carry the English ISCO-08 title). */
const occupationNameCache = new Map<EmployerLang, Map<string, string>>();
async function occupationNames(): Promise<Map<string, string>> {
  let names = occupationNameCache.get(lang);
  if (!names) {
    const page = await api<Page<{ code: string; label: string }>>(
      `/v1/reference/occupations${qs({ lang, pageSize: 100 })}`,
    );
    names = new Map(page.items.map((o) => [o.code, o.label]));
    occupationNameCache.set(lang, names);
  }
  return names;
}
const occupationName = (names: Map<string, string>, v: Vacancy) =>
  names.get(v.occupationCode) ?? v.occupationLabel;

interface Region {
  code: string;
  nameRu: string;
  nameEn: string;
}
const regionCache = new Map<string, Region[]>();
async function regions(country: string): Promise<Region[]> {
  if (!regionCache.has(country))
    regionCache.set(country, await api<Region[]>(`/v1/reference/regions${qs({ country })}`));
  return regionCache.get(country)!;
}
function regionOptions(list: Region[], selected?: string): HTMLElement[] {
  return list.map((r) =>
    h('option', { value: r.code, selected: r.code === selected }, lang === 'ru' ? r.nameRu : r.nameEn),
  );
}

function registerView(): HTMLElement {
  const regionSelect = h('select', { id: 'f-region', name: 'region', required: true }) as HTMLSelectElement;
  const loadRegions = async (country: string) => {
    try {
      regionSelect.replaceChildren(
        ...regionOptions(await regions(country), country === 'RU' ? 'RU-MOW' : undefined),
      );
    } catch (e) {
      fail(e);
    }
  };
  void loadRegions('RU');
  return h(
    'main',
    null,
    h('h2', null, t('register')),
    messageView(),
    h(
      'form',
      {
        'aria-label': t('register'),
        onsubmit: async (e: Event) => {
          e.preventDefault();
          const v = formValues(e.target as HTMLFormElement);
          try {
            await api('/v1/employers', {
              headers: { 'idempotency-key': newKey() },
              body: {
                name: v.name,
                country: v.country,
                kind: v.kind,
                taxId: v.taxId.trim(),
                region: v.region,
                address: v.address,
                contactName: v.contactName,
                email: v.email,
                phone: v.phone,
                password: v.password,
              },
            });
            authMode = 'login';
            await signIn(v.email, v.password);
          } catch (err) {
            fail(err);
          }
        },
      },
      h(
        'div',
        { class: 'grid2' },
        field(t('orgName'), 'name', { required: true, autocomplete: 'organization' }),
        field(
          t('kind'),
          'kind',
          {},
          'select',
          h('option', { value: 'company' }, t('kindCompany')),
          h('option', { value: 'individual' }, t('kindIndividual')),
        ),
        field(
          t('country'),
          'country',
          { onchange: (e: Event) => void loadRegions((e.target as HTMLSelectElement).value) },
          'select',
          h('option', { value: 'RU' }, t('countryRU')),
          h('option', { value: 'KZ' }, t('countryKZ')),
        ),
        field(t('taxId'), 'taxId', { required: true, inputmode: 'numeric', pattern: '\\d{10}|\\d{12}' }),
        h('div', { class: 'field' }, h('label', { for: 'f-region' }, t('region')), regionSelect),
        field(t('address'), 'address', { required: true, autocomplete: 'street-address' }),
        field(t('contactName'), 'contactName', { required: true, autocomplete: 'name' }),
        field(t('phone'), 'phone', { type: 'tel', required: true, autocomplete: 'tel' }),
        field(t('email'), 'email', { type: 'email', required: true, autocomplete: 'username' }),
        field(t('passwordHint'), 'password', {
          type: 'password',
          required: true,
          minlength: 10,
          autocomplete: 'new-password',
        }),
      ),
      h('button', { type: 'submit' }, t('registerSubmit')),
    ),
    h(
      'p',
      null,
      `${t('haveAccount')} `,
      h(
        'button',
        {
          type: 'button',
          class: 'link',
          onclick: () => {
            authMode = 'login';
            message = null;
            render();
          },
        },
        t('signIn'),
      ),
    ),
  );
}

function pendingView(e: Employer): HTMLElement {
  const rejected = e.status === 'rejected';
  return h(
    'main',
    { 'data-testid': 'employer-status', 'data-status': e.status },
    h('h2', null, t(rejected ? 'rejectedTitle' : 'pendingTitle')),
    messageView(),
    h(
      'p',
      { class: rejected ? 'error' : 'notice' },
      rejected
        ? t('rejectedText', { reason: e.rejectionReason ?? '' })
        : t('pendingText', { name: e.name, taxId: e.taxId }),
    ),
    h('button', { type: 'button', onclick: () => void boot() }, t('refresh')),
  );
}

function logout(): void {
  session.token = null;
  me = null;
  employer = null;
  message = null;
  render();
}

// ------------------------------------------------------------------ navigation

async function open(next: Tab, vacancyId: string | null = null, keepMessage = false): Promise<void> {
  tab = next;
  openVacancyId = vacancyId;
  if (!keepMessage) message = null;
  content = h('p', null, t('loading'));
  render();
  try {
    content = vacancyId ? await vacancyView(vacancyId) : await views[next]();
  } catch (e) {
    content = h('p', null, '');
    fail(e);
    return;
  }
  render();
}

async function refresh(): Promise<void> {
  if (me && employer?.status === 'verified') await open(tab, openVacancyId, true);
  else render();
}

// ------------------------------------------------------------------ vacancies list

function statusLabel(status: string): string {
  return label(lang, status === 'published' ? 'publishedSt' : status);
}

async function vacanciesView(): Promise<Node> {
  const page = await call<Page<Vacancy>>(`/v1/vacancies${qs({ mine: true, pageSize: 100, lang })}`);
  const names = await occupationNames();
  return h(
    'section',
    null,
    h('h2', null, t('tabVacancies')),
    page.items.length === 0
      ? h('p', { class: 'muted' }, t('noVacancies'))
      : h(
          'table',
          null,
          h(
            'thead',
            null,
            h(
              'tr',
              null,
              [t('colTitle'), t('colStatus'), t('colSalary'), t('colStart'), ''].map((c) =>
                h('th', { scope: 'col' }, c),
              ),
            ),
          ),
          h(
            'tbody',
            null,
            page.items.map((v) =>
              h(
                'tr',
                { 'data-vacancy': v.id },
                h(
                  'td',
                  null,
                  h('strong', null, v.title),
                  h('div', { class: 'muted' }, `${occupationName(names, v)}, ${v.city}`),
                ),
                h('td', null, h('span', { class: `badge st-${v.status}` }, statusLabel(v.status))),
                h('td', null, salaryText(v)),
                h('td', null, fmtDate(v.startDate)),
                h(
                  'td',
                  null,
                  h(
                    'button',
                    {
                      type: 'button',
                      class: 'secondary',
                      'aria-label': `${t('open')}: ${v.title}`,
                      onclick: () => void open('vacancies', v.id),
                    },
                    t('open'),
                  ),
                ),
              ),
            ),
          ),
        ),
  );
}

function salaryText(v: Vacancy): string {
  const range =
    v.salary.max && v.salary.max !== v.salary.min
      ? `${money(v.salary.min, v.salary.currency)} – ${money(v.salary.max, v.salary.currency)}`
      : money(v.salary.min, v.salary.currency);
  const per = { month: t('periodMonth'), day: t('periodDay'), hour: t('periodHour') }[v.salary.period];
  return `${range} / ${per ?? v.salary.period}`;
}

// ------------------------------------------------------------------ vacancy form

function costRow(c: WorkerCost, i: number, list: HTMLElement): HTMLElement {
  return h(
    'div',
    { class: 'row', 'data-cost': String(i), role: 'group', 'aria-label': `${t('workerCosts')} ${i + 1}` },
    h(
      'div',
      { class: 'field' },
      h('label', { for: `cost-item-${i}` }, t('costItem')),
      h(
        'select',
        {
          id: `cost-item-${i}`,
          onchange: (e: Event) => {
            c.item = (e.target as HTMLSelectElement).value;
            drawCosts(list);
            document.getElementById(`cost-item-${i}`)?.focus();
          },
        },
        COST_ITEMS.map((item) => h('option', { value: item, selected: item === c.item }, label(lang, item))),
      ),
    ),
    h(
      'div',
      { class: 'field' },
      h('label', { for: `cost-amount-${i}` }, t('costAmount')),
      h('input', {
        id: `cost-amount-${i}`,
        type: 'number',
        min: 0,
        step: '0.01',
        required: true,
        value: String(c.amount),
        oninput: (e: Event) => (c.amount = Number((e.target as HTMLInputElement).value || 0)),
      }),
    ),
    h(
      'div',
      { class: 'field' },
      h('label', { for: `cost-note-${i}` }, t('costNote')),
      h('input', {
        id: `cost-note-${i}`,
        value: c.note ?? '',
        maxlength: 500,
        oninput: (e: Event) => (c.note = (e.target as HTMLInputElement).value),
      }),
    ),
    h(
      'button',
      {
        type: 'button',
        class: 'secondary',
        'data-action': 'remove-cost',
        'aria-label': t('removeCost', { item: label(lang, c.item) }),
        onclick: () => {
          costs.splice(i, 1);
          drawCosts(list);
        },
      },
      t('remove'),
    ),
  );
}

function drawCosts(list: HTMLElement): void {
  list.replaceChildren(...costs.map((c, i) => costRow(c, i, list)));
}

async function newVacancyView(): Promise<Node> {
  const country = employer!.country;
  const currency = country === 'KZ' ? 'KZT' : 'RUB';
  const regionList = await regions(country);
  const occSelect = h('select', {
    id: 'f-occupationCode',
    name: 'occupationCode',
    required: true,
  }) as HTMLSelectElement;
  let searchTimer: ReturnType<typeof setTimeout> | undefined;
  const searchOccupations = async (q: string) => {
    try {
      const page = await api<Page<{ code: string; label: string }>>(
        `/v1/reference/occupations${qs({ q: q.trim() || undefined, lang, pageSize: 30 })}`,
      );
      occSelect.replaceChildren(
        ...page.items.map((o, i) =>
          h('option', { value: o.code, selected: i === 0 }, `${o.label} (${o.code})`),
        ),
      );
    } catch (e) {
      fail(e);
    }
  };
  await searchOccupations('');
  const costList = h('div', { 'data-testid': 'worker-costs' });
  drawCosts(costList);

  const submit = async (form: HTMLFormElement, publishToo: boolean) => {
    if (!form.reportValidity()) return;
    const v = formValues(form);
    const body = {
      title: v.title,
      description: v.description,
      occupationCode: v.occupationCode,
      region: v.region,
      city: v.city,
      salary: {
        min: Number(v.salaryMin),
        ...(v.salaryMax ? { max: Number(v.salaryMax) } : {}),
        currency,
        period: v.salaryPeriod,
        gross: v.gross === 'on',
      },
      positions: Number(v.positions),
      schedule: v.schedule,
      startDate: v.startDate,
      housing: {
        provided: v.housingProvided === 'on',
        ...(v.housingProvided === 'on' ? { costPerMonth: Number(v.housingCost || 0) } : {}),
      },
      meals: v.meals === 'on',
      requirements: {},
      foreignersAccepted: v.foreignersAccepted === 'on',
      workerCosts: costs.map((c) => ({
        item: c.item,
        amount: c.amount,
        ...(c.note ? { note: c.note } : {}),
      })),
    };
    try {
      const saved = draft
        ? await call<Vacancy>(`/v1/vacancies/${draft.id}`, {
            method: 'PATCH',
            body: { ...body, version: draft.version },
          })
        : await post<Vacancy>('/v1/vacancies', body);
      draft = { id: saved.id, version: saved.version };
      if (!publishToo) {
        notice(t('saved'));
        render();
        return;
      }
      const published = await post<Vacancy>(`/v1/vacancies/${saved.id}/publish`);
      draft = null;
      costs = [];
      notice(t('published', { title: published.title }));
      await open('vacancies', published.id, true);
    } catch (e) {
      if (e instanceof ApiError && e.status === 422 && Array.isArray(e.problem.items)) {
        message = { kind: 'error', text: feeExplanation(e.problem.items as WorkerCost[], currency) };
        render();
        document.querySelector<HTMLElement>('[data-testid="fee-refusal"]')?.focus();
      } else fail(e);
    }
  };

  const formEl: HTMLFormElement = h(
    'form',
    {
      'aria-label': t('vacancyForm'),
      'data-testid': 'vacancy-form',
      onsubmit: (e: Event) => {
        e.preventDefault();
        void submit(e.target as HTMLFormElement, true);
      },
    },
    h(
      'div',
      { class: 'grid2' },
      field(t('title'), 'title', { required: true, maxlength: 200 }),
      h(
        'div',
        { class: 'field' },
        h('label', { for: 'f-occupation-q' }, t('occupationSearch')),
        h('input', {
          id: 'f-occupation-q',
          type: 'search',
          placeholder: t('occupationPlaceholder'),
          'aria-controls': 'f-occupationCode',
          oninput: (e: Event) => {
            clearTimeout(searchTimer);
            const q = (e.target as HTMLInputElement).value;
            searchTimer = setTimeout(() => void searchOccupations(q), 250);
          },
        }),
      ),
      h('div', { class: 'field' }, h('label', { for: 'f-occupationCode' }, t('occupation')), occSelect),
      field(t('region'), 'region', { required: true }, 'select', regionOptions(regionList, employer!.region)),
      field(t('city'), 'city', { required: true, maxlength: 200 }),
      field(t('salaryMin'), 'salaryMin', { type: 'number', min: 0, step: '0.01', required: true }),
      field(t('salaryMax'), 'salaryMax', { type: 'number', min: 0, step: '0.01' }),
      field(
        t('salaryPeriod'),
        'salaryPeriod',
        {},
        'select',
        h('option', { value: 'month' }, t('periodMonth')),
        h('option', { value: 'day' }, t('periodDay')),
        h('option', { value: 'hour' }, t('periodHour')),
      ),
      field(t('positions'), 'positions', { type: 'number', min: 1, max: 10000, value: '1', required: true }),
      field(
        t('schedule'),
        'schedule',
        {},
        'select',
        (['full_time', 'part_time', 'shift', 'rotation', 'seasonal'] as const).map((s) =>
          h('option', { value: s }, t(s)),
        ),
      ),
      field(t('startDate'), 'startDate', {
        type: 'date',
        required: true,
        min: isoDate(0),
        value: isoDate(30),
      }),
      field(t('housingCost'), 'housingCost', { type: 'number', min: 0, step: '0.01', value: '0' }),
    ),
    field(t('description'), 'description', { required: true, rows: 4, maxlength: 10000 }, 'textarea'),
    h(
      'fieldset',
      null,
      h('legend', null, t('conditions')),
      checkbox('gross', t('gross'), true),
      checkbox('housingProvided', t('housingProvided'), true),
      checkbox('meals', t('meals'), false),
      checkbox('foreignersAccepted', t('foreigners'), true),
    ),
    h(
      'fieldset',
      null,
      h('legend', null, t('workerCosts')),
      h('p', { class: 'muted' }, t('workerCostsHint')),
      costList,
      h(
        'button',
        {
          type: 'button',
          class: 'secondary',
          'data-action': 'add-cost',
          onclick: () => {
            costs.push({ item: 'recruitment_fee', amount: 0 });
            drawCosts(costList);
            document.getElementById(`cost-item-${costs.length - 1}`)?.focus();
          },
        },
        t('addCost'),
      ),
    ),
    h(
      'div',
      { class: 'row', style: { marginTop: '1rem' } },
      h('button', { type: 'submit', 'data-action': 'publish' }, t('savePublish')),
      h(
        'button',
        {
          type: 'button',
          class: 'secondary',
          onclick: (e: Event) => void submit((e.target as HTMLElement).closest('form')!, false),
        },
        t('saveDraft'),
      ),
    ),
  ) as HTMLFormElement;
  return h('section', null, h('h2', null, t('tabNew')), formEl);
}

function checkbox(name: string, text: string, checked: boolean): HTMLElement {
  return h(
    'div',
    { class: 'row' },
    h('input', { type: 'checkbox', id: `f-${name}`, name, checked }),
    h('label', { for: `f-${name}` }, text),
  );
}

/** The 422 worker-paid-cost refusal, item by item, in plain words. */
function feeExplanation(items: WorkerCost[], currency: string): HTMLElement {
  return h(
    'div',
    { 'data-testid': 'fee-refusal', tabindex: -1 },
    h('strong', null, t('feeTitle')),
    h('p', null, t('feeIntro')),
    h(
      'ul',
      null,
      items.map((c) =>
        h(
          'li',
          { 'data-item': c.item },
          h('strong', null, `${label(lang, c.item)} — ${money(c.amount, currency)}`),
          `: ${label(lang, `${c.item}_why`)}`,
        ),
      ),
    ),
  );
}

// ------------------------------------------------------------------ one vacancy: applicants, candidates, slots

const ELIGIBILITY: Record<string, MessageKey> = {
  eligible: 'eligible',
  conditional: 'conditional',
  ineligible: 'ineligible',
};

function eligibilityBadge(status: string | undefined): HTMLElement {
  const key = status && ELIGIBILITY[status] ? ELIGIBILITY[status] : 'unknown';
  return h('span', { class: `badge st-${status ?? 'unknown'}` }, t(key));
}

function modeLabel(mode: string): string {
  return mode === 'phone' ? t('phoneMode') : label(lang, mode);
}

async function vacancyView(id: string): Promise<Node> {
  const [vacancy, apps, slots] = await Promise.all([
    call<Vacancy>(`/v1/vacancies/${id}`),
    call<Page<Application>>(`/v1/applications${qs({ vacancyId: id, pageSize: 100 })}`),
    call<{ items: Slot[] }>(`/v1/vacancies/${id}/interview-slots`),
  ]);
  const names = await occupationNames();
  const candidates = await call<{ items: Candidate[] }>(
    `/v1/vacancies/${id}/candidates${qs({ lang })}`,
  ).catch(() => ({ items: [] as Candidate[] }));
  const details = await Promise.all(
    apps.items.map(async (a) => {
      const [person, interviews] = await Promise.all([
        call<{ fullName?: string }>(`/v1/migrants/${a.migrantId}`).catch(() => ({}) as { fullName?: string }),
        call<{ items: Interview[] }>(`/v1/applications/${a.id}/interviews`).catch(() => ({ items: [] })),
      ]);
      const current =
        interviews.items.find((i) => i.status === 'scheduled') ?? interviews.items.at(-1) ?? null;
      return { app: a, name: person.fullName ?? `#${a.migrantId.slice(0, 8)}`, interview: current };
    }),
  );
  const free = slots.items.filter((s) => s.available);
  return h(
    'section',
    { 'data-vacancy-id': vacancy.id },
    h(
      'p',
      null,
      h('button', { type: 'button', class: 'link', onclick: () => void open('vacancies') }, t('back')),
    ),
    h('h2', null, vacancy.title),
    h(
      'p',
      null,
      h(
        'span',
        { class: `badge st-${vacancy.status}`, 'data-testid': 'vacancy-status' },
        statusLabel(vacancy.status),
      ),
      ` ${occupationName(names, vacancy)} · ${vacancy.city} · ${salaryText(vacancy)} · ${t('colStart')}: ${fmtDate(vacancy.startDate)}`,
    ),
    vacancy.status === 'draft'
      ? h(
          'button',
          {
            type: 'button',
            onclick: async () => {
              try {
                await post(`/v1/vacancies/${vacancy.id}/publish`);
                notice(t('published', { title: vacancy.title }));
                await open('vacancies', vacancy.id, true);
              } catch (e) {
                if (e instanceof ApiError && e.status === 422 && Array.isArray(e.problem.items)) {
                  message = {
                    kind: 'error',
                    text: feeExplanation(e.problem.items as WorkerCost[], vacancy.salary.currency),
                  };
                  render();
                } else fail(e);
              }
            },
          },
          t('publish'),
        )
      : null,
    h('h3', null, `${t('applicants')} (${apps.total})`),
    details.length === 0
      ? h('p', { class: 'muted' }, t('noApplicants'))
      : h(
          'table',
          { 'data-testid': 'applicants' },
          h(
            'thead',
            null,
            h(
              'tr',
              null,
              [
                t('colApplicant'),
                t('colStatus'),
                t('colEligibility'),
                t('colInterview'),
                t('colActions'),
              ].map((c) => h('th', { scope: 'col' }, c)),
            ),
          ),
          h(
            'tbody',
            null,
            details.map((d) => applicantRow(vacancy, d.app, d.name, d.interview, free)),
          ),
        ),
    h('h3', null, t('slots')),
    slots.items.length === 0
      ? h('p', { class: 'muted' }, t('noSlots'))
      : h(
          'ul',
          { 'data-testid': 'slots' },
          slots.items.map((s) =>
            h(
              'li',
              { 'data-slot': s.id },
              `${fmt(s.startsAt)} – ${new Date(s.endsAt).toLocaleTimeString(lang === 'ru' ? 'ru-RU' : 'en-GB', { timeStyle: 'short' })}, ${modeLabel(s.mode)}${s.location ? `, ${s.location}` : ''} — `,
              h('span', { class: s.available ? 'st-verified' : 'muted' }, t(s.available ? 'free' : 'booked')),
            ),
          ),
        ),
    slotForm(vacancy),
    h('h3', null, t('candidates')),
    candidates.items.length === 0
      ? h('p', { class: 'muted' }, t('noCandidates'))
      : h(
          'table',
          { 'data-testid': 'candidates' },
          h(
            'thead',
            null,
            h(
              'tr',
              null,
              [t('colApplicant'), t('colScore'), t('colEligibility'), t('colReasons')].map((c) =>
                h('th', { scope: 'col' }, c),
              ),
            ),
          ),
          h(
            'tbody',
            null,
            candidates.items.map((c) =>
              h(
                'tr',
                { 'data-candidate': c.migrant.id },
                h(
                  'td',
                  null,
                  `${c.migrant.citizenship} · ${c.migrant.occupations.map((o) => `${o.label} (${o.years})`).join(', ')}`,
                  c.migrant.applied ? h('div', { class: 'muted' }, t('applied')) : null,
                ),
                h('td', null, `${Math.round(c.score * 100)}%`),
                h('td', null, eligibilityBadge(c.eligibility.status)),
                h(
                  'td',
                  null,
                  h(
                    'ul',
                    null,
                    c.reasons.map((r) => h('li', null, r.message)),
                  ),
                ),
              ),
            ),
          ),
        ),
  );
}

function applicantRow(
  vacancy: Vacancy,
  app: Application,
  name: string,
  interview: Interview | null,
  free: Slot[],
): HTMLElement {
  const reload = async (text: string) => {
    notice(text);
    await open('vacancies', vacancy.id, true);
  };
  const act = (fn: () => Promise<unknown>, text: MessageKey) => async () => {
    try {
      await fn();
      await reload(t(text));
    } catch (e) {
      fail(e);
    }
  };
  const slotPicker = (purpose: string) => {
    const id = `slot-${purpose}-${app.id}`;
    return h(
      'div',
      { class: 'field' },
      h('label', { for: id }, t('pickSlot', { name })),
      h(
        'select',
        { id, 'data-slot-picker': purpose },
        free.map((s) => h('option', { value: s.id }, `${fmt(s.startsAt)}, ${modeLabel(s.mode)}`)),
      ),
    );
  };
  const chosen = (purpose: string) =>
    (document.getElementById(`slot-${purpose}-${app.id}`) as HTMLSelectElement | null)?.value ?? '';
  const actions: Child[] = [];
  const scheduled = interview && interview.status === 'scheduled' ? interview : null;
  if (['submitted', 'shortlisted', 'interviewed'].includes(app.status) && free.length) {
    actions.push(
      slotPicker('book'),
      h(
        'button',
        {
          type: 'button',
          'data-action': 'book',
          onclick: act(
            () => post(`/v1/applications/${app.id}/interview`, { slotId: chosen('book') }),
            'booked_ok',
          ),
        },
        t('book'),
      ),
    );
  }
  if (scheduled) {
    if (free.length)
      actions.push(
        slotPicker('move'),
        h(
          'button',
          {
            type: 'button',
            class: 'secondary',
            'data-action': 'reschedule',
            onclick: act(
              () => post(`/v1/interviews/${scheduled.id}/reschedule`, { slotId: chosen('move') }),
              'rescheduled_ok',
            ),
          },
          t('reschedule'),
        ),
      );
    const outcomeId = `outcome-${app.id}`;
    actions.push(
      h(
        'div',
        { class: 'field' },
        h('label', { for: outcomeId }, t('outcome')),
        h(
          'select',
          { id: outcomeId },
          (['passed', 'failed', 'second_interview'] as const).map((r) => h('option', { value: r }, t(r))),
          h('option', { value: 'no_show' }, t('noShow')),
        ),
      ),
      h(
        'button',
        {
          type: 'button',
          class: 'secondary',
          'data-action': 'outcome',
          onclick: act(() => {
            const v = (document.getElementById(outcomeId) as HTMLSelectElement).value;
            return post(
              `/v1/interviews/${scheduled.id}/outcome`,
              v === 'no_show' ? { attended: false } : { attended: true, result: v },
            );
          }, 'outcome_ok'),
        },
        t('saveOutcome'),
      ),
    );
  }
  if (app.status === 'interviewed')
    actions.push(
      h(
        'button',
        {
          type: 'button',
          'data-action': 'offer',
          onclick: act(() => post(`/v1/applications/${app.id}/transitions`, { to: 'offered' }), 'outcome_ok'),
        },
        t('offer'),
      ),
    );
  if (app.status === 'offered') {
    const dateId = `contract-${app.id}`;
    actions.push(
      h(
        'div',
        { class: 'field' },
        h('label', { for: dateId }, t('contractStart')),
        h('input', { id: dateId, type: 'date', value: vacancy.startDate, required: true }),
      ),
      h(
        'button',
        {
          type: 'button',
          'data-action': 'hire',
          onclick: act(
            () =>
              post(`/v1/applications/${app.id}/transitions`, {
                to: 'hired',
                contractStartDate: (document.getElementById(dateId) as HTMLInputElement).value,
              }),
            'hired_ok',
          ),
        },
        t('hire'),
      ),
    );
  }
  if (!['hired', 'rejected', 'withdrawn'].includes(app.status))
    actions.push(
      h(
        'button',
        {
          type: 'button',
          class: 'secondary',
          'data-action': 'reject',
          onclick: act(
            () => post(`/v1/applications/${app.id}/transitions`, { to: 'rejected' }),
            'outcome_ok',
          ),
        },
        t('reject'),
      ),
    );
  return h(
    'tr',
    { 'data-application': app.id, 'data-status': app.status },
    h('th', { scope: 'row' }, name),
    h('td', null, label(lang, `st_${app.status}`)),
    h('td', null, eligibilityBadge(app.eligibility?.status)),
    h(
      'td',
      null,
      interview
        ? h(
            'span',
            { 'data-interview': interview.id },
            `${fmt(interview.startsAt)} (${label(lang, interview.status)}${interview.result ? `, ${t(interview.result as MessageKey)}` : ''})`,
          )
        : '—',
    ),
    h('td', null, h('div', { class: 'row' }, actions)),
  );
}

function slotForm(vacancy: Vacancy): HTMLElement {
  return h(
    'form',
    {
      class: 'card',
      'aria-label': t('newSlot'),
      'data-testid': 'slot-form',
      onsubmit: async (e: Event) => {
        e.preventDefault();
        const v = formValues(e.target as HTMLFormElement);
        try {
          await post(`/v1/vacancies/${vacancy.id}/interview-slots`, {
            slots: [
              {
                startsAt: new Date(`${v.slotDate}T${v.slotStart}`).toISOString(),
                endsAt: new Date(`${v.slotDate}T${v.slotEnd}`).toISOString(),
                mode: v.slotMode,
                ...(v.slotLocation ? { location: v.slotLocation } : {}),
              },
            ],
          });
          notice(t('slotAdded'));
          await open('vacancies', vacancy.id, true);
        } catch (err) {
          fail(err);
        }
      },
    },
    h('h4', null, t('newSlot')),
    h(
      'div',
      { class: 'grid2' },
      field(t('slotDate'), 'slotDate', { type: 'date', required: true, min: isoDate(0), value: isoDate(1) }),
      field(t('slotStart'), 'slotStart', { type: 'time', required: true, value: '10:00' }),
      field(t('slotEnd'), 'slotEnd', { type: 'time', required: true, value: '10:30' }),
      field(
        t('slotMode'),
        'slotMode',
        {},
        'select',
        h('option', { value: 'in_person' }, t('in_person')),
        h('option', { value: 'video' }, t('video')),
        h('option', { value: 'phone' }, t('phoneMode')),
      ),
      field(t('slotLocation'), 'slotLocation', { maxlength: 300 }),
    ),
    h('button', { type: 'submit', 'data-action': 'add-slot' }, t('addSlot')),
  );
}

// ------------------------------------------------------------------ obligations

async function obligationsView(): Promise<Node> {
  const page = await call<Page<Obligation>>(`/v1/obligations${qs({ pageSize: 100 })}`);
  return h(
    'section',
    null,
    h('h2', null, t('obligationsTitle')),
    page.items.length === 0
      ? h('p', { class: 'muted' }, t('noObligations'))
      : h(
          'table',
          { 'data-testid': 'obligations' },
          h(
            'thead',
            null,
            h(
              'tr',
              null,
              [t('colKind'), t('colWorker'), t('colDue'), t('colStatus'), t('colBasis')].map((c) =>
                h('th', { scope: 'col' }, c),
              ),
            ),
          ),
          h(
            'tbody',
            null,
            page.items.map((o) =>
              h(
                'tr',
                { 'data-obligation': o.id },
                h('td', null, o.kind.replace(/_/g, ' ')),
                h('td', null, o.workerName ?? ''),
                h('td', null, fmtDate(o.dueDate)),
                h(
                  'td',
                  null,
                  h(
                    'span',
                    {
                      class: `badge st-${o.overdue ? 'failed' : o.status === 'done' ? 'verified' : 'pending'}`,
                    },
                    o.overdue ? t('overdue') : t(o.status === 'done' ? 'done_ob' : 'open_ob'),
                  ),
                ),
                h('td', null, o.legalBasis),
              ),
            ),
          ),
        ),
  );
}

const views: Record<Tab, () => Promise<Node>> = {
  vacancies: vacanciesView,
  new: newVacancyView,
  obligations: obligationsView,
};

async function boot(): Promise<void> {
  if (!session.token) return render();
  try {
    me = await call<Me>('/v1/auth/me');
    if (me.role !== 'employer' || !me.employerId) {
      session.token = null;
      me = null;
      employer = null;
      message = { kind: 'error', text: t('appTitle') };
      return render();
    }
    employer = await call<Employer>(`/v1/employers/${me.employerId}`);
  } catch {
    session.token = null;
    me = null;
    employer = null;
    return render();
  }
  if (employer.status !== 'verified') return render();
  await open(tab, openVacancyId, true);
}

void boot();
