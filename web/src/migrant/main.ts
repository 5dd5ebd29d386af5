/**
 * The jobseeker's page, made for a phone: register or sign in (password, or phone and the access code
 * from the kiosk QR link `/#login?phone=…&code=…`), see matching jobs with the right to work, apply,
 * follow applications and interviews, and withdraw consent with erasure. Five languages.
 */
import '../lib/style.css';
import { ApiError, Me, Page, Session, api, newKey, qs } from '../lib/api';
import { Child, field, formValues, h, money, mount } from '../lib/dom';
import { LANG_NAMES, MIGRANT_LANGS, MessageKey, MigrantLang, isMigrantLang, t as translate } from './i18n';

const session = new Session('jobfair.migrant.token');
const root = document.getElementById('app')!;
const LANG_KEY = 'jobfair.migrant.lang';
const CONSENT_VERSION = '2025-01';
const COUNTRIES = ['UZ', 'TJ', 'KG', 'KZ', 'AZ', 'MD', 'AM', 'BY'] as const;

function initialLang(): MigrantLang {
  const saved = localStorage.getItem(LANG_KEY);
  if (isMigrantLang(saved)) return saved;
  const nav = navigator.language.slice(0, 2);
  return isMigrantLang(nav) ? nav : 'ru';
}
let lang: MigrantLang = initialLang();
const t = (key: MessageKey, params?: Record<string, string | number>) => translate(lang, key, params);

interface Profile {
  id: string;
  fullName: string | null;
  consent?: { dataProcessing: boolean; visibleToEmployers: boolean; givenAt: string | null };
}
interface Match {
  vacancy: {
    id: string;
    title: string;
    occupation: { label: string };
    employer: { name: string };
    city: string | null;
    salary: { min: number | null; max: number | null; currency: string | null; period: string };
    housing: boolean;
    startDate: string | null;
  };
  eligibility: { status: string };
  reasons: Array<{ code: string; message: string }>;
}
interface Application {
  id: string;
  vacancyId: string;
  vacancyTitle: string;
  employerName: string;
  status: string;
}
interface Interview {
  id: string;
  startsAt: string;
  status: string;
  mode: string;
  location: string | null;
}

type Tab = 'matches' | 'applications' | 'profile';
const TABS: Array<[Tab, MessageKey]> = [
  ['matches', 'tabMatches'],
  ['applications', 'tabApplications'],
  ['profile', 'tabProfile'],
];

let me: Me | null = null;
let tab: Tab = 'matches';
let authMode: 'login' | 'register' = 'login';
let prefill: { phone?: string; code?: string } = {};
let message: { kind: 'error' | 'notice'; text: string } | null = null;
let content: Node = h('p', null, '');

const call = <T>(path: string, options: Parameters<typeof api>[1] = {}) =>
  api<T>(path, { token: session.token, ...options });

function fail(e: unknown): void {
  message = { kind: 'error', text: e instanceof ApiError ? e.describe() : String(e) };
  render();
}

const fmt = (iso: string) =>
  new Date(iso).toLocaleString(lang === 'en' ? 'en-GB' : 'ru-RU', {
    dateStyle: 'medium',
    timeStyle: 'short',
  });

function messageView(): Child {
  if (!message) return null;
  return h('p', { class: message.kind, role: message.kind === 'error' ? 'alert' : 'status' }, message.text);
}

function langPicker(): HTMLElement {
  return h(
    'div',
    { class: 'row', role: 'group', 'aria-label': t('language') },
    MIGRANT_LANGS.map((l) =>
      h(
        'button',
        {
          type: 'button',
          class: 'link',
          lang: l,
          'data-lang': l,
          'aria-pressed': String(l === lang),
          onclick: () => {
            lang = l;
            localStorage.setItem(LANG_KEY, l);
            void (me ? open(tab, true) : Promise.resolve(render()));
          },
        },
        LANG_NAMES[l].name,
      ),
    ),
  );
}

function render(): void {
  document.documentElement.lang = lang;
  document.title = t('pageTitle');
  const top = h(
    'header',
    { class: 'top' },
    h('h1', null, t('pageTitle')),
    langPicker(),
    me ? h('button', { type: 'button', class: 'link', onclick: logout }, t('logout')) : null,
  );
  if (!me) {
    mount(root, h('div', null, top, authMode === 'login' ? loginView() : registerView()));
    return;
  }
  mount(
    root,
    h(
      'div',
      null,
      top,
      h(
        'nav',
        { class: 'tabs', 'aria-label': t('sections') },
        TABS.map(([id, key]) =>
          h(
            'button',
            {
              type: 'button',
              'data-tab': id,
              'aria-current': tab === id ? 'page' : undefined,
              onclick: () => void open(id),
            },
            t(key),
          ),
        ),
      ),
      h('main', { 'data-tab': tab }, messageView(), content),
    ),
  );
}

// ------------------------------------------------------------------ sign in and register

function switchTo(mode: 'login' | 'register'): void {
  authMode = mode;
  message = null;
  render();
}

function loginView(): HTMLElement {
  return h(
    'main',
    null,
    h('p', { class: 'notice' }, t('noFee')),
    h('h2', null, t('loginTitle')),
    messageView(),
    h(
      'form',
      {
        'aria-label': t('loginTitle'),
        onsubmit: (e: Event) => {
          e.preventDefault();
          const v = formValues(e.target as HTMLFormElement);
          void signIn(v.phone, v.password || undefined, v.accessCode || undefined);
        },
      },
      field(t('phone'), 'phone', {
        type: 'tel',
        autocomplete: 'tel',
        required: true,
        value: prefill.phone ?? '',
      }),
      field(t('password'), 'password', { type: 'password', autocomplete: 'current-password' }),
      field(t('codeInstead'), 'accessCode', {
        autocomplete: 'one-time-code',
        pattern: '[A-Za-z0-9]{4,12}',
        value: prefill.code ?? '',
      }),
      h('button', { type: 'submit' }, t('signIn')),
    ),
    h(
      'p',
      null,
      `${t('noAccount')} `,
      h('button', { type: 'button', class: 'link', onclick: () => switchTo('register') }, t('registerTitle')),
    ),
  );
}

async function signIn(phone: string, password?: string, accessCode?: string): Promise<void> {
  try {
    const res = await api<{ accessToken: string }>('/v1/auth/login', {
      body: {
        phone: phone.replace(/[\s()-]/g, ''),
        ...(password ? { password } : {}),
        ...(accessCode ? { accessCode } : {}),
      },
    });
    session.token = res.accessToken;
    message = null;
    prefill = {};
    await boot();
  } catch (e) {
    fail(e);
  }
}

function registerView(): HTMLElement {
  const trades = h('select', { id: 'f-trade', name: 'trade' }, h('option', { value: '' }, t('anyTrade')));
  void api<Page<{ code: string; label: string }>>(`/v1/reference/occupations${qs({ lang, pageSize: 100 })}`)
    .then((page) => trades.append(...page.items.map((o) => h('option', { value: o.code }, o.label))))
    .catch(() => undefined);
  return h(
    'main',
    null,
    h('h2', null, t('registerTitle')),
    messageView(),
    h(
      'form',
      {
        'aria-label': t('registerTitle'),
        onsubmit: async (e: Event) => {
          e.preventDefault();
          const v = formValues(e.target as HTMLFormElement);
          const phone = v.phone.replace(/[\s()-]/g, '');
          try {
            await api('/v1/migrants', {
              headers: { 'idempotency-key': newKey() },
              body: {
                fullName: v.fullName.trim(),
                birthDate: v.birthDate,
                gender: v.gender,
                citizenship: v.citizenship,
                phone,
                preferredLanguage: lang,
                ...(v.trade ? { occupations: [{ code: v.trade, years: 0 }] } : {}),
                consent: {
                  dataProcessing: v.consent === 'on',
                  visibleToEmployers: v.visible === 'on',
                  version: CONSENT_VERSION,
                },
                password: v.password,
              },
            });
            authMode = 'login';
            await signIn(phone, v.password);
          } catch (err) {
            fail(err);
          }
        },
      },
      field(t('fullName'), 'fullName', { required: true, minlength: 2, autocomplete: 'name' }),
      field(t('birthDate'), 'birthDate', { type: 'date', required: true, autocomplete: 'bday' }),
      field(
        t('gender'),
        'gender',
        {},
        'select',
        h('option', { value: 'male' }, t('male')),
        h('option', { value: 'female' }, t('female')),
      ),
      field(
        t('citizenship'),
        'citizenship',
        {},
        'select',
        COUNTRIES.map((c) => h('option', { value: c }, t(`country_${c}` as MessageKey))),
      ),
      field(t('phone'), 'phone', { type: 'tel', required: true, autocomplete: 'tel', placeholder: '+998…' }),
      h('div', { class: 'field' }, h('label', { for: 'f-trade' }, t('trade')), trades),
      field(t('passwordNew'), 'password', {
        type: 'password',
        required: true,
        minlength: 8,
        autocomplete: 'new-password',
      }),
      h('h3', null, t('consentTitle')),
      h('p', null, t('consentText')),
      h(
        'div',
        { class: 'row' },
        h('input', { type: 'checkbox', id: 'f-consent', name: 'consent', required: true }),
        h('label', { for: 'f-consent' }, t('consentData')),
      ),
      h(
        'div',
        { class: 'row', style: { marginBottom: '1rem' } },
        h('input', { type: 'checkbox', id: 'f-visible', name: 'visible' }),
        h('label', { for: 'f-visible' }, t('consentVisibleQuestion')),
      ),
      h('button', { type: 'submit' }, t('registerSubmit')),
    ),
    h(
      'p',
      null,
      `${t('haveAccount')} `,
      h('button', { type: 'button', class: 'link', onclick: () => switchTo('login') }, t('signIn')),
    ),
  );
}

function logout(): void {
  session.token = null;
  me = null;
  render();
}

// ------------------------------------------------------------------ signed in

async function open(next: Tab, keepMessage = false): Promise<void> {
  tab = next;
  if (!keepMessage) message = null;
  content = h('p', null, t('loading'));
  render();
  try {
    content = await views[next]();
  } catch (e) {
    content = h('p', null, '');
    fail(e);
    return;
  }
  render();
}

function pay(m: Match['vacancy']): string {
  const { min, max, currency, period } = m.salary;
  if (min === null && max === null) return '';
  const amount =
    max && max !== min
      ? `${money(min ?? 0, currency ?? 'RUB')} – ${money(max, currency ?? 'RUB')}`
      : money(min ?? max, currency ?? 'RUB');
  const per = period === 'hour' ? t('perHour') : period === 'day' ? t('perShift') : t('perMonth');
  return `${amount} ${per}`;
}

async function myApplications(): Promise<Application[]> {
  const page = await call<Page<Application>>(`/v1/applications${qs({ pageSize: 100 })}`);
  return page.items;
}

async function matchesView(): Promise<Node> {
  const [matches, apps] = await Promise.all([
    call<{ items: Match[] }>(`/v1/migrants/${me!.migrantId}/matches${qs({ lang })}`),
    myApplications(),
  ]);
  const appliedTo = new Set(apps.filter((a) => a.status !== 'withdrawn').map((a) => a.vacancyId));
  return h(
    'section',
    null,
    h('h2', null, t('tabMatches')),
    matches.items.length === 0 ? h('p', { class: 'muted' }, t('noMatches')) : null,
    matches.items.map((m) => {
      const v = m.vacancy;
      const status = m.eligibility.status as 'eligible' | 'conditional' | 'ineligible';
      return h(
        'article',
        { class: 'card', 'data-vacancy': v.id },
        h('h3', null, v.title),
        h(
          'p',
          { class: 'muted' },
          `${v.occupation.label} · ${v.employer.name}${v.city ? ` · ${v.city}` : ''}`,
        ),
        h(
          'p',
          null,
          h('strong', null, `${t('pay')}: ${pay(v)}`),
          h('br'),
          v.housing ? t('housing') : t('housingNone'),
          v.startDate ? ` · ${t('start')}: ${v.startDate}` : '',
        ),
        h(
          'p',
          null,
          h(
            'span',
            { class: `badge st-${status}` },
            t(status in { eligible: 1, conditional: 1, ineligible: 1 } ? status : 'conditional'),
          ),
        ),
        m.reasons.length
          ? h(
              'ul',
              null,
              m.reasons.map((r) => h('li', null, r.message)),
            )
          : null,
        appliedTo.has(v.id)
          ? h('p', { class: 'notice', 'data-applied': v.id }, t('applied'))
          : h(
              'button',
              {
                type: 'button',
                'data-action': 'apply',
                'aria-label': `${t('apply')}: ${v.title}`,
                disabled: status === 'ineligible',
                onclick: async () => {
                  try {
                    await call('/v1/applications', {
                      method: 'POST',
                      headers: { 'idempotency-key': newKey() },
                      body: { vacancyId: v.id },
                    });
                    message = { kind: 'notice', text: `${t('applied')}: ${v.title}` };
                    await open('matches', true);
                  } catch (e) {
                    fail(e);
                  }
                },
              },
              t('apply'),
            ),
      );
    }),
  );
}

async function applicationsView(): Promise<Node> {
  const apps = await myApplications();
  const interviews = await Promise.all(
    apps.map((a) =>
      call<{ items: Interview[] }>(`/v1/applications/${a.id}/interviews`).then(
        (r) => r.items,
        () => [] as Interview[],
      ),
    ),
  );
  return h(
    'section',
    null,
    h('h2', null, t('tabApplications')),
    apps.length === 0 ? h('p', { class: 'muted' }, t('noApplications')) : null,
    apps.map((a, i) => {
      const next = interviews[i].find((x) => x.status === 'scheduled');
      return h(
        'article',
        { class: 'card', 'data-application': a.id, 'data-status': a.status },
        h('h3', null, a.vacancyTitle),
        h('p', { class: 'muted' }, a.employerName),
        h('p', null, h('span', { class: `badge st-${a.status}` }, t(`st_${a.status}` as MessageKey))),
        next
          ? h(
              'p',
              { 'data-interview': next.id },
              h('strong', null, `${t('interview')}: `),
              `${fmt(next.startsAt)}${next.location ? `, ${next.location}` : ''}`,
            )
          : null,
        ['hired', 'rejected', 'withdrawn'].includes(a.status)
          ? null
          : h(
              'button',
              {
                type: 'button',
                class: 'secondary',
                onclick: async () => {
                  try {
                    await call(`/v1/applications/${a.id}/withdraw`, { method: 'POST', body: {} });
                    await open('applications');
                  } catch (e) {
                    fail(e);
                  }
                },
              },
              t('withdraw'),
            ),
      );
    }),
  );
}

async function profileView(): Promise<Node> {
  const p = await call<Profile>(`/v1/migrants/${me!.migrantId}`);
  return h(
    'section',
    null,
    h('h2', null, t('tabProfile')),
    h('p', null, h('strong', null, p.fullName ?? ''), me!.phone ? ` · ${me!.phone}` : ''),
    p.consent?.givenAt
      ? h(
          'p',
          null,
          t('consentGiven', {
            date: new Date(p.consent.givenAt).toLocaleDateString(lang === 'en' ? 'en-GB' : 'ru-RU'),
          }),
        )
      : null,
    h('p', { class: 'muted' }, t('consentText')),
    h(
      'div',
      { class: 'card' },
      h('h3', null, t('eraseTitle')),
      h('p', null, t('eraseText')),
      h(
        'button',
        {
          type: 'button',
          class: 'secondary',
          'data-action': 'erase',
          onclick: async () => {
            if (!confirm(t('eraseConfirm'))) return;
            try {
              await call(`/v1/migrants/${p.id}/erase`, { method: 'POST' });
              session.token = null;
              me = null;
              message = { kind: 'notice', text: t('erased') };
              render();
            } catch (e) {
              fail(e);
            }
          },
        },
        t('eraseTitle'),
      ),
    ),
  );
}

const views: Record<Tab, () => Promise<Node>> = {
  matches: matchesView,
  applications: applicationsView,
  profile: profileView,
};

/** `#login?phone=…&code=…` from the kiosk's QR code: sign straight in with the access code. */
function readHash(): { phone?: string; code?: string } {
  const m = /^#login\?(.*)$/.exec(location.hash);
  if (!m) return {};
  const p = new URLSearchParams(m[1]);
  history.replaceState(null, '', location.pathname);
  return { phone: p.get('phone') ?? undefined, code: p.get('code') ?? undefined };
}

async function boot(): Promise<void> {
  if (!session.token) return render();
  try {
    me = await call<Me>('/v1/auth/me');
    if (me.role !== 'migrant' || !me.migrantId) throw new Error('not a migrant');
  } catch {
    session.token = null;
    me = null;
    return render();
  }
  await open(tab, true);
}

prefill = readHash();
if (prefill.phone && prefill.code) {
  session.token = null;
  void signIn(prefill.phone, undefined, prefill.code);
} else void boot();
