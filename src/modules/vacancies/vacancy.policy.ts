import { DomainError, ErrorCode, FieldError, ValidationError } from 'src/common/errors/domain-error';
import { ReferenceCatalog } from 'src/modules/reference/reference.catalog';
import { MinimumWageCheck, minimumWageCheck } from 'src/modules/vacancies/minimum-wage';
import type { VacancyEntity } from 'src/modules/vacancies/vacancy.entity';
import { workingTimeErrors, workingTimeOf } from 'src/modules/vacancies/working-time';

const COUNTRY_CURRENCY: Record<string, string> = { RU: 'RUB', KZ: 'KZT', TJ: 'TJS', UZ: 'UZS', KG: 'KGS' };

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
  | 'hoursPerWeek'
  | 'shiftHours'
  | 'shiftsPerMonth'
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
  // Without any working time the schedule's default applies (workingTimeOf); what is stated must fit the schedule.
  if (v.hoursPerWeek != null || v.shiftHours != null || v.shiftsPerMonth != null) {
    errors.push(
      ...workingTimeErrors(v.schedule, {
        hoursPerWeek: v.hoursPerWeek ?? null,
        shiftHours: v.shiftHours ?? null,
        shiftsPerMonth: v.shiftsPerMonth ?? null,
      }),
    );
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

/** The vacancy's pay against the minimum wage in its region on its start date, for its working time. */
export function vacancyMinimumWage(
  v: Terms,
  catalog = ReferenceCatalog.load(),
  onDate: string = v.startDate,
): MinimumWageCheck | undefined {
  return minimumWageCheck(
    {
      region: v.region,
      startDate: v.startDate,
      schedule: v.schedule,
      workingTime: workingTimeOf(v),
      salary: {
        min: v.salaryMin,
        currency: v.salaryCurrency,
        period: v.salaryPeriod,
        gross: v.salaryGross,
      },
    },
    catalog,
    onDate,
  );
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
  const check = vacancyMinimumWage(v, catalog);
  if (check?.meets === false) {
    const { wage, required } = check;
    const time =
      v.schedule === 'full_time' ? 'full time' : `${v.schedule} work of ${check.hoursPerMonth} hours a month`;
    throw new DomainError(
      ErrorCode.BelowMinimumWage,
      `The pay, ${check.offeredMonthly} ${wage.currency} a month for ${time}, is below the minimum wage: ` +
        `${wage.amount} ${wage.currency} a month for full time in force from ${wage.effectiveFrom} ` +
        `(${wage.legalBasis}), so at least ${required.month} ${wage.currency} a month ` +
        `(${required.hour} an hour) for this working time`,
      {
        minimumWage: wage,
        required,
        offeredMonthly: check.offeredMonthly,
        fullTimeShare: check.fullTimeShare,
        hoursPerMonth: check.hoursPerMonth,
      },
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
    workingTime: workingTimeOf(v),
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
