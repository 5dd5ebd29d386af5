import { ReferenceCatalog } from 'src/modules/reference/reference.catalog';

/** The languages of the staff console, in which reports label their codes. */
export const REPORT_LANGS = ['ru', 'en'] as const;
export type ReportLang = (typeof REPORT_LANGS)[number];

const GENDER: Record<string, Record<ReportLang, string>> = {
  female: { ru: 'женщины', en: 'women' },
  male: { ru: 'мужчины', en: 'men' },
  unspecified: { ru: 'не указан', en: 'not stated' },
};

const STATUS: Record<string, Record<ReportLang, string>> = {
  submitted: { ru: 'подана', en: 'submitted' },
  shortlisted: { ru: 'отобрана', en: 'shortlisted' },
  interview_scheduled: { ru: 'назначено собеседование', en: 'interview scheduled' },
  interviewed: { ru: 'собеседование пройдено', en: 'interviewed' },
  offered: { ru: 'предложена работа', en: 'offered' },
  hired: { ru: 'принят на работу', en: 'hired' },
  rejected: { ru: 'отклонена', en: 'rejected' },
  withdrawn: { ru: 'отозвана', en: 'withdrawn' },
};

const UNKNOWN: Record<ReportLang, string> = { ru: 'не указано', en: 'unknown' };
const ONLINE: Record<ReportLang, string> = { ru: 'онлайн', en: 'online' };

/** Labels beside the codes reports group and export by, in the staff's language. */
export class ReportLabels {
  constructor(
    private readonly catalog: ReferenceCatalog,
    readonly lang: ReportLang,
  ) {}

  gender(code: string | null): string {
    return (code && GENDER[code]?.[this.lang]) || UNKNOWN[this.lang];
  }

  status(code: string | null): string {
    return (code && STATUS[code]?.[this.lang]) || code || UNKNOWN[this.lang];
  }

  citizenship(code: string | null): string {
    const country = code ? this.catalog.country(code) : undefined;
    if (!country) return code || UNKNOWN[this.lang];
    return this.lang === 'ru' ? country.nameRu : country.nameEn;
  }

  occupation(code: string | null): string {
    return (code && this.catalog.occupationLabel(code, this.lang)) || code || UNKNOWN[this.lang];
  }

  region(code: string | null): string {
    return (code && this.catalog.regionName(code, this.lang)) || code || UNKNOWN[this.lang];
  }

  online(): string {
    return ONLINE[this.lang];
  }

  unknown(): string {
    return UNKNOWN[this.lang];
  }
}

/** Column headers of the applications export. */
export const EXPORT_HEADERS: Record<ReportLang, Record<string, string>> = {
  ru: {
    id: 'Номер заявки',
    created_at: 'Подана (местное время)',
    timezone: 'Часовой пояс',
    status: 'Статус (код)',
    status_label: 'Статус',
    citizenship: 'Гражданство (код)',
    citizenship_label: 'Гражданство',
    gender: 'Пол (код)',
    gender_label: 'Пол',
    occupation: 'Профессия (код ОКЗ/ISCO)',
    occupation_label: 'Профессия',
    region: 'Регион (код)',
    region_label: 'Регион',
    employer: 'Работодатель',
    fair: 'Ярмарка',
  },
  en: {
    id: 'Application id',
    created_at: 'Submitted (local time)',
    timezone: 'Time zone',
    status: 'Status (code)',
    status_label: 'Status',
    citizenship: 'Citizenship (code)',
    citizenship_label: 'Citizenship',
    gender: 'Gender (code)',
    gender_label: 'Gender',
    occupation: 'Occupation (ISCO code)',
    occupation_label: 'Occupation',
    region: 'Region (code)',
    region_label: 'Region',
    employer: 'Employer',
    fair: 'Fair',
  },
};

/**
 * The CSV delimiter a spreadsheet in that locale expects: Excel in a Russian locale uses the semicolon (its list
 * separator, since the comma is the decimal mark) and would put a comma-separated row in one column.
 */
export function csvDelimiterFor(lang: ReportLang): ';' | ',' {
  return lang === 'ru' ? ';' : ',';
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** `2026-12-07 14:05` in the time zone: what a person there reads on the clock. */
export function localTime(utc: Date, timeZone: string): string {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  const parts = Object.fromEntries(f.formatToParts(utc).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}
