/**
 * The jobseeker's "Help" tab: their grievances with the staff's messages, filing a new one (naming only their own
 * applications), their legal consultations and booking one by topic; deep links `#grievances/<id>`,
 * `#consultations/<id>` and `#consultations/new` (the eligibility answer's "get legal advice" step) open it.
 */
import { batch, signal } from '@preact/signals';
import { Schemas, call, newKey } from '../api/client';
import {
  Application,
  api,
  applications,
  extraLoaders,
  fail,
  lang,
  me,
  message,
  profile,
  tab,
  tr,
} from './state';

export type Grievance = Schemas['GrievanceDto'];
export type GrievanceCategory = Schemas['CreateGrievanceDto']['category'];
export type Consultation = Schemas['LegalConsultationDto'];
export type ConsultationTopic = Schemas['BookConsultationDto']['topic'];

export const CATEGORIES: GrievanceCategory[] = [
  'harassment_violence',
  'forced_labour',
  'documents_retained',
  'wages_unpaid',
  'worker_charged',
  'terms_differ',
  'unsafe_work',
  'other',
];
export const TOPICS: ConsultationTopic[] = [
  'patent',
  'registration',
  'contract',
  'grievance',
  'family_women',
  'other',
];

export type HelpView =
  | { kind: 'list' }
  | { kind: 'grievance'; id: string }
  | { kind: 'new-grievance' }
  | { kind: 'consultation'; id: string }
  | { kind: 'book' };

export interface FreeSlot {
  id: string;
  startsAt: string;
  place: string;
}

export const helpView = signal<HelpView>({ kind: 'list' });
export const grievances = signal<Grievance[]>([]);
export const grievance = signal<Grievance | null>(null);
export const consultations = signal<Consultation[]>([]);
export type IloIndicator = Schemas['IloIndicatorDto'];
export const indicators = signal<IloIndicator[]>([]);
export const freeSlots = signal<FreeSlot[]>([]);
/** The person's own placements, which a grievance may name (the server checks they are theirs). */
export const placements = signal<Schemas['PlacementDto'][]>([]);
/** Free future slots of the desk of the consultation on show, where it may move. */
export const deskSlots = signal<FreeSlot[]>([]);
/** The calendar invitation of the booking just made, offered as a file. */
export const bookedIcs = signal<{ id: string; ics: string } | null>(null);

/** Reads `#grievances/<id>`, `#consultations/<id>` or `#consultations/new`: the Help tab opens there after login. */
export function readHelpHash(): void {
  const m = /^#(grievances|consultations)\/([\w-]+)$/.exec(location.hash);
  if (!m) return;
  history.replaceState(null, '', location.pathname);
  tab.value = 'help';
  if (m[1] === 'grievances') helpView.value = { kind: 'grievance', id: m[2] };
  else helpView.value = m[2] === 'new' ? { kind: 'book' } : { kind: 'consultation', id: m[2] };
}

async function loadLists(): Promise<void> {
  const [g, c] = await Promise.all([
    call(api.GET('/v1/grievances', { params: { query: { lang: lang.value, pageSize: 100 } } })),
    call(api.GET('/v1/legal-consultations')),
  ]);
  grievances.value = g.items;
  consultations.value = c.items;
}

async function loadGrievance(id: string): Promise<void> {
  grievance.value = await call(
    api.GET('/v1/grievances/{id}', { params: { path: { id }, query: { lang: lang.value } } }),
  );
}

async function loadIndicators(): Promise<void> {
  const list = await call(
    api.GET('/v1/grievances/ilo-indicators', { params: { query: { lang: lang.value } } }),
  );
  indicators.value = list.items;
}

/** Free future slots of the legal desks at upcoming fairs, earliest first. */
async function loadSlots(): Promise<void> {
  const fairs = await call(api.GET('/v1/fairs', { params: { query: { upcoming: true, pageSize: 50 } } }));
  const now = Date.now();
  const lists = await Promise.all(
    fairs.items.map((f) =>
      call(api.GET('/v1/fairs/{id}/legal-desks', { params: { path: { id: f.id } } })).then(
        (r) =>
          r.items.flatMap((d) =>
            d.slots
              .filter((s) => s.free && Date.parse(String(s.startsAt)) > now)
              .map((s) => ({
                id: s.id,
                startsAt: String(s.startsAt),
                place: [f.name, d.name, d.location].filter(Boolean).join(', '),
              })),
          ),
        () => [] as FreeSlot[],
      ),
    ),
  );
  freeSlots.value = lists.flat().sort((a, b) => a.startsAt.localeCompare(b.startsAt));
}

/** What the view on show needs, read again on every visit of the tab and after a language change. */
extraLoaders.help = async () => {
  const view = helpView.value;
  await loadLists();
  if (view.kind === 'grievance') await loadGrievance(view.id);
  if (view.kind === 'new-grievance') {
    await loadIndicators();
    const [apps, jobs] = await Promise.all([
      call(api.GET('/v1/applications', { params: { query: { pageSize: 100 } } })),
      call(api.GET('/v1/placements', { params: { query: { pageSize: 100 } } })),
    ]);
    applications.value = apps.items;
    placements.value = jobs.items;
  }
  if (view.kind === 'book') await loadSlots();
  if (view.kind === 'consultation') await loadDeskSlots(view.id);
};

/** The other free slots of the consultation's own desk (a booking moves only within its desk). */
async function loadDeskSlots(id: string): Promise<void> {
  const c = consultations.value.find((x) => x.id === id);
  deskSlots.value = [];
  if (!c || c.status !== 'booked') return;
  const desks = await call(api.GET('/v1/fairs/{id}/legal-desks', { params: { path: { id: c.fairId } } }));
  const desk = desks.items.find((d) => d.slots.some((x) => x.id === c.slotId));
  const now = Date.now();
  deskSlots.value = (desk?.slots ?? [])
    .filter((x) => x.free && x.id !== c.slotId && Date.parse(String(x.startsAt)) > now)
    .map((x) => ({
      id: x.id,
      startsAt: String(x.startsAt),
      place: [desk!.name, desk!.location].filter(Boolean).join(', '),
    }))
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
}

/** Moves the booking to another free slot of its desk; the updated calendar event is offered as a file. */
export async function moveConsultation(id: string, slotId: string): Promise<void> {
  try {
    const moved = await call(
      api.POST('/v1/legal-consultations/{id}/reschedule', {
        params: { path: { id }, header: { 'Idempotency-Key': newKey() } },
        body: { slotId },
      }),
    );
    bookedIcs.value = { id, ics: moved.ics };
    await show({ kind: 'consultation', id });
  } catch (e) {
    fail(e);
  }
}

/** Cancels the booking with the person's reason; the calendar's cancellation is offered as a file. */
export async function cancelConsultation(id: string, reason: string): Promise<void> {
  try {
    const cancelled = await call(
      api.POST('/v1/legal-consultations/{id}/cancel', {
        params: { path: { id }, header: { 'Idempotency-Key': newKey() } },
        body: { reason: reason.trim() },
      }),
    );
    bookedIcs.value = { id, ics: cancelled.ics };
    await show({ kind: 'consultation', id });
  } catch (e) {
    fail(e);
  }
}

export async function show(view: HelpView): Promise<void> {
  batch(() => {
    helpView.value = view;
    message.value = null;
    if (view.kind !== 'grievance') grievance.value = null;
  });
  try {
    await extraLoaders.help!();
  } catch (e) {
    fail(e);
  }
}

export async function fileGrievance(form: {
  category: GrievanceCategory;
  description: string;
  application: Application | null;
  placementId: string | null;
  anonymousToEmployer: boolean;
  iloIndicators: IloIndicator['code'][];
  reportedTerms?: Schemas['ReportedTermsDto'];
}): Promise<void> {
  if (!me.value) return;
  try {
    const created = await call(
      api.POST('/v1/grievances', {
        params: { header: { 'Idempotency-Key': newKey() } },
        body: {
          category: form.category,
          description: form.description.trim(),
          anonymousToEmployer: form.anonymousToEmployer,
          lang: lang.value,
          ...(form.placementId
            ? { placementId: form.placementId }
            : form.application
              ? { applicationId: form.application.id }
              : {}),
          ...(form.reportedTerms && Object.keys(form.reportedTerms).length
            ? { reportedTerms: form.reportedTerms }
            : {}),
          ...(form.category === 'forced_labour' && form.iloIndicators.length
            ? { iloIndicators: form.iloIndicators }
            : {}),
        },
      }),
    );
    await show({ kind: 'grievance', id: created.id });
    message.value = { kind: 'notice', text: tr('reportReceived') };
  } catch (e) {
    fail(e);
  }
}

export async function sendMessage(id: string, body: string): Promise<boolean> {
  try {
    await call(
      api.POST('/v1/grievances/{id}/messages', {
        params: { path: { id }, header: { 'Idempotency-Key': newKey() } },
        body: { body: body.trim() },
      }),
    );
    await loadGrievance(id);
    return true;
  } catch (e) {
    fail(e);
    return false;
  }
}

export async function book(slotId: string, topic: ConsultationTopic): Promise<void> {
  try {
    const booked = await call(
      api.POST('/v1/legal-consultations', {
        params: { header: { 'Idempotency-Key': newKey() } },
        body: { slotId, topic, lang: lang.value },
      }),
    );
    bookedIcs.value = { id: booked.id, ics: booked.ics };
    await show({ kind: 'consultation', id: booked.id });
  } catch (e) {
    fail(e);
  }
}

export type GrievanceChannel = NonNullable<Schemas['UpdateMigrantDto']['grievanceChannel']>;

/** The person's pick of how grievance news reaches them besides the page (null: every channel). */
export async function setGrievanceChannel(channel: GrievanceChannel | null): Promise<void> {
  const id = me.value?.migrantId ? String(me.value.migrantId) : null;
  if (!id) return;
  try {
    profile.value = await call(
      api.PATCH('/v1/migrants/{id}', { params: { path: { id } }, body: { grievanceChannel: channel } }),
    );
    message.value = { kind: 'notice', text: tr('channelSaved') };
  } catch (e) {
    fail(e);
  }
}
