/**
 * A vacancy's working time and the one way the service turns pay into a month of it (docs/MINIMUM-WAGE.md).
 * Pure: no clock, no I/O.
 *
 * - Weekly schedules (full_time, part_time, seasonal) state hours a week; shift and rotation work state the length
 *   of a shift and the shifts in an average month (over the whole cycle for rotation work).
 * - A month is 52 weeks ÷ 12 = 4⅓ weeks, so a 40-hour week is 173⅓ hours a month and a five-day week 21⅔ days.
 *   The same arithmetic in Russia and Kazakhstan and in every year: it needs no production calendar, and a month
 *   with fewer working days does not lower the monthly minimum (the employer tops the pay up to it).
 * - An hour rate is paid for every hour of the month; a day rate for every working day, a day being one of five
 *   working days a week on a weekly schedule and one shift on a shift schedule.
 */
import type { FieldError } from 'src/common/errors/domain-error';
import type { SalaryPeriod, Schedule } from 'src/modules/vacancies/vacancy.entity';

/** The normal full-time week in both host countries (RU Labour Code art. 91; KZ Labour Code art. 68). */
export const FULL_TIME_HOURS_PER_WEEK = 40;
export const WEEKS_PER_MONTH = 52 / 12;
export const WORKING_DAYS_PER_WEEK = 5;
/** 173⅓ hours: the month a full-time monthly minimum wage pays for. */
export const FULL_TIME_HOURS_PER_MONTH = FULL_TIME_HOURS_PER_WEEK * WEEKS_PER_MONTH;
/** 21⅔ working days: a five-day week over a month. */
export const WORKING_DAYS_PER_MONTH = WORKING_DAYS_PER_WEEK * WEEKS_PER_MONTH;

/** A full-time week may be shorter than 40 hours only as a reduced week paid in full (RU Labour Code art. 92). */
export const FULL_TIME_MIN_HOURS_PER_WEEK = 35;
export const MAX_SHIFT_HOURS = 24;
export const MAX_SHIFTS_PER_MONTH = 31;

export interface WorkingTime {
  /** Weekly schedules only. */
  hoursPerWeek: number | null;
  /** Shift and rotation work only: hours of one shift. */
  shiftHours: number | null;
  /** Shift and rotation work only: shifts in an average month. */
  shiftsPerMonth: number | null;
}

export const SHIFT_SCHEDULES: readonly Schedule[] = ['shift', 'rotation'];

export function isShiftSchedule(schedule: Schedule): boolean {
  return SHIFT_SCHEDULES.includes(schedule);
}

/**
 * What a vacancy that states no working time is taken to mean, and what the migration wrote into the vacancies that
 * existed before working time was kept: a 40-hour week (full time, seasonal), half of it for part time, and twelve-hour
 * shifts fifteen times a month (the common "two on, two off") for shift and rotation work.
 */
export function defaultWorkingTime(schedule: Schedule): WorkingTime {
  if (isShiftSchedule(schedule)) return { hoursPerWeek: null, shiftHours: 12, shiftsPerMonth: 15 };
  return {
    hoursPerWeek: schedule === 'part_time' ? FULL_TIME_HOURS_PER_WEEK / 2 : FULL_TIME_HOURS_PER_WEEK,
    shiftHours: null,
    shiftsPerMonth: null,
  };
}

/** The stored working time, or the schedule's default where a row holds none. */
export function workingTimeOf(v: { schedule: Schedule } & Partial<WorkingTime>): WorkingTime {
  const stated = isShiftSchedule(v.schedule)
    ? v.shiftHours != null && v.shiftsPerMonth != null
    : v.hoursPerWeek != null;
  if (!stated) return defaultWorkingTime(v.schedule);
  return {
    hoursPerWeek: v.hoursPerWeek ?? null,
    shiftHours: v.shiftHours ?? null,
    shiftsPerMonth: v.shiftsPerMonth ?? null,
  };
}

/** Field errors of a working time for its schedule (fields under `workingTime.`). */
export function workingTimeErrors(schedule: Schedule, wt: WorkingTime): FieldError[] {
  const errors: FieldError[] = [];
  const fail = (field: string, message: string) => errors.push({ field: `workingTime.${field}`, message });
  if (isShiftSchedule(schedule)) {
    if (wt.hoursPerWeek !== null)
      fail('hoursPerWeek', `is for weekly schedules; ${schedule} work states shifts`);
    if (wt.shiftHours === null) fail('shiftHours', `is required for ${schedule} work`);
    else if (!(wt.shiftHours > 0 && wt.shiftHours <= MAX_SHIFT_HOURS))
      fail('shiftHours', `must be more than 0 and at most ${MAX_SHIFT_HOURS}`);
    if (wt.shiftsPerMonth === null) fail('shiftsPerMonth', `is required for ${schedule} work`);
    else if (!(wt.shiftsPerMonth > 0 && wt.shiftsPerMonth <= MAX_SHIFTS_PER_MONTH))
      fail('shiftsPerMonth', `must be more than 0 and at most ${MAX_SHIFTS_PER_MONTH}`);
    return errors;
  }
  if (wt.shiftHours !== null)
    fail('shiftHours', 'is for shift and rotation work; a weekly schedule states hoursPerWeek');
  if (wt.shiftsPerMonth !== null)
    fail('shiftsPerMonth', 'is for shift and rotation work; a weekly schedule states hoursPerWeek');
  const h = wt.hoursPerWeek;
  if (h === null) fail('hoursPerWeek', `is required for ${schedule} work`);
  else if (!(h > 0 && h <= FULL_TIME_HOURS_PER_WEEK)) {
    // More than 40 hours a week is overtime, not a normal schedule (RU Labour Code art. 91, 99; KZ art. 68).
    fail('hoursPerWeek', `must be more than 0 and at most ${FULL_TIME_HOURS_PER_WEEK}`);
  } else if (schedule === 'full_time' && h < FULL_TIME_MIN_HOURS_PER_WEEK) {
    fail('hoursPerWeek', `must be at least ${FULL_TIME_MIN_HOURS_PER_WEEK} for full_time; use part_time`);
  } else if (schedule === 'part_time' && h >= FULL_TIME_HOURS_PER_WEEK) {
    fail('hoursPerWeek', `must be below ${FULL_TIME_HOURS_PER_WEEK} for part_time; use full_time`);
  }
  return errors;
}

/** Working hours in an average month. */
export function hoursPerMonth(schedule: Schedule, wt: WorkingTime): number {
  if (isShiftSchedule(schedule)) return (wt.shiftHours ?? 0) * (wt.shiftsPerMonth ?? 0);
  return (wt.hoursPerWeek ?? 0) * WEEKS_PER_MONTH;
}

/** Working days (shifts) in an average month. */
export function daysPerMonth(schedule: Schedule, wt: WorkingTime): number {
  if (isShiftSchedule(schedule)) return wt.shiftsPerMonth ?? 0;
  return WORKING_DAYS_PER_MONTH;
}

/**
 * The share of a full-time month this working time is, which the monthly minimum is scaled by: 1 for full time
 * (a reduced full-time week is paid in full), hours ÷ 40 for part time and seasonal work, hours of the month ÷ 173⅓
 * for shift and rotation work. Above 1 when shifts add up to more than a full-time month: the extra hours are paid
 * at least at the plain rate (overtime premiums are not counted, so a lawful vacancy always passes).
 */
export function fullTimeShare(schedule: Schedule, wt: WorkingTime): number {
  if (schedule === 'full_time') return 1;
  return hoursPerMonth(schedule, wt) / FULL_TIME_HOURS_PER_MONTH;
}

/** An amount per `period` as pay for an average month of this working time. */
export function monthlyAmount(
  amount: number,
  period: SalaryPeriod,
  schedule: Schedule,
  wt: WorkingTime,
): number {
  if (period === 'month') return amount;
  if (period === 'day') return amount * daysPerMonth(schedule, wt);
  return amount * hoursPerMonth(schedule, wt);
}

/** The working time as the API shows it, with the hours of its month and its share of a full-time month. */
export function workingTimeView(schedule: Schedule, wt: WorkingTime) {
  return {
    ...wt,
    hoursPerMonth: Math.round(hoursPerMonth(schedule, wt) * 100) / 100,
    fullTimeShare: Math.round(fullTimeShare(schedule, wt) * 10000) / 10000,
  };
}
