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

/** Why a match stands where it does in the list (matching.ranking.ts); `relevance` in percent, `penalty` in points. */
export const RANKING = {
  RANK_ELIGIBLE: {
    ru: 'Соответствие {relevance}%. Документы не нужны: стоит выше столь же подходящих вариантов, для которых они нужны.',
    uz: 'Moslik {relevance}%. Hujjatlar kerak emas: hujjat talab qiladigan xuddi shunday mos variantlardan oldin turadi.',
    tg: 'Мувофиқат {relevance}%. Ҳуҷҷат лозим нест: аз вариантҳои ҳамин қадар мувофиқ, ки ҳуҷҷат талаб мекунанд, болотар меистад.',
    ky: 'Дал келүү {relevance}%. Документ керек эмес: документ талап кылган ошондой эле ылайыктуу варианттардан жогору турат.',
    en: 'Relevance {relevance}%. No documents needed first: ranked before equally relevant matches that need them.',
  },
  RANK_CONDITIONAL: {
    ru: 'Соответствие {relevance}%, минус {penalty} пунктов, потому что сначала нужны документы: стоит после вариантов без этого условия, если только не подходит больше чем на {penalty} пунктов.',
    uz: 'Moslik {relevance}%, avval hujjatlar kerakligi uchun {penalty} ball kam: hujjatsiz variantlardan keyin turadi, agar ulardan {penalty} balldan koʻproq mos boʻlmasa.',
    tg: 'Мувофиқат {relevance}%, {penalty} хол камтар, зеро аввал ҳуҷҷатҳо лозиманд: пас аз вариантҳои бе ин шарт меистад, агар беш аз {penalty} хол мувофиқтар набошад.',
    ky: 'Дал келүү {relevance}%, адегенде документтер керек болгондуктан {penalty} упай аз: андан {penalty} упайдан ашык ылайыктуу болбосо, документсиз варианттардан кийин турат.',
    en: 'Relevance {relevance}%, ranked {penalty} points lower because documents are needed first: comes after matches that need none unless it is more than {penalty} points more relevant.',
  },
  RANK_INELIGIBLE: {
    ru: 'Соответствие {relevance}%, минус {penalty} пунктов: по закону эту работу взять нельзя.',
    uz: 'Moslik {relevance}%, {penalty} ball kam: qonunga koʻra bu ishni olish mumkin emas.',
    tg: 'Мувофиқат {relevance}%, {penalty} хол камтар: мувофиқи қонун ин корро гирифтан мумкин нест.',
    ky: 'Дал келүү {relevance}%, {penalty} упай аз: мыйзам боюнча бул жумушту алууга болбойт.',
    en: 'Relevance {relevance}%, ranked {penalty} points lower: this job may not be taken legally.',
  },
  RANK_AHEAD: {
    ru: 'Стоит выше более подходящих вариантов, где сначала нужны документы или работать нельзя: {count}.',
    uz: 'Avval hujjat kerak boʻlgan yoki ishlash mumkin boʻlmagan, koʻproq mos variantlardan yuqorida: {count}.',
    tg: 'Аз вариантҳои мувофиқтаре, ки аввал ҳуҷҷат лозим аст ё кор кардан мумкин нест, болотар аст: {count}.',
    ky: 'Адегенде документ керек болгон же иштөөгө болбогон, көбүрөөк ылайыктуу варианттардан жогору: {count}.',
    en: 'Ranked above more relevant matches that need documents first or may not be taken: {count}.',
  },
  RANK_BEHIND: {
    ru: 'Стоит ниже менее подходящих вариантов, где документов нужно меньше или не нужно вовсе: {count}.',
    uz: 'Kamroq hujjat kerak boʻlgan yoki umuman kerak boʻlmagan, kamroq mos variantlardan pastda: {count}.',
    tg: 'Аз вариантҳои камтар мувофиқе, ки ҳуҷҷати камтар лозим аст ё тамоман лозим нест, поёнтар аст: {count}.',
    ky: 'Азыраак документ керек болгон же такыр керек болбогон, азыраак ылайыктуу варианттардан төмөн: {count}.',
    en: 'Ranked below less relevant matches that need fewer documents or none: {count}.',
  },
} as const satisfies Record<string, Record<ReasonLang, string>>;

export type RankingCode = keyof typeof RANKING;

/** One sentence of RANKING in `lang`. */
export function rankingText(
  code: RankingCode,
  lang: ReasonLang,
  params: Record<string, string | number>,
): string {
  return RANKING[code][lang].replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));
}

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
