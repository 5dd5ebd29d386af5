/**
 * The staff console's state as signals and the actions that change it; the open tab is kept in the
 * address (#reports, #fairs…). Screens read these and call the actions, never fetch themselves.
 */
import { batch, signal } from '@preact/signals';
import type { ComponentChildren } from 'preact';
import { Schemas, call, createApi } from '../api/client';
import { StaffLang } from '../i18n/staff';
import { describeError } from '../shared/Problem';

const TOKEN_KEY = 'jobfair.staff.token';

export type Tab =
  | 'employers'
  | 'fairs'
  | 'reports'
  | 'applications'
  | 'obligations'
  | 'notifications'
  | 'duplicates'
  | 'grievances'
  | 'consultations'
  | 'recruitment';
export const TABS: Array<[Tab, string]> = [
  ['employers', 'Работодатели'],
  ['fairs', 'Ярмарки и киоски'],
  ['reports', 'Отчёты'],
  ['applications', 'Заявки'],
  ['obligations', 'Просроченные обязанности'],
  ['notifications', 'Недоставленные уведомления'],
  ['duplicates', 'Дубликаты'],
  ['grievances', 'Обращения'],
  ['consultations', 'Консультации юриста'],
  ['recruitment', 'Оргнабор'],
];
/** A legal adviser signs in to the console too, and sees only their own bookings. */
export const ADVISER_TABS: Tab[] = ['consultations'];

export type Me = Schemas['MeDto'];
export type Fair = Schemas['FairDto'];

/** The console speaks Russian; labels of codes come from i18n/staff.ts in this language. */
export const lang = signal<StaffLang>('ru');
export const me = signal<Me | null>(null);
const fromHash = location.hash.replace('#', '') as Tab;
export const tab = signal<Tab>(TABS.some(([id]) => id === fromHash) ? fromHash : 'employers');
export const message = signal<{ kind: 'error' | 'notice'; text: ComponentChildren } | null>(null);
export const loading = signal(false);

export const token = () => localStorage.getItem(TOKEN_KEY);
export const api = createApi(token);

export function fail(e: unknown): void {
  message.value = { kind: 'error', text: describeError(e, 'Нет связи с сервером.') };
}
export function notice(text: string): void {
  message.value = { kind: 'notice', text };
}

export const fmt = (iso: string) =>
  new Date(iso).toLocaleString('ru-RU', { dateStyle: 'medium', timeStyle: 'short' });

/** Each tab's loader; registered by the tab's own data module so this file stays small. */
export const loaders: Partial<Record<Tab, () => Promise<void>>> = {};

export async function open(next: Tab, keep = false): Promise<void> {
  batch(() => {
    tab.value = next;
    if (!keep) message.value = null;
    loading.value = true;
  });
  history.replaceState(null, '', `#${next}`);
  try {
    await loaders[next]?.();
  } catch (e) {
    fail(e);
  } finally {
    loading.value = false;
  }
}

export async function signIn(email: string, password: string): Promise<void> {
  try {
    const res = await call(api.POST('/v1/auth/login', { body: { email, password } }));
    localStorage.setItem(TOKEN_KEY, res.accessToken);
    message.value = null;
    await boot();
  } catch (e) {
    fail(e);
  }
}

export function logout(): void {
  localStorage.removeItem(TOKEN_KEY);
  me.value = null;
}

export async function boot(): Promise<void> {
  if (!token()) return;
  try {
    const who = await call(api.GET('/v1/auth/me'));
    if (who.role === 'legal_adviser') {
      me.value = who;
      await open('consultations', true);
      return;
    }
    if (who.role !== 'staff' && who.role !== 'admin') {
      logout();
      message.value = { kind: 'error', text: 'Эта консоль только для сотрудников службы занятости.' };
      return;
    }
    me.value = who;
  } catch {
    logout();
    return;
  }
  await open(tab.value, true);
}
