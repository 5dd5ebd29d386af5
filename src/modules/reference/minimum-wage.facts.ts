/**
 * The minimum wage in force in a region, as a fact a worker should know, in the five languages the service speaks.
 * One table, so that a missing translation is a failing test (minimum-wage.facts.spec.ts). Parameters are `{name}`.
 */
import {
  LABEL_LANGS,
  type LabelLang,
  type MinimumWage,
  type ReferenceCatalog,
} from 'src/modules/reference/reference.catalog';

export const MINIMUM_WAGE_FACT: Record<LabelLang, string> = {
  ru: 'Регион: {region}. С {date} минимальная заработная плата при полном рабочем времени — {amount} {currency} в месяц. При неполном рабочем времени — не меньше, чем пропорционально отработанным часам.',
  uz: 'Hudud: {region}. {date} dan boshlab toʻliq ish vaqti uchun eng kam ish haqi oyiga {amount} {currency}. Toʻliq boʻlmagan ish vaqtida — ishlangan soatlarga mutanosib miqdordan kam emas.',
  tg: 'Минтақа: {region}. Аз {date} ҳадди ақали музди меҳнат барои вақти пурраи корӣ {amount} {currency} дар як моҳ аст. Ҳангоми вақти нопурраи корӣ — на камтар аз таносуби соатҳои коркардашуда.',
  ky: 'Аймак: {region}. {date} тартып толук иш убактысы үчүн эң төмөнкү эмгек акы айына {amount} {currency}. Толук эмес иш убактысында — иштеген сааттарга жараша эсептелген суммадан кем эмес.',
  en: 'Region: {region}. From {date} the minimum wage for full-time work is {amount} {currency} a month. Part-time work is paid at least in proportion to the hours worked.',
};

/** Added to a national figure where regions may set a higher one (Russia), so the fact never overstates it. */
export const NATIONAL_MINIMUM_NOTE: Record<LabelLang, string> = {
  ru: 'Это федеральный минимум; в регионе может действовать более высокий.',
  uz: 'Bu federal eng kam miqdor; hududda undan yuqorisi amal qilishi mumkin.',
  tg: 'Ин ҳадди ақали федералӣ аст; дар минтақа метавонад ҳадди баландтар амал кунад.',
  ky: 'Бул федералдык минимум; аймакта андан жогорусу колдонулушу мүмкүн.',
  en: 'This is the federal minimum; a higher regional one may apply.',
};

const CURRENCY_SIGN: Record<string, string> = { RUB: '₽', KZT: '₸' };

/** Whole units with thousands apart: a comma in English, a no-break space elsewhere (as eligibility messages). */
export function formatAmount(amount: number, lang: LabelLang): string {
  return Math.round(amount)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'en' ? ',' : '\u00a0');
}

/** `YYYY-MM-DD` in English, `DD.MM.YYYY` elsewhere (as eligibility messages). */
export function formatDate(date: string, lang: LabelLang): string {
  if (lang === 'en') return date;
  const [y, m, d] = date.split('-');
  return `${d}.${m}.${y}`;
}

/** The fact in every language, for the minimum in force in `region`. */
export function minimumWageFacts(
  wage: MinimumWage,
  region: string,
  catalog: ReferenceCatalog,
): Record<LabelLang, string> {
  const country = catalog.region(region)?.country;
  const note = wage.scope === 'national' && country && catalog.minimumWageRules(country)?.regionalMinimums;
  const out = {} as Record<LabelLang, string>;
  for (const lang of LABEL_LANGS) {
    const params: Record<string, string> = {
      region: catalog.regionName(region, lang) ?? region,
      date: formatDate(wage.effectiveFrom, lang),
      amount: formatAmount(wage.amount, lang),
      currency: CURRENCY_SIGN[wage.currency] ?? wage.currency,
    };
    const text = MINIMUM_WAGE_FACT[lang].replace(/\{(\w+)\}/g, (_, k: string) => params[k] ?? '');
    out[lang] = note ? `${text} ${NATIONAL_MINIMUM_NOTE[lang]}` : text;
  }
  return out;
}
