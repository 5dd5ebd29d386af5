import type { Fact } from '../../shared/VacancyCard';
import { formatMoney } from '../../shared/Money';
import { DICTIONARY, MessageKey } from '../../i18n/kiosk';
import { Vacancy, tr } from '../state';

const SCHEDULES = ['full_time', 'part_time', 'shift', 'rotation', 'seasonal'];

function pay(v: Vacancy): string {
  const per =
    v.salary.period === 'hour' ? tr('perHour') : v.salary.period === 'day' ? tr('perShift') : tr('perMonth');
  const range =
    v.salary.max && v.salary.max !== v.salary.min
      ? `${formatMoney(v.salary.min, v.salary.currency)} – ${formatMoney(v.salary.max, v.salary.currency)}`
      : formatMoney(v.salary.min, v.salary.currency);
  return `${range} ${per}`;
}

function housing(v: Vacancy): string {
  if (!v.housing.provided) return tr('housingNone');
  if (!v.housing.costPerMonth) return tr('housingFree');
  return tr('housingPaid', { amount: formatMoney(v.housing.costPerMonth, v.salary.currency) });
}

/** The country of the job in the kiosk's language: a fair abroad lists local jobs and jobs in Russia side by side. */
export function countryOf(v: Vacancy): string {
  const key = `country_${v.region.country}`;
  return key in DICTIONARY ? tr(key as MessageKey) : v.region.countryName;
}

/** Pay, schedule, housing and place of a vacancy, each with its icon, in the kiosk's language. */
export function vacancyFacts(v: Vacancy): Fact[] {
  return [
    { icon: 'pay', label: tr('pay'), text: pay(v) },
    {
      icon: 'clock',
      label: tr('schedule'),
      text: SCHEDULES.includes(v.schedule) ? tr(`schedule_${v.schedule}` as MessageKey) : v.schedule,
    },
    { icon: 'house', label: tr('housing'), text: housing(v) },
    { icon: 'pin', label: tr('region'), text: `${v.city}, ${v.region.name}, ${countryOf(v)}` },
  ];
}
