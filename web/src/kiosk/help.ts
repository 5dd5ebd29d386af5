/**
 * The kiosk's "report a problem / get help": the visitor proves who they are as a returning visitor does, then
 * reports a problem (sent through the outbox) or books a consultation at the fair's legal desk. Its signals and
 * the actions that talk to the API; the screens in screens/Help*.tsx read and call these.
 */
import { batch, signal } from '@preact/signals';
import { Schemas, call, newKey } from '../api/client';
import { api, guarded } from './data';
import { KIOSK_LANGS } from '../i18n/kiosk';
import { go, identification, lang, normalisedPhone, updateIdentification } from './state';

export type GrievanceCategory = Schemas['CreateGrievanceDto']['category'];
export type IloIndicator = Schemas['IloIndicatorDto'];
export type Grievance = Schemas['GrievanceDto'];
export type LegalDesk = Schemas['LegalDeskDto'];
export type ConsultationTopic = Schemas['BookConsultationDto']['topic'];
export type BookedConsultation = Schemas['BookedConsultationDto'];
export type KioskGrievance = Schemas['KioskGrievanceResultDto'];
export type VisitorRecords = Schemas['KioskVisitorRecordsDto'];
export type Hotlines = Schemas['KioskHotlinesDto'];

/** The eight categories in the order the visitor sees them; the urgent ones first. */
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

export interface Report {
  category: GrievanceCategory | null;
  iloIndicators: IloIndicator['code'][];
  description: string;
  anonymousToEmployer: boolean;
  /** The visitor's own application or placement the report is about, so it gets the advertised terms beside it. */
  about: { applicationId: string } | { placementId: string } | null;
}

export const emptyReport = (): Report => ({
  category: null,
  iloIndicators: [],
  description: '',
  anonymousToEmployer: false,
  about: null,
});

/** The visitor found by the check-in: the grievance and the booking are filed for them. */
export const helpMigrantId = signal<string | null>(null);
export const report = signal<Report>(emptyReport());
export const indicators = signal<IloIndicator[]>([]);
/** The report on its way: its key, and whether it waits in the outbox. */
export const filing = signal<{
  key: string;
  status: 'sending' | 'waiting' | 'refused';
  error?: string;
} | null>(null);
export const filed = signal<KioskGrievance | null>(null);
/** "I am new here": the visitor has no profile; the report registers them (name, citizenship, phone from `person`). */
export const reportingAsNew = signal(false);
export const newConsent = signal(false);
/** The proven visitor's own applications and placements, to name one in the report. */
export const records = signal<VisitorRecords | null>(null);
export const desks = signal<LegalDesk[]>([]);
export const topic = signal<ConsultationTopic | null>(null);
export const booked = signal<BookedConsultation | null>(null);

export function updateReport(change: Partial<Report>): void {
  report.value = { ...report.value, ...change };
}

export function toggleIndicator(code: IloIndicator['code']): void {
  const now = report.value.iloIndicators;
  updateReport({ iloIndicators: now.includes(code) ? now.filter((c) => c !== code) : [...now, code] });
}

/** Opens the help entry with nothing of an earlier visitor left; the fair's desks decide whether booking shows. */
export function startHelp(): void {
  batch(() => {
    helpMigrantId.value = null;
    reportingAsNew.value = false;
    newConsent.value = false;
    records.value = null;
    report.value = emptyReport();
    filing.value = null;
    filed.value = null;
    topic.value = null;
    booked.value = null;
    updateIdentification({ returning: true });
  });
  go('help');
  void loadDesks();
}

/** "Get help" right after applying: the person is the one just registered or proven, so no second check-in. */
export function continueToHelp(migrantId: string, legal: boolean): void {
  startHelp();
  helpMigrantId.value = migrantId;
  go(legal ? 'help-legal' : 'help-menu');
}

export async function loadDesks(): Promise<void> {
  try {
    desks.value = (await call(api.GET('/v1/kiosk/legal-desks'))).items;
  } catch {
    desks.value = [];
  }
}

/** Future free slots of the fair's desks, earliest first. */
export function freeSlots(): Array<{ id: string; startsAt: string; desk: string }> {
  const now = Date.now();
  return desks.value
    .flatMap((d) =>
      d.slots
        .filter((s) => s.free && Date.parse(String(s.startsAt)) > now)
        .map((s) => ({
          id: s.id,
          startsAt: String(s.startsAt),
          desk: d.location ? `${d.name}, ${d.location}` : d.name,
        })),
    )
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
}

/** The check-in with the proof the visitor gave; its answer names the person. */
export async function identify(): Promise<void> {
  await guarded(async () => {
    const i = identification.value;
    const proof =
      i.identificationId && i.code
        ? { identificationId: i.identificationId, code: i.code }
        : { accessCode: i.accessCode.trim().toUpperCase() };
    // The check-in of "get help": the answer also lists the visitor's own applications and placements.
    const res = await call(
      api.POST('/v1/kiosk/visitor-records', {
        params: { header: { 'Idempotency-Key': newKey() } },
        body: { phone: normalisedPhone(), ...proof },
      }),
    );
    helpMigrantId.value = res.migrantId;
    records.value = res;
    go('help-menu');
  });
}

export async function loadIndicators(): Promise<void> {
  try {
    const list = await call(
      api.GET('/v1/kiosk/grievances/ilo-indicators', { params: { query: { lang: lang.value } } }),
    );
    indicators.value = list.items;
  } catch {
    indicators.value = [];
  }
}

export async function bookSlot(slotId: string): Promise<void> {
  const migrantId = helpMigrantId.value;
  if (!migrantId || !topic.value) return;
  await guarded(async () => {
    booked.value = await call(
      api.POST('/v1/kiosk/legal-consultations', {
        params: { header: { 'Idempotency-Key': newKey() } },
        body: { slotId, topic: topic.value!, lang: lang.value, migrantId },
      }),
    );
    await loadDesks();
  });
}

/** The slot's time in the fair's language. */
export const slotTime = (iso: string) =>
  new Intl.DateTimeFormat(lang.value, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));

/** "I am new here": straight to the report, the profile made with it. */
export function reportAsNew(): void {
  batch(() => {
    helpMigrantId.value = null;
    records.value = null;
    reportingAsNew.value = true;
  });
  go('help-new');
}

export const reportReady = () =>
  Boolean(
    report.value.category &&
    report.value.description.trim().length >= 3 &&
    (helpMigrantId.value || reportingAsNew.value),
  );

// --- help numbers kept on the device, for an urgent report that waits offline ---

const HOTLINES_KEY = 'jobfair.kiosk.hotlines';
interface KeptHotlines {
  fairId: string;
  byLang: Partial<Record<string, Hotlines>>;
}

/** At start: the help numbers of the fair's country in every language, kept for when the server is unreachable. */
export async function cacheHotlines(fairId: string): Promise<void> {
  const byLang: KeptHotlines['byLang'] = {};
  await Promise.all(
    KIOSK_LANGS.map(async (l) => {
      try {
        byLang[l] = await call(api.GET('/v1/kiosk/hotlines', { params: { query: { lang: l } } }));
      } catch {
        // Offline at start: the numbers kept from before stay.
      }
    }),
  );
  if (!Object.keys(byLang).length) return;
  localStorage.setItem(HOTLINES_KEY, JSON.stringify({ fairId, byLang } satisfies KeptHotlines));
}

/** The kept numbers for the fair in the visitor's language, when the category is urgent. */
export function keptHotlinesFor(
  category: GrievanceCategory | null,
  fairId: string | undefined,
): Hotlines | null {
  try {
    const kept = JSON.parse(localStorage.getItem(HOTLINES_KEY) ?? 'null') as KeptHotlines | null;
    if (!kept || !category || kept.fairId !== fairId) return null;
    const list = kept.byLang[lang.value] ?? kept.byLang.ru ?? Object.values(kept.byLang)[0];
    return list && list.urgentCategories.includes(category) ? list : null;
  } catch {
    return null;
  }
}
