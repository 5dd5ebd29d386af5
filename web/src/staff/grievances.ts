/**
 * The Grievances tab: the triage queue (open first, urgent first, then by due date, as the server orders it) with
 * filters, a grievance's detail with the advertised terms beside the reported ones, its moves, messages, sharing
 * with the employer and suspending the employer's publishing; the grievance report. `#grievances/<id>` opens one.
 * The Consultations tab: a legal adviser's own bookings (staff see all), the outcome and a grievance from it.
 */
import { batch, signal } from '@preact/signals';
import { Schemas, call, newKey } from '../api/client';
import { api, fail, loaders, me, notice, open, tab } from './state';

export type Grievance = Schemas['GrievanceDto'];
export type GrievanceState = Grievance['state'];
export type GrievanceCategory = Grievance['category'];
export type Transition = Schemas['GrievanceTransitionDto'];
export type ReportRow = Schemas['GrievanceReportRowDto'];
export type Consultation = Schemas['LegalConsultationDto'];
export type GrievanceBody = Schemas['CreateGrievanceDto'];
export type ConsultationPerson = Schemas['ConsultationPersonDto'];

export const CATEGORY_LABELS: Record<GrievanceCategory, string> = {
  wages_unpaid: 'Невыплата или занижение зарплаты',
  worker_charged: 'С работника взяли плату',
  documents_retained: 'Удержание документов',
  terms_differ: 'Условия не как в объявлении',
  unsafe_work: 'Опасные условия труда',
  harassment_violence: 'Насилие, угрозы, домогательства',
  forced_labour: 'Признаки принудительного труда',
  other: 'Другое',
};
export const STATE_LABELS: Record<GrievanceState, string> = {
  received: 'Получено',
  in_review: 'На рассмотрении',
  referred: 'Передано в организацию',
  resolved: 'Решено',
  rejected: 'Отклонено',
};
export const REFERRAL_LABELS: Record<NonNullable<Transition['referral']>['body'], string> = {
  legal_aid: 'Юридическая помощь',
  labour_inspectorate: 'Государственная инспекция труда',
  embassy_consulate: 'Посольство или консульство',
  ngo: 'Некоммерческая организация',
};
export const TOPIC_LABELS: Record<Consultation['topic'], string> = {
  patent: 'Патент',
  registration: 'Миграционный учёт',
  contract: 'Трудовой договор',
  grievance: 'Жалоба',
  family_women: 'Семья, вопросы женщин',
  other: 'Другое',
};
/** The moves of the state machine, as the server allows them. */
export const NEXT: Record<GrievanceState, GrievanceState[]> = {
  received: ['in_review'],
  in_review: ['referred', 'resolved', 'rejected'],
  referred: [],
  resolved: [],
  rejected: [],
};
export const REPORT_GROUPS = ['category', 'citizenship', 'gender', 'employer', 'fair', 'region'] as const;

export interface QueueFilter {
  fairId: string;
  state: '' | GrievanceState;
  category: '' | GrievanceCategory;
  urgent: boolean;
  overdue: boolean;
}

export const queueFilter = signal<QueueFilter>({
  fairId: '',
  state: '',
  category: '',
  urgent: false,
  overdue: false,
});
/** Fairs to filter the queue by, newest first. */
export const queueFairs = signal<Array<{ id: string; name: string }>>([]);
export const queue = signal<{ items: Grievance[]; total: number }>({ items: [], total: 0 });
export const selectedId = signal<string | null>(null);
export const detail = signal<Grievance | null>(null);
/** Names of the people and employers the detail names, read once each. */
export const names = signal<Record<string, string>>({});
export const reportBy = signal<(typeof REPORT_GROUPS)[number]>('category');
export const reportRows = signal<ReportRow[]>([]);
export const consultations = signal<Consultation[]>([]);
/** A grievance staff write down at the desk for a person, from one of the person's applications. */
export const deskFiling = signal<{
  migrantId: string;
  applicationId: string;
  fairId: string | null;
  title: string;
} | null>(null);
/** Legal advisers staff can assign a grievance to (read with the first detail). */
export const advisers = signal<Schemas['LegalAdviserDto'][]>([]);
/** Employers with grievances resolved as substantiated, most first. */
export const flagged = signal<Schemas['FlaggedEmployerDto'][]>([]);
/** The person of a booking as its adviser reads them (each read audited), by consultation id. */
export const persons = signal<Record<string, ConsultationPerson>>({});

// `#grievances/<id>` (a notification's link) opens that grievance once the console is signed in.
const linked = /^#grievances\/([0-9a-f-]{36})$/i.exec(location.hash);
if (linked) {
  tab.value = 'grievances';
  selectedId.value = linked[1];
}

async function nameOf(kind: 'migrant' | 'employer', id: string | null): Promise<void> {
  if (!id || names.value[id]) return;
  try {
    const name =
      kind === 'employer'
        ? (await call(api.GET('/v1/employers/{id}', { params: { path: { id } } }))).name
        : String((await call(api.GET('/v1/migrants/{id}', { params: { path: { id } } }))).fullName ?? '');
    names.value = { ...names.value, [id]: String(name) };
  } catch {
    // A name is a convenience; the detail stands without it.
  }
}

async function loadQueue(): Promise<void> {
  const f = queueFilter.value;
  queue.value = await call(
    api.GET('/v1/grievances', {
      params: {
        query: {
          pageSize: 100,
          ...(f.fairId ? { fairId: f.fairId } : {}),
          ...(f.state ? { state: f.state } : {}),
          ...(f.category ? { category: f.category } : {}),
          ...(f.urgent ? { urgent: true } : {}),
          ...(f.overdue ? { overdue: true } : {}),
        },
      },
    }),
  );
  await Promise.all(queue.value.items.map((g) => nameOf('employer', g.employerId)));
}

async function loadDetail(id: string): Promise<void> {
  const g = await call(api.GET('/v1/grievances/{id}', { params: { path: { id }, query: { lang: 'ru' } } }));
  detail.value = g;
  history.replaceState(null, '', `#grievances/${id}`);
  await Promise.all([
    nameOf('migrant', g.migrantId),
    nameOf('employer', g.employerId),
    advisers.value.length
      ? Promise.resolve()
      : call(api.GET('/v1/legal-advisers')).then(
          (r) => void (advisers.value = r.items),
          () => undefined,
        ),
  ]);
}

async function loadReport(): Promise<void> {
  const r = await call(api.GET('/v1/grievances/report', { params: { query: { by: reportBy.value } } }));
  reportRows.value = r.rows;
}

loaders.grievances = async () => {
  const id = selectedId.value;
  if (id) {
    await loadDetail(id);
    return;
  }
  detail.value = null;
  await Promise.all([loadQueue(), loadReport(), loadFlagged(), loadFairs()]);
};

async function loadFairs(): Promise<void> {
  if (queueFairs.value.length) return;
  const page = await call(api.GET('/v1/fairs', { params: { query: { pageSize: 100 } } }));
  queueFairs.value = page.items.map((f) => ({ id: f.id, name: f.name }));
}

async function loadFlagged(): Promise<void> {
  flagged.value = await call(api.GET('/v1/employers/flagged'));
}

loaders.consultations = async () => {
  consultations.value = (await call(api.GET('/v1/legal-consultations'))).items;
};

export async function filterQueue(change: Partial<QueueFilter>): Promise<void> {
  queueFilter.value = { ...queueFilter.value, ...change };
  try {
    await loadQueue();
  } catch (e) {
    fail(e);
  }
}

export async function openGrievance(id: string | null): Promise<void> {
  batch(() => {
    selectedId.value = id;
    detail.value = null;
  });
  try {
    if (id) await loadDetail(id);
    else {
      history.replaceState(null, '', '#grievances');
      await Promise.all([loadQueue(), loadReport(), loadFlagged()]);
    }
  } catch (e) {
    fail(e);
  }
}

export async function showReport(by: (typeof REPORT_GROUPS)[number]): Promise<void> {
  reportBy.value = by;
  try {
    await loadReport();
  } catch (e) {
    fail(e);
  }
}

export async function move(id: string, body: Transition): Promise<void> {
  try {
    await call(
      api.POST('/v1/grievances/{id}/transitions', {
        params: { path: { id }, header: { 'Idempotency-Key': newKey() } },
        body,
      }),
    );
    notice(`Обращение: ${STATE_LABELS[body.to]}`);
    await loadDetail(id);
  } catch (e) {
    fail(e);
  }
}

export async function writeToPerson(id: string, body: string): Promise<boolean> {
  try {
    await call(
      api.POST('/v1/grievances/{id}/messages', {
        params: { path: { id }, header: { 'Idempotency-Key': newKey() } },
        body: { body: body.trim() },
      }),
    );
    notice('Сообщение отправлено заявителю.');
    await loadDetail(id);
    return true;
  } catch (e) {
    fail(e);
    return false;
  }
}

export async function assignAdviser(id: string, adviserId: string): Promise<void> {
  try {
    await call(
      api.POST('/v1/grievances/{id}/assignment', {
        params: { path: { id }, header: { 'Idempotency-Key': newKey() } },
        body: { adviserId },
      }),
    );
    notice('Юрист назначен.');
    await loadDetail(id);
  } catch (e) {
    fail(e);
  }
}

export async function share(id: string): Promise<void> {
  try {
    await call(
      api.POST('/v1/grievances/{id}/share', {
        params: { path: { id }, header: { 'Idempotency-Key': newKey() } },
      }),
    );
    notice('Обращение показано работодателю.');
    await loadDetail(id);
  } catch (e) {
    fail(e);
  }
}

export async function suspendEmployer(employerId: string, reason: string): Promise<void> {
  try {
    const res = await call(
      api.POST('/v1/employers/{id}/suspension', { params: { path: { id: employerId } }, body: { reason } }),
    );
    notice(
      `Публикация вакансий работодателя приостановлена; снято с публикации: ${res.unpublishedVacancyIds.length}.`,
    );
    await loadFlagged();
  } catch (e) {
    fail(e);
  }
}

/** From an application's history: opens the Grievances tab with the desk form for that person and application. */
export function startDeskFiling(app: Schemas['ApplicationDto']): void {
  deskFiling.value = {
    migrantId: app.migrantId,
    applicationId: app.id,
    fairId: app.fairId,
    title: `${app.vacancyTitle} — ${app.employerName}`,
  };
  selectedId.value = null;
  void open('grievances');
}

export async function fileAtDesk(body: GrievanceBody): Promise<void> {
  try {
    const created = await call(
      api.POST('/v1/grievances', { params: { header: { 'Idempotency-Key': newKey() } }, body }),
    );
    deskFiling.value = null;
    await openGrievance(created.id);
    notice('Обращение записано.');
  } catch (e) {
    fail(e);
  }
}

export async function liftSuspension(employerId: string): Promise<void> {
  try {
    await call(api.DELETE('/v1/employers/{id}/suspension', { params: { path: { id: employerId } } }));
    notice('Приостановка снята; вакансии работодатель публикует заново сам.');
    await loadFlagged();
  } catch (e) {
    fail(e);
  }
}

export async function recordOutcome(
  id: string,
  outcome: string,
  grievance: Omit<GrievanceBody, 'migrantId'> | null,
): Promise<void> {
  try {
    const res = await call(
      api.POST('/v1/legal-consultations/{id}/outcome', {
        params: { path: { id }, header: { 'Idempotency-Key': newKey() } },
        body: { outcome, ...(grievance ? { grievance } : {}) },
      }),
    );
    notice(res.grievanceId ? 'Итог записан, обращение открыто.' : 'Итог консультации записан.');
    await loaders.consultations!();
  } catch (e) {
    fail(e);
  }
}

export async function readPerson(id: string): Promise<void> {
  try {
    const person = await call(api.GET('/v1/legal-consultations/{id}/person', { params: { path: { id } } }));
    persons.value = { ...persons.value, [id]: person };
  } catch (e) {
    fail(e);
  }
}

export const isAdviser = () => me.value?.role === 'legal_adviser';
