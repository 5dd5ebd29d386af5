/** What each tab of the console reads, and the actions on it. */
import { signal } from '@preact/signals';
import QRCode from 'qrcode';
import { Schemas, call, newKey } from '../api/client';
import { ApiError } from '../api/errors';
import { loadHeld } from './held';
import { Fair, api, fail, loaders, notice, open, token } from './state';

export type Employer = Schemas['EmployerDto'];
export type Application = Schemas['ApplicationDto'];
export type Obligation = Schemas['ObligationDto'];
export type Report = Schemas['FairReportDto'];
export type Duplicate = Schemas['DuplicateDto'];
export type Transition = Schemas['TransitionRecordDto'];

export const pendingEmployers = signal<{ items: Employer[]; total: number }>({ items: [], total: 0 });
export const fairs = signal<Fair[]>([]);
export const pairings = signal<Record<string, { label: string; link: string; qr: string }>>({});
export const reportFairId = signal<string | null>(null);
export const report = signal<Report | null>(null);
export const applicationsQuery = signal({ status: '', page: 1 });
export const applications = signal<{ items: Application[]; total: number }>({ items: [], total: 0 });
export const fairNames = signal<Map<string, string>>(new Map());
export const history = signal<{ app: Application; status: string; items: Transition[] } | null>(null);
export const obligationsStatus = signal<'overdue' | 'open'>('overdue');
export const obligations = signal<{ items: Obligation[]; total: number; employers: Map<string, string> }>({
  items: [],
  total: 0,
  employers: new Map(),
});
export const notifications = signal<{ items: Array<Record<string, unknown>>; total: number }>({
  items: [],
  total: 0,
});
export const duplicates = signal<{ items: Duplicate[]; total: number }>({ items: [], total: 0 });
export const APPLICATIONS_PAGE_SIZE = 20;

loaders.employers = async () => {
  pendingEmployers.value = await call(
    api.GET('/v1/employers', { params: { query: { status: 'pending', pageSize: 100 } } }),
  );
};
loaders.fairs = async () => {
  const [page] = await Promise.all([
    call(api.GET('/v1/fairs', { params: { query: { upcoming: true, pageSize: 50 } } })),
    loadHeld(),
  ]);
  fairs.value = page.items;
};
loaders.reports = async () => {
  const page = await call(api.GET('/v1/fairs', { params: { query: { pageSize: 100 } } }));
  fairs.value = page.items;
  const id = reportFairId.value ?? page.items[0]?.id ?? null;
  reportFairId.value = id;
  report.value = id ? await call(api.GET('/v1/reports/fairs/{id}', { params: { path: { id } } })) : null;
};
loaders.applications = async () => {
  const q = applicationsQuery.value;
  history.value = null;
  const [page, all] = await Promise.all([
    call(
      api.GET('/v1/applications', {
        params: {
          query: {
            ...(q.status ? { status: q.status as Application['status'] } : {}),
            page: q.page,
            pageSize: APPLICATIONS_PAGE_SIZE,
          },
        },
      }),
    ),
    call(api.GET('/v1/fairs', { params: { query: { pageSize: 100 } } })).catch(() => null),
  ]);
  fairNames.value = new Map((all?.items ?? []).map((f) => [f.id, f.name]));
  applications.value = page;
};
loaders.obligations = async () => {
  const page = await call(
    api.GET('/v1/obligations', { params: { query: { status: obligationsStatus.value, pageSize: 100 } } }),
  );
  const ids = [...new Set(page.items.map((o) => o.employerId))];
  const names = await Promise.all(
    ids.map((id) =>
      call(api.GET('/v1/employers/{id}', { params: { path: { id } } })).then(
        (e) => [id, e.name] as const,
        () => [id, id] as const,
      ),
    ),
  );
  obligations.value = { items: page.items, total: page.total, employers: new Map(names) };
};
loaders.notifications = async () => {
  notifications.value = (await call(
    api.GET('/v1/notifications', { params: { query: { pageSize: 100 } } }),
  )) as {
    items: Array<Record<string, unknown>>;
    total: number;
  };
};
loaders.duplicates = async () => {
  duplicates.value = await call(api.GET('/v1/migrants/duplicates', { params: { query: { pageSize: 50 } } }));
};

export async function decide(e: Employer, action: 'verify' | 'reject'): Promise<void> {
  try {
    if (action === 'reject') {
      const reason = prompt(`Причина отказа для «${e.name}»`);
      if (!reason) return;
      await call(api.POST('/v1/employers/{id}/reject', { params: { path: { id: e.id } }, body: { reason } }));
    } else await call(api.POST('/v1/employers/{id}/verify', { params: { path: { id: e.id } } }));
    await open('employers');
    notice(`«${e.name}»: ${action === 'verify' ? 'подтверждён' : 'отклонён'}`);
  } catch (err) {
    fail(err);
  }
}

export async function createFair(v: Record<string, string>): Promise<void> {
  try {
    const fair = await call(
      api.POST('/v1/fairs', {
        params: { header: { 'Idempotency-Key': newKey() } },
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
      }),
    );
    await open('fairs');
    notice(`Ярмарка «${fair.name}» создана`);
  } catch (err) {
    fail(err);
  }
}

export async function registerKiosk(f: Fair): Promise<void> {
  const label = prompt('Где стоит киоск?', 'Вход, слева');
  if (!label) return;
  try {
    const kiosk = await call(
      api.POST('/v1/fairs/{id}/kiosks', { params: { path: { id: f.id } }, body: { label } }),
    );
    const link = `${location.origin}/kiosk#token=${encodeURIComponent(kiosk.token)}`;
    const qr = await QRCode.toDataURL(link, { width: 220, margin: 1 });
    pairings.value = { ...pairings.value, [f.id]: { label: kiosk.label, link, qr } };
  } catch (err) {
    fail(err);
  }
}

export async function showReport(fairId: string): Promise<void> {
  reportFairId.value = fairId;
  await open('reports');
}

export async function showHistory(a: Application): Promise<void> {
  try {
    const h = await call(api.GET('/v1/applications/{id}/history', { params: { path: { id: a.id } } }));
    history.value = { app: a, status: h.status, items: h.items };
  } catch (err) {
    fail(err);
  }
}

export async function retryNotification(id: string): Promise<void> {
  try {
    await call(api.POST('/v1/notifications/{id}/retry', { params: { path: { id } } }));
    await open('notifications');
  } catch (e) {
    fail(e);
  }
}

export async function merge(from: Duplicate['migrant'], into: Duplicate['migrant']): Promise<void> {
  const name = (p: Duplicate['migrant']) => (p.fullName ? String(p.fullName) : p.id);
  if (!confirm(`Объединить профиль «${name(from)}» с профилем «${name(into)}»? Это нельзя отменить.`)) return;
  try {
    await call(
      api.POST('/v1/migrants/{id}/merge', { params: { path: { id: from.id } }, body: { intoId: into.id } }),
    );
    await open('duplicates');
    notice(`Профиль «${name(from)}» объединён с «${name(into)}»`);
  } catch (err) {
    fail(err);
  }
}

export async function downloadFile(path: string, file: string): Promise<void> {
  // A bearer token cannot ride on a plain link, so fetch the file and hand it to the browser.
  const res = await fetch(path, { headers: { authorization: `Bearer ${token()}` } });
  if (!res.ok) return fail(new ApiError(res.status, { status: res.status, detail: await res.text() }));
  const a = document.createElement('a');
  a.href = URL.createObjectURL(await res.blob());
  a.download = file;
  document.body.appendChild(a);
  a.click();
  a.remove();
}
