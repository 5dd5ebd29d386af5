/**
 * Staff console: verify employers, create fairs and pair kiosks (token as a QR code), read fair
 * reports with a funnel chart and CSV/XLSX downloads, follow applications and their history, watch
 * employers' overdue duties, review dead notifications and merge duplicate profiles.
 */
import QRCode from 'qrcode';
import '../lib/style.css';
import { ApiError, Me, Page, Session, api, newKey, qs } from '../lib/api';
import { Child, field, formValues, h, mount, svg } from '../lib/dom';

const session = new Session('jobfair.staff.token');
const root = document.getElementById('app')!;

type Tab =
  'employers' | 'fairs' | 'reports' | 'applications' | 'obligations' | 'notifications' | 'duplicates';
const TABS: Array<[Tab, string]> = [
  ['employers', 'Работодатели'],
  ['fairs', 'Ярмарки и киоски'],
  ['reports', 'Отчёты'],
  ['applications', 'Заявки'],
  ['obligations', 'Просроченные обязанности'],
  ['notifications', 'Недоставленные уведомления'],
  ['duplicates', 'Дубликаты'],
];

interface Employer {
  id: string;
  name: string;
  taxId: string;
  country: string;
  region: string;
  contactName: string;
  email: string;
  status: string;
  createdAt: string;
}
interface Fair {
  id: string;
  name: string;
  city: string;
  venue: string;
  startsAt: string;
  endsAt: string;
  status: string;
  participants: Array<{ employerId: string; name: string; booth: string | null; vacancies: unknown[] }>;
}

let me: Me | null = null;
let tab: Tab = (location.hash.replace('#', '') as Tab) || 'employers';
let message: { kind: 'error' | 'notice'; text: string } | null = null;
let content: Node = h('p', null, 'Загрузка…');

function fail(e: unknown): void {
  message = { kind: 'error', text: e instanceof ApiError ? e.describe() : String(e) };
  render();
}

const call = <T>(path: string, options: Parameters<typeof api>[1] = {}) =>
  api<T>(path, { token: session.token, ...options });

function render(): void {
  if (!me) {
    mount(root, loginView());
    return;
  }
  mount(
    root,
    h(
      'div',
      null,
      h(
        'header',
        { class: 'top' },
        h('h1', null, 'Консоль службы занятости'),
        h(
          'div',
          { class: 'row' },
          h('span', null, me.displayName ?? me.email ?? ''),
          h('button', { type: 'button', class: 'link', onclick: logout }, 'Выйти'),
        ),
      ),
      h(
        'nav',
        { class: 'tabs', 'aria-label': 'Разделы' },
        TABS.map(([id, label]) =>
          h(
            'button',
            {
              type: 'button',
              'data-tab': id,
              'aria-current': tab === id ? 'page' : undefined,
              onclick: () => open(id),
            },
            label,
          ),
        ),
      ),
      h(
        'main',
        { 'data-tab': tab },
        message
          ? h('p', { class: message.kind, role: message.kind === 'error' ? 'alert' : 'status' }, message.text)
          : null,
        content,
      ),
    ),
  );
}

function loginView(): HTMLElement {
  return h(
    'main',
    null,
    h('h1', null, 'Консоль службы занятости'),
    message ? h('p', { class: 'error', role: 'alert' }, message.text) : null,
    h(
      'form',
      {
        'aria-label': 'Вход',
        onsubmit: async (e: Event) => {
          e.preventDefault();
          const v = formValues(e.target as HTMLFormElement);
          try {
            const res = await api<{ accessToken: string }>('/v1/auth/login', {
              body: { email: v.email, password: v.password },
            });
            session.token = res.accessToken;
            message = null;
            await boot();
          } catch (err) {
            fail(err);
          }
        },
      },
      field('Электронная почта', 'email', { type: 'email', autocomplete: 'username', required: true }),
      field('Пароль', 'password', { type: 'password', autocomplete: 'current-password', required: true }),
      h('button', { type: 'submit' }, 'Войти'),
    ),
  );
}

function logout(): void {
  session.token = null;
  me = null;
  render();
}

async function open(next: Tab): Promise<void> {
  tab = next;
  message = null;
  history.replaceState(null, '', `#${next}`);
  content = h('p', null, 'Загрузка…');
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

const fmt = (iso: string) =>
  new Date(iso).toLocaleString('ru-RU', { dateStyle: 'medium', timeStyle: 'short' });

// ------------------------------------------------------------------ employers

async function employersView(): Promise<Node> {
  const page = await call<Page<Employer>>(`/v1/employers${qs({ status: 'pending', pageSize: 100 })}`);
  return h(
    'section',
    null,
    h('h2', null, `Ожидают проверки (${page.total})`),
    page.items.length === 0
      ? h('p', { class: 'muted' }, 'Новых заявок нет.')
      : h(
          'table',
          null,
          h(
            'thead',
            null,
            h(
              'tr',
              null,
              ['Организация', 'ИНН/БИН', 'Регион', 'Контакт', 'Подана', ''].map((c) =>
                h('th', { scope: 'col' }, c),
              ),
            ),
          ),
          h(
            'tbody',
            null,
            page.items.map((e) =>
              h(
                'tr',
                { 'data-employer': e.id },
                h('td', null, e.name),
                h('td', null, `${e.taxId} (${e.country})`),
                h('td', null, e.region),
                h('td', null, `${e.contactName}, ${e.email}`),
                h('td', null, fmt(e.createdAt)),
                h(
                  'td',
                  null,
                  h(
                    'div',
                    { class: 'row' },
                    h(
                      'button',
                      { type: 'button', 'data-action': 'verify', onclick: () => decide(e, 'verify') },
                      'Подтвердить',
                    ),
                    h(
                      'button',
                      { type: 'button', class: 'secondary', onclick: () => decide(e, 'reject') },
                      'Отклонить',
                    ),
                  ),
                ),
              ),
            ),
          ),
        ),
  );
}

async function decide(e: Employer, action: 'verify' | 'reject'): Promise<void> {
  let body: unknown = undefined;
  if (action === 'reject') {
    const reason = prompt(`Причина отказа для «${e.name}»`);
    if (!reason) return;
    body = { reason };
  }
  try {
    await call(`/v1/employers/${e.id}/${action}`, { method: 'POST', body });
    await open('employers');
    message = { kind: 'notice', text: `«${e.name}»: ${action === 'verify' ? 'подтверждён' : 'отклонён'}` };
    render();
  } catch (err) {
    fail(err);
  }
}

// ------------------------------------------------------------------ fairs and kiosks

async function fairsView(): Promise<Node> {
  const fairs = await call<Page<Fair>>(`/v1/fairs${qs({ upcoming: true, pageSize: 50 })}`);
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  return h(
    'section',
    null,
    h('h2', null, 'Новая ярмарка'),
    h(
      'form',
      {
        'aria-label': 'Новая ярмарка',
        onsubmit: async (e: Event) => {
          e.preventDefault();
          const v = formValues(e.target as HTMLFormElement);
          try {
            const fair = await call<Fair>('/v1/fairs', {
              headers: { 'idempotency-key': newKey() },
              body: {
                name: v.name,
                region: v.region,
                city: v.city,
                venue: v.venue,
                startsAt: new Date(`${v.date}T${v.start}`).toISOString(),
                endsAt: new Date(`${v.date}T${v.end}`).toISOString(),
                timezone: v.timezone,
                languages: ['ru', 'uz', 'tg', 'ky', 'en'],
              },
            });
            await open('fairs');
            message = { kind: 'notice', text: `Ярмарка «${fair.name}» создана` };
            render();
          } catch (err) {
            fail(err);
          }
        },
      },
      h(
        'div',
        { class: 'grid2' },
        field('Название', 'name', { required: true }),
        field('Регион (ISO 3166-2)', 'region', {
          required: true,
          value: 'RU-MOW',
          pattern: '[A-Z]{2}-[A-Z0-9]{1,3}',
        }),
        field('Город', 'city', { required: true, value: 'Москва' }),
        field('Место проведения', 'venue', { required: true }),
        field('Дата', 'date', { type: 'date', required: true, value: tomorrow }),
        field('Начало', 'start', { type: 'time', required: true, value: '10:00' }),
        field('Окончание', 'end', { type: 'time', required: true, value: '17:00' }),
        field('Часовой пояс', 'timezone', { required: true, value: 'Europe/Moscow' }),
      ),
      h('button', { type: 'submit' }, 'Создать ярмарку'),
    ),
    h('h2', null, 'Ближайшие ярмарки'),
    fairs.items.map((f) =>
      h(
        'article',
        { class: 'card', 'data-fair': f.id },
        h('h3', null, f.name),
        h(
          'p',
          { class: 'muted' },
          `${f.city}, ${f.venue} · ${fmt(f.startsAt)} – ${fmt(f.endsAt)} · ${f.status}`,
        ),
        h(
          'p',
          null,
          `Работодателей: ${f.participants.length}, вакансий: ${f.participants.reduce((n, p) => n + p.vacancies.length, 0)}`,
        ),
        h(
          'div',
          { class: 'row' },
          h(
            'button',
            { type: 'button', 'data-action': 'kiosk', onclick: () => registerKiosk(f) },
            'Подключить киоск',
          ),
          h('button', { type: 'button', class: 'secondary', onclick: () => showReport(f.id) }, 'Отчёт'),
        ),
        h('div', { 'data-kiosk-slot': f.id }),
      ),
    ),
  );
}

async function registerKiosk(f: Fair): Promise<void> {
  const label = prompt('Где стоит киоск?', 'Вход, слева');
  if (!label) return;
  try {
    const kiosk = await call<{ id: string; token: string; label: string }>(`/v1/fairs/${f.id}/kiosks`, {
      body: { label },
    });
    const link = `${location.origin}/kiosk#token=${encodeURIComponent(kiosk.token)}`;
    const canvas = h('canvas', {
      role: 'img',
      'aria-label': 'QR-код для подключения киоска',
    }) as HTMLCanvasElement;
    await QRCode.toCanvas(canvas, link, { width: 220, margin: 1 });
    document
      .querySelector(`[data-kiosk-slot="${f.id}"]`)
      ?.replaceChildren(
        h(
          'div',
          { class: 'card', 'data-testid': 'kiosk-pairing' },
          h(
            'p',
            null,
            h('strong', null, `Киоск «${kiosk.label}»`),
            ' — откройте на киоске ссылку или отсканируйте QR. Токен показывается один раз.',
          ),
          canvas,
          h('p', null, h('a', { href: link, 'data-testid': 'kiosk-link' }, 'Ссылка для киоска')),
        ),
      );
  } catch (err) {
    fail(err);
  }
}

// ------------------------------------------------------------------ reports

let reportFairId: string | null = null;

async function showReport(fairId: string): Promise<void> {
  reportFairId = fairId;
  await open('reports');
}

/** Horizontal bars in plain SVG: one row per label, the value printed beside its bar. */
export function barChart(title: string, rows: Array<{ label: string; value: number }>): Element {
  const max = Math.max(1, ...rows.map((r) => r.value));
  const rowH = 28;
  const labelW = 200;
  const barW = 420;
  const height = rows.length * rowH + 10;
  return svg(
    'svg',
    {
      class: 'chart',
      role: 'img',
      'aria-label': title,
      width: labelW + barW + 60,
      height,
      viewBox: `0 0 ${labelW + barW + 60} ${height}`,
    },
    svg('title', {}, title),
    rows.map((r, i) => {
      const y = i * rowH + 5;
      const w = Math.round((r.value / max) * barW);
      return svg(
        'g',
        { 'data-bar': r.label },
        svg('text', { x: labelW - 8, y: y + 17, 'text-anchor': 'end' }, r.label),
        svg('rect', { x: labelW, y, width: Math.max(w, 1), height: rowH - 8, fill: '#0b4f9c' }),
        svg('text', { x: labelW + w + 6, y: y + 17 }, String(r.value)),
      );
    }),
  );
}

const FUNNEL_LABELS: Record<string, string> = {
  visited: 'Посетили',
  visitors: 'Посетили',
  applied: 'Подали заявки',
  applications: 'Заявки',
  submitted: 'Подано',
  shortlisted: 'Отобраны',
  interviewed: 'Собеседование',
  interview: 'Собеседование',
  offered: 'Предложение',
  hired: 'Приняты',
  rejected: 'Отказ',
  withdrawn: 'Отозваны',
};

/** Turns a {key: number} object or an array of {key|label|value|count} into chart rows. */
function rowsOf(data: unknown): Array<{ label: string; value: number }> {
  if (Array.isArray(data)) {
    return data.map((d: Record<string, unknown>) => {
      const label = String(d.label ?? d.stage ?? d.key ?? d.code ?? d.name ?? d.value ?? '');
      return { label: FUNNEL_LABELS[label] ?? label, value: Number(d.count ?? d.value ?? d.total ?? 0) };
    });
  }
  if (data && typeof data === 'object') {
    return Object.entries(data as Record<string, unknown>)
      .filter(([, v]) => typeof v === 'number')
      .map(([k, v]) => ({ label: FUNNEL_LABELS[k] ?? k, value: v as number }));
  }
  return [];
}

interface BreakdownRow {
  key: string;
  label?: string;
  visitors: number;
  hires: number;
}

const FUNNEL: Array<[string, string]> = [
  ['visitors', 'Посетили'],
  ['registrations', 'Зарегистрировались'],
  ['applicants', 'Подали заявки'],
  ['applications', 'Заявок всего'],
  ['interviewsScheduled', 'Собеседований назначено'],
  ['interviewsAttended', 'Пришли на собеседование'],
  ['secondInterviews', 'Второе собеседование'],
  ['offers', 'Предложения'],
  ['hires', 'Приняты на работу'],
];

function funnelRows(report: Record<string, unknown>): Array<{ label: string; value: number }> {
  const known = FUNNEL.filter(([k]) => typeof report[k] === 'number');
  if (!known.length) return rowsOf(report.funnel ?? report);
  return known.map(([k, label]) => ({ label, value: report[k] as number }));
}

function breakdownRows(rows: BreakdownRow[]): Array<{ label: string; value: number }> {
  return rows.map((r) => ({ label: `${r.label ?? r.key} (${r.hires})`, value: r.visitors }));
}

async function reportsView(): Promise<Node> {
  const fairs = await call<Page<Fair>>(`/v1/fairs${qs({ pageSize: 100 })}`);
  const fairId = reportFairId ?? fairs.items[0]?.id ?? null;
  const picker = h(
    'div',
    { class: 'field' },
    h('label', { for: 'report-fair' }, 'Ярмарка'),
    h(
      'select',
      {
        id: 'report-fair',
        onchange: (e: Event) => void showReport((e.target as HTMLSelectElement).value),
      },
      fairs.items.map((f) =>
        h('option', { value: f.id, selected: f.id === fairId }, `${f.name} (${fmt(f.startsAt)})`),
      ),
    ),
  );
  if (!fairId)
    return h('section', null, h('h2', null, 'Отчёты'), h('p', { class: 'muted' }, 'Ярмарок пока нет.'));
  const report = await call<Record<string, unknown>>(`/v1/reports/fairs/${fairId}`);
  const breakdowns = ['byCitizenship', 'byGender', 'byOccupation', 'byRegion', 'byEmployer'] as const;
  const names: Record<string, string> = {
    byCitizenship: 'По гражданству',
    byGender: 'По полу',
    byOccupation: 'По профессиям',
    byRegion: 'По регионам',
    byEmployer: 'По работодателям',
  };
  const download = (label: string, path: string, file: string): Child =>
    h(
      'button',
      {
        type: 'button',
        class: 'secondary',
        'data-download': file,
        onclick: () => void downloadFile(path, file),
      },
      label,
    );
  return h(
    'section',
    null,
    h('h2', null, 'Отчёт по ярмарке'),
    picker,
    h(
      'div',
      { class: 'row', role: 'group', 'aria-label': 'Выгрузки' },
      download(
        'Трудоустройства по гражданству, CSV',
        '/v1/reports/placements?groupBy=citizenship&format=csv',
        'placements.csv',
      ),
      download(
        'Трудоустройства по гражданству, XLSX',
        '/v1/reports/placements?groupBy=citizenship&format=xlsx',
        'placements.xlsx',
      ),
      download('Все заявки, CSV', '/v1/reports/applications/export?format=csv', 'applications.csv'),
    ),
    h('h3', null, 'Воронка'),
    h('figure', { 'data-testid': 'funnel' }, barChart('Воронка ярмарки', funnelRows(report))),
    breakdowns
      .filter((b) => Array.isArray(report[b]) && (report[b] as unknown[]).length)
      .map((b) =>
        h(
          'figure',
          { 'data-breakdown': b },
          h('figcaption', null, `${names[b]}: посетители (в скобках — приняты на работу)`),
          barChart(names[b], breakdownRows(report[b] as BreakdownRow[])),
        ),
      ),
  );
}

async function downloadFile(path: string, file: string): Promise<void> {
  // A bearer token cannot ride on a plain link, so fetch the file and hand it to the browser.
  const res = await fetch(path, {
    headers: { authorization: `Bearer ${session.token}` },
  });
  if (!res.ok) return fail(new ApiError(res.status, { status: res.status, detail: await res.text() }));
  const blob = await res.blob();
  const a = h('a', { href: URL.createObjectURL(blob), download: file }) as HTMLAnchorElement;
  document.body.appendChild(a);
  a.click();
  a.remove();
}

// ------------------------------------------------------------------ applications

interface Application {
  id: string;
  migrantId: string;
  vacancyId: string;
  vacancyTitle?: string;
  employerName?: string;
  status: string;
  source: 'online' | 'kiosk';
  fairId: string | null;
  createdAt: string;
}
interface Transition {
  id: string;
  from: string | null;
  to: string;
  actorId: string | null;
  actorRole: string;
  reason: string | null;
  at: string;
}

const APPLICATION_STATUSES: Array<[string, string]> = [
  ['submitted', 'Подана'],
  ['shortlisted', 'Отобрана'],
  ['interview_scheduled', 'Назначено собеседование'],
  ['interviewed', 'Собеседование пройдено'],
  ['offered', 'Предложение'],
  ['hired', 'Принят на работу'],
  ['rejected', 'Отказ'],
  ['withdrawn', 'Отозвана'],
];
const statusLabel = (s: string | null) =>
  s === null ? '—' : (APPLICATION_STATUSES.find(([k]) => k === s)?.[1] ?? s);

const ROLES: Record<string, string> = {
  migrant: 'соискатель',
  employer: 'работодатель',
  staff: 'сотрудник',
  admin: 'администратор',
  kiosk: 'киоск',
  system: 'система',
};

const APPLICATIONS_PAGE_SIZE = 20;
let applicationsQuery = { status: '', page: 1 };

async function applicationsView(): Promise<Node> {
  const [page, fairs] = await Promise.all([
    call<Page<Application>>(
      `/v1/applications${qs({ status: applicationsQuery.status, page: applicationsQuery.page, pageSize: APPLICATIONS_PAGE_SIZE })}`,
    ),
    call<Page<Fair>>(`/v1/fairs${qs({ pageSize: 100 })}`).catch(() => null),
  ]);
  const fairName = new Map((fairs?.items ?? []).map((f) => [f.id, f.name]));
  const pages = Math.max(1, Math.ceil(page.total / APPLICATIONS_PAGE_SIZE));
  const go = (next: Partial<typeof applicationsQuery>) => {
    applicationsQuery = { ...applicationsQuery, ...next };
    void open('applications');
  };
  return h(
    'section',
    null,
    h('h2', null, `Заявки (${page.total})`),
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'applications-status' }, 'Статус'),
      h(
        'select',
        {
          id: 'applications-status',
          onchange: (e: Event) => go({ status: (e.target as HTMLSelectElement).value, page: 1 }),
        },
        h('option', { value: '', selected: applicationsQuery.status === '' }, 'Все'),
        APPLICATION_STATUSES.map(([value, label]) =>
          h('option', { value, selected: applicationsQuery.status === value }, label),
        ),
      ),
    ),
    page.items.length === 0
      ? h('p', { class: 'muted' }, 'Заявок нет.')
      : h(
          'table',
          { 'aria-label': 'Заявки' },
          h(
            'thead',
            null,
            h(
              'tr',
              null,
              ['Создана', 'Статус', 'Вакансия', 'Источник', 'Ярмарка', ''].map((c) =>
                h('th', { scope: 'col' }, c),
              ),
            ),
          ),
          h(
            'tbody',
            null,
            page.items.map((a) =>
              h(
                'tr',
                { 'data-application': a.id },
                h('td', null, fmt(a.createdAt)),
                h('td', null, h('span', { class: `badge st-${a.status}` }, statusLabel(a.status))),
                h(
                  'td',
                  null,
                  a.vacancyTitle ?? a.vacancyId,
                  a.employerName ? h('div', { class: 'muted' }, a.employerName) : null,
                ),
                h('td', null, a.source === 'kiosk' ? 'Киоск' : 'Онлайн'),
                h('td', null, a.fairId ? (fairName.get(a.fairId) ?? a.fairId) : '—'),
                h(
                  'td',
                  null,
                  h(
                    'button',
                    {
                      type: 'button',
                      class: 'secondary',
                      'data-action': 'history',
                      'aria-label': `История заявки: ${a.vacancyTitle ?? a.vacancyId}`,
                      onclick: () => void showHistory(a),
                    },
                    'История',
                  ),
                ),
              ),
            ),
          ),
        ),
    h(
      'nav',
      { class: 'row', 'aria-label': 'Страницы заявок' },
      h(
        'button',
        {
          type: 'button',
          class: 'secondary',
          disabled: applicationsQuery.page <= 1,
          onclick: () => go({ page: applicationsQuery.page - 1 }),
        },
        'Предыдущая',
      ),
      h('span', { 'aria-live': 'polite' }, `Страница ${applicationsQuery.page} из ${pages}`),
      h(
        'button',
        {
          type: 'button',
          class: 'secondary',
          disabled: applicationsQuery.page >= pages,
          onclick: () => go({ page: applicationsQuery.page + 1 }),
        },
        'Следующая',
      ),
    ),
    h('section', { 'data-testid': 'application-history', 'aria-live': 'polite' }),
  );
}

async function showHistory(a: Application): Promise<void> {
  try {
    const history = await call<{ status: string; items: Transition[] }>(`/v1/applications/${a.id}/history`);
    const heading = h(
      'h3',
      { tabindex: -1 },
      `История заявки: ${a.vacancyTitle ?? a.vacancyId} (${statusLabel(history.status)})`,
    );
    document.querySelector('[data-testid="application-history"]')?.replaceChildren(
      heading,
      h(
        'table',
        { 'aria-label': 'История заявки', 'data-history': a.id },
        h(
          'thead',
          null,
          h(
            'tr',
            null,
            ['Когда', 'Из', 'В', 'Кто', 'Причина'].map((c) => h('th', { scope: 'col' }, c)),
          ),
        ),
        h(
          'tbody',
          null,
          history.items.map((t) =>
            h(
              'tr',
              { 'data-transition': t.to },
              h('td', null, fmt(t.at)),
              h('td', null, statusLabel(t.from)),
              h('td', null, statusLabel(t.to)),
              h('td', null, ROLES[t.actorRole] ?? t.actorRole),
              h('td', null, t.reason ?? ''),
            ),
          ),
        ),
      ),
    );
    heading.focus();
  } catch (err) {
    fail(err);
  }
}

// ------------------------------------------------------------------ employers' duties

interface Obligation {
  id: string;
  employerId: string;
  kind: string;
  eventDate: string;
  dueDate: string;
  status: string;
  overdue: boolean;
  legalBasis: string;
  workerName: string | null;
}

const OBLIGATION_KINDS: Record<string, { ru: string; en: string }> = {
  hire_notification: {
    ru: 'Уведомление МВД о заключении договора',
    en: 'Notice to the Interior Ministry of a concluded contract',
  },
  termination_notification: {
    ru: 'Уведомление МВД о расторжении договора',
    en: 'Notice to the Interior Ministry of a terminated contract',
  },
};

let obligationsStatus: 'overdue' | 'open' = 'overdue';

async function obligationsView(): Promise<Node> {
  const page = await call<Page<Obligation>>(
    `/v1/obligations${qs({ status: obligationsStatus, pageSize: 100 })}`,
  );
  const ids = [...new Set(page.items.map((o) => o.employerId))];
  const employers = new Map(
    await Promise.all(
      ids.map(async (id) => {
        const name = await call<Employer>(`/v1/employers/${id}`).then(
          (e) => e.name,
          () => id,
        );
        return [id, name] as const;
      }),
    ),
  );
  const toggle = (value: typeof obligationsStatus, label: string) =>
    h(
      'button',
      {
        type: 'button',
        class: 'secondary',
        'aria-pressed': obligationsStatus === value ? 'true' : 'false',
        'data-obligations': value,
        onclick: () => {
          obligationsStatus = value;
          void open('obligations');
        },
      },
      label,
    );
  return h(
    'section',
    null,
    h(
      'h2',
      null,
      `${obligationsStatus === 'overdue' ? 'Просроченные' : 'Открытые'} обязанности работодателей (${page.total})`,
    ),
    h(
      'div',
      { class: 'row', role: 'group', 'aria-label': 'Какие обязанности показать' },
      toggle('overdue', 'Просроченные'),
      toggle('open', 'Все открытые'),
    ),
    page.items.length === 0
      ? h(
          'p',
          { class: 'muted', 'data-testid': 'obligations-empty' },
          obligationsStatus === 'overdue' ? 'Просроченных обязанностей нет.' : 'Открытых обязанностей нет.',
        )
      : h(
          'table',
          { 'aria-label': 'Обязанности работодателей' },
          h(
            'thead',
            null,
            h(
              'tr',
              null,
              ['Работодатель', 'Обязанность', 'Работник', 'Срок', 'Основание'].map((c) =>
                h('th', { scope: 'col' }, c),
              ),
            ),
          ),
          h(
            'tbody',
            null,
            page.items.map((o) => {
              const kind = OBLIGATION_KINDS[o.kind];
              return h(
                'tr',
                { 'data-obligation': o.id },
                h('td', null, employers.get(o.employerId) ?? o.employerId),
                h(
                  'td',
                  null,
                  kind ? kind.ru : o.kind,
                  kind ? h('div', { class: 'muted', lang: 'en' }, kind.en) : null,
                ),
                h('td', null, o.workerName ?? '—'),
                h(
                  'td',
                  null,
                  o.dueDate,
                  o.overdue ? [' ', h('span', { class: 'badge st-failed' }, 'просрочено')] : null,
                ),
                h('td', null, o.legalBasis),
              );
            }),
          ),
        ),
  );
}

// ------------------------------------------------------------------ notifications and duplicates

async function notificationsView(): Promise<Node> {
  const page = await call<Page<Record<string, unknown>>>(`/v1/notifications${qs({ pageSize: 100 })}`);
  return h(
    'section',
    null,
    h('h2', null, `Недоставленные уведомления (${page.total})`),
    page.items.length === 0
      ? h('p', { class: 'muted' }, 'Всё доставлено.')
      : h(
          'table',
          null,
          h(
            'thead',
            null,
            h(
              'tr',
              null,
              ['Шаблон', 'Канал', 'Статус', 'Ошибка', ''].map((c) => h('th', { scope: 'col' }, c)),
            ),
          ),
          h(
            'tbody',
            null,
            page.items.map((n) =>
              h(
                'tr',
                null,
                h('td', null, String(n.template ?? '')),
                h('td', null, String(n.channel ?? '')),
                h('td', null, h('span', { class: `badge st-${String(n.status)}` }, String(n.status))),
                h('td', null, String(n.lastError ?? '')),
                h(
                  'td',
                  null,
                  h(
                    'button',
                    {
                      type: 'button',
                      class: 'secondary',
                      onclick: async () => {
                        try {
                          await call(`/v1/notifications/${String(n.id)}/retry`, { method: 'POST' });
                          await open('notifications');
                        } catch (e) {
                          fail(e);
                        }
                      },
                    },
                    'Повторить',
                  ),
                ),
              ),
            ),
          ),
        ),
  );
}

interface DuplicateSide {
  id: string;
  fullName: string | null;
  birthDate: string | null;
  phone: string | null;
  citizenship: string;
  source: string;
  createdAt: string;
}
interface Duplicate {
  id: string;
  reason: string;
  score: number;
  migrant: DuplicateSide;
  candidate: DuplicateSide;
  createdAt: string;
}

const DUPLICATE_REASONS: Record<string, string> = {
  phone_birth_date: 'совпадают телефон и дата рождения',
  name_birth_date: 'похожи ФИО, совпадает дата рождения',
};

/** Shows the country code and the last two digits only: +998 *** ** 67. */
function maskPhone(phone: string | null): string {
  if (!phone) return '—';
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 6) return '***';
  const code = phone.startsWith('+7') ? '+7' : `+${digits.slice(0, 3)}`;
  return `${code} *** ** ${digits.slice(-2)}`;
}

async function duplicatesView(): Promise<Node> {
  const page = await call<Page<Duplicate>>(`/v1/migrants/duplicates${qs({ pageSize: 50 })}`);
  const rows: Array<[string, (p: DuplicateSide) => string]> = [
    ['ФИО', (p) => p.fullName ?? '—'],
    ['Дата рождения', (p) => p.birthDate ?? '—'],
    ['Телефон', (p) => maskPhone(p.phone)],
    ['Гражданство', (p) => p.citizenship],
    ['Откуда', (p) => (p.source === 'kiosk' ? 'киоск' : p.source === 'online' ? 'онлайн' : p.source)],
    ['Создан', (p) => fmt(p.createdAt)],
  ];
  return h(
    'section',
    null,
    h('h2', null, `Возможные дубликаты (${page.total})`),
    page.items.length === 0
      ? h('p', { class: 'muted' }, 'Дубликатов не найдено.')
      : page.items.map((d) => {
          const captionId = `dup-${d.id}`;
          return h(
            'article',
            { class: 'card', 'data-duplicate': d.id, 'aria-labelledby': captionId },
            h(
              'table',
              null,
              h(
                'caption',
                { id: captionId },
                `Сходство ${Math.round(d.score * 100)}%: ${DUPLICATE_REASONS[d.reason] ?? d.reason}`,
              ),
              h(
                'thead',
                null,
                h(
                  'tr',
                  null,
                  h('td', null),
                  h('th', { scope: 'col' }, 'Профиль 1'),
                  h('th', { scope: 'col' }, 'Профиль 2'),
                ),
              ),
              h(
                'tbody',
                null,
                rows.map(([label, value]) =>
                  h(
                    'tr',
                    null,
                    h('th', { scope: 'row' }, label),
                    h('td', null, value(d.migrant)),
                    h('td', null, value(d.candidate)),
                  ),
                ),
                h(
                  'tr',
                  null,
                  h('td', null),
                  [
                    [d.candidate, d.migrant],
                    [d.migrant, d.candidate],
                  ].map(([from, into], i) =>
                    h(
                      'td',
                      null,
                      h(
                        'button',
                        {
                          type: 'button',
                          class: 'secondary',
                          'data-merge-into': into.id,
                          'aria-label': `Объединить в профиль ${i + 1}: ${into.fullName ?? into.id}`,
                          onclick: () => void merge(from, into),
                        },
                        'Объединить в этот профиль',
                      ),
                    ),
                  ),
                ),
              ),
            ),
          );
        }),
  );
}

async function merge(from: DuplicateSide, into: DuplicateSide): Promise<void> {
  const name = (p: DuplicateSide) => p.fullName ?? p.id;
  if (!confirm(`Объединить профиль «${name(from)}» с профилем «${name(into)}»? Это нельзя отменить.`)) return;
  try {
    await call(`/v1/migrants/${from.id}/merge`, { method: 'POST', body: { intoId: into.id } });
    await open('duplicates');
    message = { kind: 'notice', text: `Профиль «${name(from)}» объединён с «${name(into)}»` };
    render();
  } catch (err) {
    fail(err);
  }
}

const views: Record<Tab, () => Promise<Node>> = {
  employers: employersView,
  fairs: fairsView,
  reports: reportsView,
  applications: applicationsView,
  obligations: obligationsView,
  notifications: notificationsView,
  duplicates: duplicatesView,
};

async function boot(): Promise<void> {
  if (!session.token) return render();
  try {
    me = await call<Me>('/v1/auth/me');
    if (me.role !== 'staff' && me.role !== 'admin') {
      me = null;
      session.token = null;
      message = { kind: 'error', text: 'Эта консоль только для сотрудников службы занятости.' };
      return render();
    }
  } catch {
    session.token = null;
    me = null;
    return render();
  }
  await open(TABS.some(([id]) => id === tab) ? tab : 'employers');
}

void boot();
