/**
 * A vacancy's pay against the minimum wage in force in its region on its start date, for its own working time
 * (docs/MINIMUM-WAGE.md): the monthly minimum is scaled by the share of a full-time month the working time is, and
 * the advertised minimum pay is turned into a month of that working time (working-time.ts). Pure.
 */
import type { MinimumWage, ReferenceCatalog } from 'src/modules/reference/reference.catalog';
import type { SalaryPeriod, Schedule } from 'src/modules/vacancies/vacancy.entity';
import {
  WorkingTime,
  daysPerMonth,
  fullTimeShare,
  hoursPerMonth,
  monthlyAmount,
} from 'src/modules/vacancies/working-time';

/**
 * Highest share an employee's own withholdings can take from gross pay, used to tell whether a take-home (net)
 * salary is surely below a gross minimum wage: RU personal income tax 13% (Tax Code art. 224 for residents and
 * patent holders); KZ individual income tax 10% + pension 10% + health insurance 2%, without deductions.
 */
export const MAX_EMPLOYEE_WITHHOLDING: Record<string, number> = { RU: 0.13, KZ: 0.22 };

export interface PayTerms {
  region: string;
  startDate: string;
  schedule: Schedule;
  workingTime: WorkingTime;
  /** Absent when only the minimum for a working time is asked for. */
  salary?: { min: number; currency: string; period: SalaryPeriod; gross: boolean };
}

export interface MinimumWageCheck {
  /** The monthly full-time minimum in force in the region on `onDate`. */
  wage: MinimumWage;
  onDate: string;
  /** The share of a full-time month the working time is (1 for full time). */
  fullTimeShare: number;
  hoursPerMonth: number;
  daysPerMonth: number;
  /** The least this working time must pay, gross, per month, per working day (shift) and per hour. */
  required: { month: number; day: number; hour: number };
  /** The advertised minimum as gross pay for a month of this working time (an upper bound for take-home pay). */
  offeredMonthly: number | null;
  /** Whether it reaches the minimum; null when not comparable (no salary, another currency, unknown withholding). */
  meets: boolean | null;
}

// Amounts are compared to the kopeck / tiyn; a rate computed back from a shown minimum must pass.
const EPSILON = 0.005;
const up = (x: number) => Math.ceil(x * 100 - 1e-9) / 100;
const cents = (x: number) => Math.round(x * 100) / 100;

/** The check, or undefined where no minimum wage is known for the region and date. */
export function minimumWageCheck(
  terms: PayTerms,
  catalog: ReferenceCatalog,
  onDate: string = terms.startDate,
): MinimumWageCheck | undefined {
  const country = catalog.region(terms.region)?.country;
  if (!country) return undefined;
  const wage = catalog.minimumWage(country, terms.region, onDate);
  if (!wage) return undefined;
  const { schedule, workingTime: wt } = terms;
  const share = fullTimeShare(schedule, wt);
  const hours = hoursPerMonth(schedule, wt);
  const days = daysPerMonth(schedule, wt);
  const month = wage.amount * share;
  let offeredMonthly: number | null = null;
  let meets: boolean | null = null;
  const salary = terms.salary;
  if (salary && salary.currency === wage.currency) {
    const perMonth = monthlyAmount(salary.min, salary.period, schedule, wt);
    const withholding = MAX_EMPLOYEE_WITHHOLDING[country];
    if (salary.gross || withholding !== undefined) {
      offeredMonthly = salary.gross ? perMonth : perMonth / (1 - (withholding as number));
      meets = offeredMonthly + EPSILON >= month;
    }
  }
  return {
    wage,
    onDate,
    fullTimeShare: Math.round(share * 10000) / 10000,
    hoursPerMonth: cents(hours),
    daysPerMonth: cents(days),
    required: {
      month: up(month),
      day: days > 0 ? up(month / days) : 0,
      hour: hours > 0 ? up(month / hours) : 0,
    },
    offeredMonthly: offeredMonthly === null ? null : cents(offeredMonthly),
    meets,
  };
}
