/** One vacancy: its applicants, slots and candidates, and what the employer does with them. */
import { signal } from '@preact/signals';
import { Schemas, call, newKey } from '../api/client';
import { ApiError } from '../api/errors';
import { MessageKey } from '../i18n/employer';
import { api, detail, employer, fail, lang, message, notice, open, tr } from './state';
import type { Vacancy } from './state';

export type Slot = Schemas['SlotDto'];
export type Interview = Schemas['InterviewDto'];
export type Candidate = Schemas['CandidateDto'];
export type Application = Schemas['ApplicationDto'];
export type MinimumWage = Schemas['MinimumWageAnswerDto'];
export interface WorkerCost {
  item: string;
  amount: number;
  note?: string;
}
export interface Applicant {
  app: Application;
  name: string;
  interview: Interview | null;
}

export const current = signal<{
  vacancy: Vacancy;
  applicants: Applicant[];
  total: number;
  slots: Slot[];
  candidates: Candidate[];
} | null>(null);
/** The worker-paid costs the server refused (422), shown item by item. */
export const feeRefusal = signal<{ items: WorkerCost[]; currency: string } | null>(null);
/** The draft being edited by the form: known after the first save, so a retry edits it. */
export const draft = signal<{ id: string; version: number } | null>(null);
export const costs = signal<WorkerCost[]>([]);
export const occupationChoices = signal<Array<{ code: string; label: string }>>([]);
export const minimumWage = signal<MinimumWage | null | 'none'>(null);

detail.load = async (id: string) => {
  const path = { params: { path: { id } } };
  const [vacancy, apps, slots] = await Promise.all([
    call(api.GET('/v1/vacancies/{id}', path)),
    call(api.GET('/v1/applications', { params: { query: { vacancyId: id, pageSize: 100 } } })),
    call(api.GET('/v1/vacancies/{id}/interview-slots', path)),
  ]);
  const candidates = await call(
    api.GET('/v1/vacancies/{id}/candidates', { params: { path: { id }, query: { lang: lang.value } } }),
  ).catch(() => ({ items: [] as Candidate[] }));
  const applicants = await Promise.all(
    apps.items.map(async (a): Promise<Applicant> => {
      const [person, interviews] = await Promise.all([
        call(api.GET('/v1/migrants/{id}', { params: { path: { id: a.migrantId } } })).catch(() => null),
        call(api.GET('/v1/applications/{id}/interviews', { params: { path: { id: a.id } } })).catch(() => ({
          items: [] as Interview[],
        })),
      ]);
      const interview =
        interviews.items.find((i) => i.status === 'scheduled') ?? interviews.items.at(-1) ?? null;
      const name = person?.fullName ? String(person.fullName) : `#${a.migrantId.slice(0, 8)}`;
      return { app: a, name, interview };
    }),
  );
  current.value = {
    vacancy,
    applicants,
    total: apps.total,
    slots: slots.items,
    candidates: candidates.items,
  };
};

const idem = () => ({ header: { 'Idempotency-Key': newKey() } });

function refused(e: unknown, currency: string): boolean {
  if (e instanceof ApiError && e.status === 422 && Array.isArray(e.problem.items)) {
    feeRefusal.value = { items: e.problem.items as WorkerCost[], currency };
    message.value = null;
    return true;
  }
  return false;
}

export async function searchOccupations(q: string): Promise<void> {
  try {
    const page = await call(
      api.GET('/v1/reference/occupations', {
        params: { query: { q: q.trim() || undefined, lang: lang.value, pageSize: 30 } },
      }),
    );
    occupationChoices.value = page.items;
  } catch (e) {
    fail(e);
  }
}

/** The minimum wage in force in the region for the schedule, to show before publishing. */
export async function loadMinimumWage(region: string, schedule: string, date?: string): Promise<void> {
  if (!region) return;
  try {
    minimumWage.value = await call(
      api.GET('/v1/reference/minimum-wage', {
        params: {
          query: {
            region,
            lang: lang.value,
            schedule: schedule as Vacancy['schedule'],
            ...(date ? { date } : {}),
          },
        },
      }),
    );
  } catch (e) {
    minimumWage.value = e instanceof ApiError && e.status === 404 ? 'none' : null;
  }
}

export function vacancyBody(v: Record<string, string>): Schemas['CreateVacancyDto'] {
  const currency = employer.value?.country === 'KZ' ? 'KZT' : 'RUB';
  return {
    title: v.title,
    description: v.description,
    occupationCode: v.occupationCode,
    region: v.region,
    city: v.city,
    salary: {
      min: Number(v.salaryMin),
      ...(v.salaryMax ? { max: Number(v.salaryMax) } : {}),
      currency,
      period: v.salaryPeriod as 'month' | 'day' | 'hour',
      gross: v.gross === 'on',
    },
    positions: Number(v.positions),
    schedule: v.schedule as Vacancy['schedule'],
    startDate: v.startDate,
    housing: {
      provided: v.housingProvided === 'on',
      ...(v.housingProvided === 'on' ? { costPerMonth: Number(v.housingCost || 0) } : {}),
    },
    meals: v.meals === 'on',
    requirements: {},
    foreignersAccepted: v.foreignersAccepted === 'on',
    workerCosts: costs.value.map((c) => ({
      item: c.item as Schemas['WorkerCostDto']['item'],
      amount: c.amount,
      ...(c.note ? { note: c.note } : {}),
    })),
  };
}

/** Saves the form as a draft (PATCH after the first save) and, when asked, publishes it. */
export async function saveVacancy(v: Record<string, string>, publishToo: boolean): Promise<void> {
  const body = vacancyBody(v);
  feeRefusal.value = null;
  try {
    const d = draft.value;
    const saved = d
      ? await call(
          api.PATCH('/v1/vacancies/{id}', {
            params: { path: { id: d.id }, header: { 'if-match': `"${d.version}"` } },
            body: { ...body, version: d.version },
          }),
        )
      : await call(api.POST('/v1/vacancies', { params: idem(), body: body }));
    draft.value = { id: saved.id, version: saved.version };
    if (!publishToo) {
      notice(tr('saved'));
      return;
    }
    await publish(saved.id, saved.title, body.salary.currency);
  } catch (e) {
    if (!refused(e, body.salary.currency)) fail(e);
  }
}

export async function publish(id: string, title: string, currency: string): Promise<void> {
  feeRefusal.value = null;
  try {
    const published = await call(
      api.POST('/v1/vacancies/{id}/publish', { params: { path: { id }, ...idem() } }),
    );
    draft.value = null;
    costs.value = [];
    notice(tr('published', { title: published.title ?? title }));
    await open('vacancies', published.id, true);
  } catch (e) {
    if (!refused(e, currency)) fail(e);
  }
}

/** Runs one applicant action, then reloads the vacancy with a confirmation. */
export async function act(run: () => Promise<unknown>, done: MessageKey): Promise<void> {
  const id = current.value?.vacancy.id;
  try {
    await run();
    notice(tr(done));
    if (id) await open('vacancies', id, true);
  } catch (e) {
    fail(e);
  }
}

export const book = (applicationId: string, slotId: string) =>
  act(
    () =>
      call(
        api.POST('/v1/applications/{id}/interview', {
          params: { path: { id: applicationId }, ...idem() },
          body: { slotId },
        }),
      ),
    'booked_ok',
  );
export const reschedule = (interviewId: string, slotId: string) =>
  act(
    () =>
      call(
        api.POST('/v1/interviews/{id}/reschedule', {
          params: { path: { id: interviewId }, ...idem() },
          body: { slotId },
        }),
      ),
    'rescheduled_ok',
  );
export const recordOutcome = (
  interviewId: string,
  outcome: 'passed' | 'failed' | 'second_interview' | 'no_show',
) =>
  act(
    () =>
      call(
        api.POST('/v1/interviews/{id}/outcome', {
          params: { path: { id: interviewId }, ...idem() },
          body: outcome === 'no_show' ? { attended: false } : { attended: true, result: outcome },
        }),
      ),
    'outcome_ok',
  );
export const transition = (applicationId: string, body: Schemas['TransitionDto'], done: MessageKey) =>
  act(
    () =>
      call(
        api.POST('/v1/applications/{id}/transitions', {
          params: { path: { id: applicationId }, ...idem() },
          body: body,
        }),
      ),
    done,
  );

export async function addSlot(vacancyId: string, v: Record<string, string>): Promise<void> {
  await act(
    () =>
      call(
        api.POST('/v1/vacancies/{id}/interview-slots', {
          params: { path: { id: vacancyId }, ...idem() },
          body: {
            slots: [
              {
                startsAt: new Date(`${v.slotDate}T${v.slotStart}`).toISOString(),
                endsAt: new Date(`${v.slotDate}T${v.slotEnd}`).toISOString(),
                mode: v.slotMode as Slot['mode'],
                ...(v.slotLocation ? { location: v.slotLocation } : {}),
              },
            ],
          },
        }),
      ),
    'slotAdded',
  );
}
