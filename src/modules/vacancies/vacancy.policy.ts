import { DomainError, ErrorCode, FieldError, ValidationError } from 'src/common/errors/domain-error';
import { ReferenceCatalog } from 'src/modules/reference/reference.catalog';
import type { VacancyEntity } from 'src/modules/vacancies/vacancy.entity';

const COUNTRY_CURRENCY: Record<string, string> = { RU: 'RUB', KZ: 'KZT' };

/**
 * Highest share an employee's own withholdings can take from gross pay, used to tell whether a
 * take-home (net) salary is surely below a gross minimum wage: RU personal income tax 13% (Tax Code
 * art. 224 for residents and patent holders); KZ individual income tax 10% + pension 10% + health
 * insurance 2%, without deductions.
 */
const MAX_EMPLOYEE_WITHHOLDING: Record<string, number> = { RU: 0.13, KZ: 0.22 };

/**
 * A day or hour rate is turned into the most a full-time month can pay: 23 working days of 8 hours,
 * the longest month of a 40-hour week. A rate that stays below the monthly minimum even then is
 * surely below it; a shorter month is never assumed, so no lawful vacancy is refused.
 */
const MAX_DAYS_PER_MONTH = 23;
const MAX_HOURS_PER_MONTH = 23 * 8;

type Terms = Pick<
  VacancyEntity,
  | 'occupationCode'
  | 'region'
  | 'salaryMin'
  | 'salaryMax'
  | 'salaryCurrency'
  | 'salaryPeriod'
  | 'salaryGross'
  | 'schedule'
  | 'startDate'
  | 'endDate'
  | 'workerCosts'
  | 'requirements'
>;

/** A YYYY-MM-DD string naming a real day (no 31 April). */
export function isCalendarDate(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Field errors any draft must be free of: references that exist and numbers that agree. */
export function draftErrors(v: Terms, catalog = ReferenceCatalog.load()): FieldError[] {
  const errors: FieldError[] = [];
  if (!catalog.isOccupation(v.occupationCode)) {
    errors.push({ field: 'occupationCode', message: 'is not an ISCO-08 unit group' });
  }
  const region = catalog.region(v.region);
  if (!region) errors.push({ field: 'region', message: 'is not a known ISO 3166-2 region' });
  else if (COUNTRY_CURRENCY[region.country] && COUNTRY_CURRENCY[region.country] !== v.salaryCurrency) {
    errors.push({
      field: 'salary.currency',
      message: `must be ${COUNTRY_CURRENCY[region.country]} in ${region.country}`,
    });
  }
  if (v.salaryMax !== null && v.salaryMax < v.salaryMin) {
    errors.push({ field: 'salary.max', message: 'must not be below salary.min' });
  }
  if (v.endDate && v.endDate < v.startDate)
    errors.push({ field: 'endDate', message: 'must not be before startDate' });
  for (const [i, lang] of (v.requirements.languages ?? []).entries()) {
    if (!catalog.isLanguage(lang.code)) {
      errors.push({ field: `requirements.languages[${i}].code`, message: 'is not a known language' });
    }
    if (!catalog.isLanguageLevel(lang.level)) {
      errors.push({
        field: `requirements.languages[${i}].level`,
        message: `must be one of ${catalog.languageLevels.join(', ')}`,
      });
    }
  }
  return errors;
}

export function assertDraftValid(v: Terms, catalog = ReferenceCatalog.load()): void {
  const errors = draftErrors(v, catalog);
  if (errors.length)
    throw new ValidationError(errors, errors.map((e) => `${e.field}: ${e.message}`).join('; '));
}

/** Today's date (YYYY-MM-DD) in the region's time zone. */
export function localToday(region: string, now: Date, catalog = ReferenceCatalog.load()): string {
  const timeZone = catalog.region(region)?.timezone ?? 'UTC';
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/** The monthly gross the advertised minimum surely does not exceed, or undefined when not comparable. */
export function monthlyGrossUpperBound(v: Terms, country: string): number | undefined {
  if (v.schedule !== 'full_time') return undefined;
  const perMonth =
    v.salaryPeriod === 'month'
      ? v.salaryMin
      : v.salaryPeriod === 'day'
        ? v.salaryMin * MAX_DAYS_PER_MONTH
        : v.salaryMin * MAX_HOURS_PER_MONTH;
  if (v.salaryGross) return perMonth;
  const withholding = MAX_EMPLOYEE_WITHHOLDING[country];
  return withholding === undefined ? undefined : perMonth / (1 - withholding);
}

/**
 * Everything a vacancy must satisfy to be shown to jobseekers: fair recruitment (the employer pays),
 * the legal minimum wage on the start date, and a start date still ahead.
 */
export function assertPublishable(v: Terms, now: Date, catalog = ReferenceCatalog.load()): void {
  assertDraftValid(v, catalog);
  if (v.startDate < localToday(v.region, now, catalog)) {
    throw new DomainError(
      ErrorCode.UnprocessableEntity,
      'startDate is in the past; set a future start date',
      {
        errors: [{ field: 'startDate', message: 'is in the past' }],
      },
    );
  }
  const charged = v.workerCosts.filter((c) => c.amount > 0);
  if (charged.length) {
    const list = charged.map((c) => `${c.item} (${c.amount} ${v.salaryCurrency})`).join(', ');
    throw new DomainError(
      ErrorCode.WorkerPaidCost,
      `Workers may not be charged recruitment fees or related costs (ILO employer pays principle): ${list}`,
      { items: charged.map((c) => ({ item: c.item, amount: c.amount })) },
    );
  }
  const country = catalog.region(v.region)!.country;
  const wage = catalog.minimumWage(country, v.region, v.startDate);
  const bound = monthlyGrossUpperBound(v, country);
  if (wage && bound !== undefined && wage.currency === v.salaryCurrency && bound < wage.amount) {
    throw new DomainError(
      ErrorCode.BelowMinimumWage,
      `The full-time salary is below the minimum wage of ${wage.amount} ${wage.currency} a month in force from ${wage.effectiveFrom} (${wage.legalBasis})`,
      { minimumWage: wage },
    );
  }
}

/** The advertised terms, as frozen in a snapshot and compared with the contract later. */
export function termsOf(v: VacancyEntity): Record<string, unknown> {
  return {
    title: v.title,
    description: v.description,
    occupationCode: v.occupationCode,
    region: v.region,
    city: v.city,
    address: v.address,
    salary: {
      min: v.salaryMin,
      max: v.salaryMax,
      currency: v.salaryCurrency,
      period: v.salaryPeriod,
      gross: v.salaryGross,
    },
    positions: v.positions,
    schedule: v.schedule,
    startDate: v.startDate,
    endDate: v.endDate,
    housing: { provided: v.housingProvided, costPerMonth: v.housingCost },
    meals: v.meals,
    requirements: v.requirements,
    foreignersAccepted: v.foreignersAccepted,
    quotaAvailable: v.quotaAvailable,
    workerCosts: v.workerCosts,
  };
}

/** Key-order independent JSON, to tell whether two sets of terms differ. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    return `{${Object.keys(obj)
      .filter((k) => obj[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}
