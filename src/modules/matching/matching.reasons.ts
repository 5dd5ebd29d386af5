/**
 * The reasons shown beside a match, in every language the service speaks. One table, so a missing
 * translation is a failing test (matching.reasons.spec.ts walks it). Parameters are written `{name}`.
 * Sentences are neutral, read by the person and by an employer alike.
 */
export const REASON_LANGS = ['ru', 'uz', 'tg', 'ky', 'en'] as const;
export type ReasonLang = (typeof REASON_LANGS)[number];

export const REASONS = {
  OCCUPATION_SAME: {
    ru: 'Профессия: {occupation}',
    uz: 'Kasb: {occupation}',
    tg: 'Касб: {occupation}',
    ky: 'Кесип: {occupation}',
    en: 'Trade: {occupation}',
  },
  OCCUPATION_RELATED: {
    ru: 'Смежная профессия: {occupation}',
    uz: 'Yaqin kasb: {occupation}',
    tg: 'Касби наздик: {occupation}',
    ky: 'Жакын кесип: {occupation}',
    en: 'Related trade: {occupation}',
  },
  OCCUPATION_TEXT: {
    ru: 'Похоже на профессию: {occupation}',
    uz: 'Kasbga oʻxshash: {occupation}',
    tg: 'Ба касб монанд аст: {occupation}',
    ky: 'Кесипке окшош: {occupation}',
    en: 'Similar to the trade: {occupation}',
  },
  REGION_DESIRED: {
    ru: 'Желаемый регион: {region}',
    uz: 'Tanlangan hudud: {region}',
    tg: 'Минтақаи интихобшуда: {region}',
    ky: 'Тандалган аймак: {region}',
    en: 'Chosen region: {region}',
  },
  PAY_MEETS: {
    ru: 'Зарплата от {salary} не ниже ожиданий',
    uz: 'Maosh {salary} dan, kutilganidan kam emas',
    tg: 'Музд аз {salary}, на камтар аз интизор',
    ky: 'Айлык {salary} дан, күткөндөн кем эмес',
    en: 'Pay from {salary} meets the expectation',
  },
  PAY_BELOW: {
    ru: 'Зарплата {salary} ниже ожиданий',
    uz: 'Maosh {salary} kutilganidan kam',
    tg: 'Музди {salary} аз интизор камтар аст',
    ky: 'Айлык {salary} күткөндөн аз',
    en: 'Pay {salary} is below the expectation',
  },
  HOUSING_PROVIDED: {
    ru: 'Жильё предоставляется',
    uz: 'Turar joy beriladi',
    tg: 'Манзил дода мешавад',
    ky: 'Турак жай берилет',
    en: 'Housing provided',
  },
  HOUSING_MISSING: {
    ru: 'Жильё не предоставляется',
    uz: 'Turar joy berilmaydi',
    tg: 'Манзил дода намешавад',
    ky: 'Турак жай берилбейт',
    en: 'No housing provided',
  },
  LANGUAGE_MET: {
    ru: 'Знание языка достаточно',
    uz: 'Til bilimi yetarli',
    tg: 'Донистани забон кофист',
    ky: 'Тил билими жетиштүү',
    en: 'Language level is enough',
  },
  LANGUAGE_GAP: {
    ru: 'Нужен язык: {language} не ниже {level}',
    uz: 'Til kerak: {language}, kamida {level}',
    tg: 'Забон лозим: {language}, на камтар аз {level}',
    ky: 'Тил керек: {language}, {level} деңгээлинен төмөн эмес',
    en: 'Needs {language} at level {level} or above',
  },
  EXPERIENCE_MET: {
    ru: 'Опыт работы: {years} лет',
    uz: 'Ish tajribasi: {years} yil',
    tg: 'Собиқаи корӣ: {years} сол',
    ky: 'Иш тажрыйбасы: {years} жыл',
    en: 'Experience: {years} years',
  },
  EXPERIENCE_GAP: {
    ru: 'Требуется опыт от {years} лет',
    uz: 'Kamida {years} yil tajriba kerak',
    tg: 'Собиқаи на камтар аз {years} сол лозим',
    ky: 'Кеминде {years} жыл тажрыйба керек',
    en: 'Needs {years} years of experience',
  },
  START_OK: {
    ru: 'Начало работы: {date}',
    uz: 'Ish boshlanishi: {date}',
    tg: 'Оғози кор: {date}',
    ky: 'Иштин башталышы: {date}',
    en: 'Starts on {date}',
  },
  ELIGIBLE: {
    ru: 'Можно работать законно по имеющимся документам',
    uz: 'Mavjud hujjatlar bilan qonuniy ishlash mumkin',
    tg: 'Бо ҳуҷҷатҳои мавҷуда қонунан кор кардан мумкин аст',
    ky: 'Колдогу документтер менен мыйзамдуу иштөөгө болот',
    en: 'May work legally with the documents held',
  },
  CONDITIONAL: {
    ru: 'Сначала нужны документы: {step}',
    uz: 'Avval hujjatlar kerak: {step}',
    tg: 'Аввал ҳуҷҷатҳо лозим: {step}',
    ky: 'Адегенде документтер керек: {step}',
    en: 'Documents needed first: {step}',
  },
  INELIGIBLE: {
    ru: 'Работать на этой вакансии законно нельзя',
    uz: 'Bu ish oʻrnida qonuniy ishlash mumkin emas',
    tg: 'Дар ин ҷои кор қонунан кор кардан мумкин нест',
    ky: 'Бул орунда мыйзамдуу иштөөгө болбойт',
    en: 'May not legally take this job',
  },
} as const satisfies Record<string, Record<ReasonLang, string>>;

export type ReasonCode = keyof typeof REASONS;

export interface Reason {
  code: ReasonCode;
  message: string;
}

export function reason(
  code: ReasonCode,
  lang: ReasonLang,
  params: Record<string, string | number> = {},
): Reason {
  const text = (REASONS[code] as Record<ReasonLang, string>)[lang] ?? REASONS[code].en;
  return { code, message: text.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? '')) };
}
