/**
 * The kiosk's state as signals, and the actions that change it. Screens read these and call the
 * actions; only this file and data.ts talk to the API.
 */
import { batch, computed, signal } from '@preact/signals';
import { KioskLang, MessageKey, t } from '../i18n/kiosk';
import type { Schemas } from '../api/client';

export const TOKEN_KEY = 'jobfair.kiosk.token';
export const IDLE_KEY = 'jobfair.kiosk.idleMs';
export const CONSENT_VERSION = '2025-01';

export type Screen =
  | 'language'
  | 'consent'
  | 'about'
  | 'phone'
  | 'trade'
  | 'vacancies'
  | 'review'
  | 'done'
  // "Report a problem / get help" (help.ts)
  | 'help'
  | 'help-menu'
  | 'help-new'
  | 'help-report'
  | 'help-sent'
  | 'help-legal';
/** The steps between the welcome and the confirmation, with the message that names each. */
export const STEPS: Array<{ screen: Screen; name: MessageKey }> = [
  { screen: 'consent', name: 'consentTitle' },
  { screen: 'about', name: 'aboutYou' },
  { screen: 'phone', name: 'phone' },
  { screen: 'trade', name: 'trade' },
  { screen: 'vacancies', name: 'vacanciesTitle' },
  { screen: 'review', name: 'eligibilityTitle' },
];

export type Fair = Schemas['FairDto'];
export type Vacancy = Schemas['KioskVacancyDto'];
export type Occupation = Schemas['OccupationItemDto'];
export type Eligibility = Schemas['EligibilityResultDto'];

export interface Person {
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

export interface Submission {
  key: string;
  status: 'sending' | 'waiting' | 'refused';
  error?: string;
}

export interface Done {
  accessCode: string | null;
  codeSent: boolean;
  /** `unconfirmed`: a known phone and birth date without proof; staff link the new profile to the person's. */
  identity: 'new' | 'confirmed' | 'unconfirmed';
  count: number;
  phone: string;
  /** The profile applied with: "get help" after applying needs no second identification. */
  migrantId?: string;
}

export const emptyPerson = (): Person => ({
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

/** A returning visitor's proof of who they are: the access code, or the code the kiosk had texted them. */
export interface Identification {
  returning: boolean;
  accessCode: string;
  identificationId: string | null;
  code: string;
}

export const emptyIdentification = (): Identification => ({
  returning: false,
  accessCode: '',
  identificationId: null,
  code: '',
});

export const lang = signal<KioskLang>('ru');
export const identification = signal<Identification>(emptyIdentification());
export const screen = signal<Screen>('language');
export const person = signal<Person>(emptyPerson());
export const selected = signal<string[]>([]);
export const eligibility = signal<Record<string, Eligibility | 'error'>>({});
export const submission = signal<Submission | null>(null);
export const done = signal<Done | null>(null);
export const error = signal<string | null>(null);
export const idleLeft = signal<number | null>(null);
/** How many earlier submissions wait in this kiosk's outbox. */
export const outboxCount = signal(0);
/** Submissions refused after the person left that this kiosk could not hand to staff (its token is refused). */
export const heldCount = signal(0);

export const fair = signal<Fair | null>(null);
/** Why the kiosk shows the pairing form: not paired yet, refused, or offline. */
export const pairing = signal<{ message: MessageKey | null }>({ message: null });
export const vacancies = signal<Vacancy[]>([]);
export const rankedIds = signal<string[]>([]);
export const occupations = signal<Occupation[]>([]);

export const tr = (key: MessageKey, params?: Record<string, string | number>) => t(lang.value, key, params);
export const token = () => localStorage.getItem(TOKEN_KEY);

/** The fair's vacancies, those the server ranked for the chosen trade first. */
export const ordered = computed(() => {
  const rank = new Map(rankedIds.value.map((id, i) => [id, i]));
  return [...vacancies.value].sort((a, b) => (rank.get(a.id) ?? 1e6) - (rank.get(b.id) ?? 1e6));
});

export function updateIdentification(change: Partial<Identification>): void {
  identification.value = { ...identification.value, ...change };
}

/** A returning visitor has typed a proof (an access code, or the texted code after asking for one). */
export const proofReady = computed(() => {
  const i = identification.value;
  return (
    !i.returning ||
    /^[A-Za-z0-9]{4,12}$/.test(i.accessCode.trim()) ||
    (!!i.identificationId && /^\d{6}$/.test(i.code))
  );
});

export function updatePerson(change: Partial<Person>): void {
  person.value = { ...person.value, ...change };
}

export function toggle(vacancyId: string): void {
  const now = selected.value;
  selected.value = now.includes(vacancyId) ? now.filter((id) => id !== vacancyId) : [...now, vacancyId];
}

export function go(next: Screen): void {
  batch(() => {
    screen.value = next;
    error.value = null;
  });
  window.scrollTo(0, 0);
}

/** Wipes everything the person entered; an unsent submission stays in the outbox and keeps trying. */
export function reset(): void {
  batch(() => {
    screen.value = 'language';
    lang.value = 'ru';
    person.value = emptyPerson();
    identification.value = emptyIdentification();
    selected.value = [];
    eligibility.value = {};
    submission.value = null;
    done.value = null;
    error.value = null;
    idleLeft.value = null;
  });
}

export function birthDate(p: Person = person.value): string {
  return `${p.year}-${p.month.padStart(2, '0')}-${p.day.padStart(2, '0')}`;
}

export function normalisedPhone(p: Person = person.value): string {
  return p.phone.replace(/[^\d+]/g, '');
}

export const aboutComplete = computed(() => {
  const p = person.value;
  return Boolean(p.fullName.trim().length >= 2 && p.gender && p.citizenship && p.day && p.month && p.year);
});

export const phoneValid = computed(() => /^\+\d{10,15}$/.test(normalisedPhone()));
