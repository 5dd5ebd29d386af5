/**
 * Labels of the staff console's recruitment tab: the journey steps of a recruit, the funnel's groupings and
 * columns, and the pre-departure plan's steps. The console speaks Russian; English is kept beside it.
 */
import { Entry, format } from './catalogue';
import type { StaffLang } from './staff';

export const RECRUITMENT_LABELS = {
  journey_selected: { ru: 'Отобран', en: 'Selected' },
  journey_offer_accepted: { ru: 'Принял предложение', en: 'Offer accepted' },
  journey_documents_ready: { ru: 'Документы готовы', en: 'Documents ready' },
  journey_departed: { ru: 'Выехал', en: 'Departed' },
  journey_arrived: { ru: 'Прибыл', en: 'Arrived' },
  journey_authorised: { ru: 'Допущен к работе', en: 'Authorised' },
  journey_placed: { ru: 'Трудоустроен', en: 'Placed' },
  journey_dropped: { ru: 'Выбыл', en: 'Dropped' },
  order_pending: { ru: 'Ждёт одобрения', en: 'Pending' },
  order_approved: { ru: 'Одобрен', en: 'Approved' },
  order_rejected: { ru: 'Отклонён', en: 'Rejected' },
  group_order: { ru: 'По заказам', en: 'By order' },
  group_citizenship: { ru: 'По гражданству', en: 'By citizenship' },
  group_gender: { ru: 'По полу', en: 'By gender' },
  group_origin_region: { ru: 'По региону выезда', en: 'By origin region' },
  plan_CHECK_PASSPORT: { ru: 'Проверить срок паспорта', en: 'Check the passport' },
  plan_TAKE_DOCUMENTS: { ru: 'Взять документы для патента', en: 'Take the documents for the patent' },
  plan_LANGUAGE_CERTIFICATE: { ru: 'Сертификат по русскому языку', en: 'Russian language certificate' },
  plan_MIGRATION_CARD_WORK: { ru: 'Миграционная карта: цель «работа»', en: 'Migration card: purpose "work"' },
  plan_REGISTER_STAY: { ru: 'Учёт по месту пребывания', en: 'Registration of stay' },
  plan_MEDICAL_EXAM_AND_FINGERPRINTS: {
    ru: 'Медосвидетельствование и дактилоскопия',
    en: 'Medical examination and fingerprints',
  },
  plan_APPLY_FOR_PATENT: { ru: 'Заявление на патент', en: 'Patent application' },
  plan_EMPLOYER_NOTIFIES_MVD: { ru: 'Уведомление МВД работодателем', en: 'Employer notifies the MVD' },
} satisfies Record<string, Entry<StaffLang>>;

/** The label of a code, else the code itself. */
export function recruitmentLabel(
  lang: StaffLang,
  kind: 'journey' | 'order' | 'group' | 'plan',
  code: string,
): string {
  const entry = (RECRUITMENT_LABELS as Record<string, Entry<StaffLang>>)[`${kind}_${code}`];
  return entry ? format(entry, lang) : code;
}
