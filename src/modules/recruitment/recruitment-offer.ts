/** The contract terms of a conditional offer, read from the vacancy's terms snapshot, in the person's language. */
import type { ReferenceCatalog } from 'src/modules/reference/reference.catalog';

export type OfferLang = 'ru' | 'uz' | 'tg' | 'ky' | 'en';
type Text = Record<OfferLang, string>;

const LABELS: Record<string, Text> = {
  job: { ru: 'Должность', uz: 'Lavozim', tg: 'Вазифа', ky: 'Кызмат орду', en: 'Job' },
  occupation: { ru: 'Профессия', uz: 'Kasb', tg: 'Касб', ky: 'Кесип', en: 'Occupation' },
  workplace: { ru: 'Место работы', uz: 'Ish joyi', tg: 'Ҷои кор', ky: 'Иш орду', en: 'Place of work' },
  pay: { ru: 'Оплата', uz: 'Ish haqi', tg: 'Музди меҳнат', ky: 'Эмгек акы', en: 'Pay' },
  start: {
    ru: 'Начало работы',
    uz: 'Ish boshlanishi',
    tg: 'Оғози кор',
    ky: 'Иштин башталышы',
    en: 'Start date',
  },
  housing: { ru: 'Жильё', uz: 'Turar joy', tg: 'Манзил', ky: 'Турак жай', en: 'Housing' },
  costs: {
    ru: 'Оплачивает работодатель',
    uz: 'Ish beruvchi toʻlaydi',
    tg: 'Корфармо пардохт мекунад',
    ky: 'Иш берүүчү төлөйт',
    en: 'Paid by the employer',
  },
};

const PERIOD: Record<string, Text> = {
  month: { ru: 'в месяц', uz: 'oyiga', tg: 'дар як моҳ', ky: 'айына', en: 'a month' },
  day: { ru: 'в день', uz: 'kuniga', tg: 'дар як рӯз', ky: 'күнүнө', en: 'a day' },
  hour: { ru: 'в час', uz: 'soatiga', tg: 'дар як соат', ky: 'саатына', en: 'an hour' },
};

const GROSS: Record<'gross' | 'net', Text> = {
  gross: {
    ru: 'до вычета налога',
    uz: 'soliq chegirilgunga qadar',
    tg: 'то тарҳи андоз',
    ky: 'салык кармалганга чейин',
    en: 'before tax',
  },
  net: { ru: 'на руки', uz: 'qoʻlga', tg: 'ба даст', ky: 'колго', en: 'take-home' },
};

const HOUSING: Record<'free' | 'paid' | 'none', Text> = {
  free: {
    ru: 'предоставляется бесплатно',
    uz: 'bepul beriladi',
    tg: 'ройгон дода мешавад',
    ky: 'акысыз берилет',
    en: 'provided free',
  },
  paid: {
    ru: 'предоставляется за',
    uz: 'haq evaziga beriladi:',
    tg: 'бо пардохт дода мешавад:',
    ky: 'акы үчүн берилет:',
    en: 'provided for',
  },
  none: {
    ru: 'не предоставляется',
    uz: 'berilmaydi',
    tg: 'дода намешавад',
    ky: 'берилбейт',
    en: 'not provided',
  },
};

const COSTS: Record<string, Text> = {
  travel: { ru: 'проезд', uz: 'yoʻl haqi', tg: 'роҳкиро', ky: 'жол кире', en: 'travel' },
  medicalExam: {
    ru: 'медосмотр',
    uz: 'tibbiy koʻrik',
    tg: 'муоинаи тиббӣ',
    ky: 'медициналык текшерүү',
    en: 'medical exam',
  },
  patent: { ru: 'патент', uz: 'patent', tg: 'патент', ky: 'патент', en: 'patent' },
  housing: { ru: 'жильё', uz: 'turar joy', tg: 'манзил', ky: 'турак жай', en: 'housing' },
};

export const OFFER_CONDITION: Text = {
  ru: 'Предложение действует при условии, что вы получите документы для законной работы. Никакие сборы с вас не берутся.',
  uz: 'Taklif qonuniy ishlash uchun hujjatlarni olishingiz sharti bilan amal qiladi. Sizdan hech qanday toʻlov olinmaydi.',
  tg: 'Пешниҳод бо шарти гирифтани ҳуҷҷатҳо барои кори қонунӣ эътибор дорад. Аз шумо ягон пардохт гирифта намешавад.',
  ky: 'Сунуш мыйзамдуу иштөө үчүн документтерди алсаңыз күчүндө болот. Сизден эч кандай акы алынбайт.',
  en: 'The offer holds on condition that you obtain the documents to work legally. You pay no fee of any kind.',
};

interface SnapshotTerms {
  title: string;
  occupationCode: string;
  region: string;
  city: string;
  salary: { min: number; max: number | null; currency: string; period: string; gross: boolean };
  startDate: string;
  housing: { provided: boolean; costPerMonth: number | null };
}

export function offerTerms(
  terms: SnapshotTerms,
  costs: Record<string, string>,
  lang: OfferLang,
  catalog: ReferenceCatalog,
): Array<{ key: string; label: string; value: string }> {
  const s = terms.salary;
  const amount = s.max !== null && s.max !== undefined ? `${s.min}–${s.max}` : `${s.min}`;
  const housing = !terms.housing.provided
    ? HOUSING.none[lang]
    : terms.housing.costPerMonth
      ? `${HOUSING.paid[lang]} ${terms.housing.costPerMonth} ${s.currency}`
      : HOUSING.free[lang];
  // In a fixed order: the stored JSON keeps no key order.
  const paid = Object.keys(COSTS)
    .filter((item) => costs[item] === 'employer')
    .map((item) => COSTS[item][lang]);
  const row = (key: string, value: string) => ({ key, label: LABELS[key][lang], value });
  return [
    row('job', terms.title),
    row('occupation', catalog.occupationLabel(terms.occupationCode, lang) ?? terms.occupationCode),
    row('workplace', `${catalog.regionName(terms.region, lang) ?? terms.region}, ${terms.city}`),
    row(
      'pay',
      `${amount} ${s.currency} ${PERIOD[s.period]?.[lang] ?? s.period}, ${GROSS[s.gross ? 'gross' : 'net'][lang]}`,
    ),
    row('start', terms.startDate),
    row('housing', housing),
    row('costs', paid.join(', ')),
  ];
}
