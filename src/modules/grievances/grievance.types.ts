import hotlines from 'src/modules/reference/data/hotlines.json';
import ilo from 'src/modules/grievances/data/ilo-forced-labour-indicators.json';

export const GRIEVANCE_CATEGORIES = [
  'wages_unpaid',
  'worker_charged',
  'documents_retained',
  'terms_differ',
  'unsafe_work',
  'harassment_violence',
  'forced_labour',
  'other',
] as const;
export type GrievanceCategory = (typeof GRIEVANCE_CATEGORIES)[number];

/** Answered the same day: a person's safety or freedom is at stake. */
export const URGENT_CATEGORIES: readonly GrievanceCategory[] = [
  'harassment_violence',
  'forced_labour',
  'documents_retained',
];
/** First response due this many working days after filing (production calendar) for other categories. */
export const FIRST_RESPONSE_WORKING_DAYS = 2;

export const GRIEVANCE_STATES = ['received', 'in_review', 'referred', 'resolved', 'rejected'] as const;
export type GrievanceState = (typeof GRIEVANCE_STATES)[number];

const TRANSITIONS: Record<GrievanceState, GrievanceState[]> = {
  received: ['in_review'],
  in_review: ['referred', 'resolved', 'rejected'],
  referred: [],
  resolved: [],
  rejected: [],
};

export function allowedGrievanceTransitions(from: GrievanceState): GrievanceState[] {
  return TRANSITIONS[from];
}

export function canTransitionGrievance(from: GrievanceState, to: GrievanceState): boolean {
  return TRANSITIONS[from].includes(to);
}

export const REFERRAL_BODIES = ['legal_aid', 'labour_inspectorate', 'embassy_consulate', 'ngo'] as const;
export type ReferralBody = (typeof REFERRAL_BODIES)[number];

export const GRIEVANCE_OUTCOMES = ['substantiated', 'not_substantiated'] as const;
export type GrievanceOutcome = (typeof GRIEVANCE_OUTCOMES)[number];

export const GRIEVANCE_LANGS = ['ru', 'uz', 'tg', 'ky', 'en'] as const;
export type GrievanceLang = (typeof GRIEVANCE_LANGS)[number];

export interface IloIndicator {
  code: string;
  label: string;
}

export const ILO_INDICATOR_SOURCE: string = ilo.$source;
export const ILO_INDICATOR_CODES: string[] = ilo.indicators.map((i) => i.code);

export function iloIndicators(lang: GrievanceLang): IloIndicator[] {
  return ilo.indicators.map((i) => ({ code: i.code, label: i[lang] }));
}

export interface Hotline {
  number: string;
  kind: string;
  free: boolean;
  hours: string;
  label: string;
  source: string;
}

const HOTLINES = hotlines.countries as Record<
  string,
  {
    number: string;
    kind: string;
    free: boolean;
    hours: string;
    source: string;
    label: Record<string, string>;
  }[]
>;

const LEGAL_HELP_LABEL: Record<GrievanceLang, string> = {
  ru: 'Бесплатная юридическая помощь мигрантам (линия службы занятости)',
  uz: 'Migrantlarga bepul yuridik yordam (bandlik xizmati liniyasi)',
  tg: 'Ёрии ройгони ҳуқуқӣ ба муҳоҷирон (хати хадамоти шуғл)',
  ky: 'Мигранттарга акысыз юридикалык жардам (иш менен камсыз кылуу кызматынын линиясы)',
  en: "Free legal help for migrants (the labour department's line)",
};

/**
 * Cited help numbers of a host country, labelled in the person's language, followed by the operator's own
 * legal-help line for that country when one is configured (`LEGAL_HELP_PHONE`).
 */
export function hotlinesFor(
  country: string,
  lang: GrievanceLang,
  legalHelpPhones: Record<string, string> = {},
): Hotline[] {
  const legalHelp = legalHelpPhones[country] ?? legalHelpPhones['*'];
  const own: Hotline[] = legalHelp
    ? [
        {
          number: legalHelp,
          kind: 'legal_help',
          free: true,
          hours: '',
          source: 'LEGAL_HELP_PHONE (the operator of this service)',
          label: LEGAL_HELP_LABEL[lang],
        },
      ]
    : [];
  return (HOTLINES[country] ?? [])
    .map((h) => ({
      number: h.number,
      kind: h.kind,
      free: h.free,
      hours: h.hours,
      source: h.source,
      label: h.label[lang] ?? h.label.en,
    }))
    .concat(own);
}

/** Said at once to a person who files an urgent grievance, before any staff member has read it. */
export const URGENT_NOTICE: Record<GrievanceLang, string> = {
  ru: 'Ваше обращение срочное: сотрудники ответят сегодня. Если вам угрожает опасность, звоните сейчас по номерам ниже.',
  uz: 'Murojaatingiz shoshilinch: xodimlar bugun javob beradi. Agar sizga xavf tahdid solayotgan bo‘lsa, hozir quyidagi raqamlarga qo‘ng‘iroq qiling.',
  tg: 'Муроҷиати шумо фаврӣ аст: кормандон имрӯз ҷавоб медиҳанд. Агар ба шумо хатар таҳдид кунад, ҳозир ба рақамҳои зер занг занед.',
  ky: 'Кайрылууңуз шашылыш: кызматкерлер бүгүн жооп беришет. Эгер сизге коркунуч туулса, азыр төмөнкү номерлерге чалыңыз.',
  en: 'Your report is urgent: staff will answer today. If you are in danger, call the numbers below now.',
};

/** State names as the person reads them. */
export const STATE_LABELS: Record<GrievanceLang, Record<GrievanceState, string>> = {
  ru: {
    received: 'Получено',
    in_review: 'На рассмотрении',
    referred: 'Передано в организацию',
    resolved: 'Решено',
    rejected: 'Отклонено',
  },
  uz: {
    received: 'Qabul qilindi',
    in_review: 'Ko‘rib chiqilmoqda',
    referred: 'Tashkilotga yuborildi',
    resolved: 'Hal qilindi',
    rejected: 'Rad etildi',
  },
  tg: {
    received: 'Қабул шуд',
    in_review: 'Дар баррасӣ',
    referred: 'Ба ташкилот фиристода шуд',
    resolved: 'Ҳал шуд',
    rejected: 'Рад шуд',
  },
  ky: {
    received: 'Кабыл алынды',
    in_review: 'Каралууда',
    referred: 'Уюмга жөнөтүлдү',
    resolved: 'Чечилди',
    rejected: 'Четке кагылды',
  },
  en: {
    received: 'Received',
    in_review: 'In review',
    referred: 'Referred to an organisation',
    resolved: 'Resolved',
    rejected: 'Rejected',
  },
};
