/**
 * Labels the staff console shows for the codes the API answers (gender, citizenship, statuses,
 * roles, duties), so a report reads "Узбекистан", not "UZ". The console speaks Russian; English is
 * kept beside it for the day it does.
 */
import { Entry, format } from './catalogue';
import { DICTIONARY as KIOSK } from './kiosk';

export const STAFF_LANGS = ['ru', 'en'] as const;
export type StaffLang = (typeof STAFF_LANGS)[number];

export const LABELS = {
  gender_male: { ru: 'Мужчины', en: 'Men' },
  gender_female: { ru: 'Женщины', en: 'Women' },
  gender_unspecified: { ru: 'Не указан', en: 'Not given' },
  st_submitted: { ru: 'Подана', en: 'Submitted' },
  st_shortlisted: { ru: 'Отобрана', en: 'Shortlisted' },
  st_interview_scheduled: { ru: 'Назначено собеседование', en: 'Interview scheduled' },
  st_interviewed: { ru: 'Собеседование пройдено', en: 'Interviewed' },
  st_offered: { ru: 'Предложение', en: 'Offered' },
  st_hired: { ru: 'Принят на работу', en: 'Hired' },
  st_rejected: { ru: 'Отказ', en: 'Rejected' },
  st_withdrawn: { ru: 'Отозвана', en: 'Withdrawn' },
  role_migrant: { ru: 'соискатель', en: 'jobseeker' },
  role_employer: { ru: 'работодатель', en: 'employer' },
  role_staff: { ru: 'сотрудник', en: 'staff' },
  role_admin: { ru: 'администратор', en: 'administrator' },
  role_kiosk: { ru: 'киоск', en: 'kiosk' },
  role_system: { ru: 'система', en: 'system' },
  ob_hire_notification: {
    ru: 'Уведомление МВД о заключении договора',
    en: 'Notice to the Interior Ministry of a concluded contract',
  },
  ob_termination_notification: {
    ru: 'Уведомление МВД о расторжении договора',
    en: 'Notice to the Interior Ministry of a terminated contract',
  },
  dup_phone_birth_date: { ru: 'совпадают телефон и дата рождения', en: 'same phone and date of birth' },
  dup_name_birth_date: { ru: 'похожи ФИО, совпадает дата рождения', en: 'similar name, same date of birth' },
} satisfies Record<string, Entry<StaffLang>>;

/** The label of a code in the page's language: own labels, the kiosk's country
 * names, the browser's names of other countries, else the code. */
export function labelOf(
  lang: StaffLang,
  kind: 'gender' | 'st' | 'role' | 'ob' | 'dup' | 'country',
  code: string | null,
) {
  if (code === null) return '—';
  if (kind === 'country') {
    const entry = (KIOSK as Record<string, Entry>)[`country_${code}`];
    if (entry) return format(entry, lang);
    try {
      return new Intl.DisplayNames([lang], { type: 'region' }).of(code) ?? code;
    } catch {
      return code;
    }
  }
  const entry = (LABELS as Record<string, Entry<StaffLang>>)[`${kind}_${code}`];
  return entry ? format(entry, lang) : code;
}
