import { label } from '../../i18n/employer';
import { formatMoney } from '../../shared/Money';
import { Vacancy, lang, tr } from '../state';

const locale = () => (lang.value === 'ru' ? 'ru-RU' : 'en-GB');
export const fmt = (iso: string) =>
  new Date(iso).toLocaleString(locale(), { dateStyle: 'medium', timeStyle: 'short' });
export const fmtTime = (iso: string) => new Date(iso).toLocaleTimeString(locale(), { timeStyle: 'short' });
export const fmtDate = (date: string) =>
  new Date(`${date}T12:00:00`).toLocaleDateString(locale(), { dateStyle: 'medium' });
export const isoDate = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

export const statusLabel = (status: string) =>
  label(lang.value, status === 'published' ? 'publishedSt' : status);
export const modeLabel = (mode: string) => (mode === 'phone' ? tr('phoneMode') : label(lang.value, mode));

export function salaryText(v: Vacancy): string {
  const range =
    v.salary.max && v.salary.max !== v.salary.min
      ? `${formatMoney(v.salary.min, v.salary.currency)} – ${formatMoney(v.salary.max, v.salary.currency)}`
      : formatMoney(v.salary.min, v.salary.currency);
  const per = { month: tr('periodMonth'), day: tr('periodDay'), hour: tr('periodHour') }[v.salary.period];
  return `${range} / ${per ?? v.salary.period}`;
}
