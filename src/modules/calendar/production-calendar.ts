import ruCalendarJson from './data/ru-calendar.json';

/**
 * Russian production calendar (five-day week) as pure functions over data.
 *
 * How a year is built, in order of precedence (later steps win):
 * 1. `rules.weekendDays` (Saturday, Sunday) are days off.
 * 2. `rules.holidays` (Labour Code art. 112) are days off.
 * 3. Moves: if the year has an override (a government decree), its `dayOff` dates are added and the
 *    automatic art. 112 move is NOT applied, because the decree decides where every moved day goes
 *    (in 2025 it sent Sunday 23 February to 8 May instead of Monday 24 February). A decree that keeps the
 *    automatic moves must list them in `dayOff`. Without an override, each holiday with `moveIfWeekend`
 *    that falls on a weekend gives a day off on the next working day; January holidays never move
 *    automatically.
 * 4. The override's `workingDays` (transferred working Saturdays) become working days.
 * Dates are `YYYY-MM-DD` strings; all arithmetic is on UTC midnights, so the host time zone never matters.
 */

export type IsoDate = string;

export interface HolidayRule {
  /** `MM-DD` */
  date: string;
  name: string;
  /** Whether a weekend occurrence gives a day off on the next working day (art. 112 part 2). */
  moveIfWeekend: boolean;
}

export interface CalendarRules {
  source: string;
  /** First day these rules apply; years before it are refused rather than guessed. */
  effectiveFrom: IsoDate;
  /** `Date.getUTCDay()` numbers: 0 Sunday … 6 Saturday. */
  weekendDays: number[];
  holidays: HolidayRule[];
}

export interface YearOverride {
  year: number;
  decree: string;
  source?: string;
  note?: string;
  /** Complete list of extra days off for the year (decree transfers plus any automatic moves it keeps). */
  dayOff: IsoDate[];
  /** Weekend days that the decree makes working days. */
  workingDays: IsoDate[];
  /** Pre-holiday days shortened by one hour (art. 95); still working days. */
  shortened?: IsoDate[];
}

export interface CalendarData {
  country: string;
  note?: string;
  rules: CalendarRules;
  overrides: YearOverride[];
}

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses a `YYYY-MM-DD` date to its UTC-midnight epoch milliseconds; rejects impossible dates. */
function toUtcMs(date: IsoDate): number {
  const m = ISO_DATE.exec(date);
  if (!m) throw new RangeError(`Invalid date "${date}": expected YYYY-MM-DD`);
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(year, month - 1, day);
  const d = new Date(ms);
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) {
    throw new RangeError(`Invalid date "${date}"`);
  }
  return ms;
}

function fromUtcMs(ms: number): IsoDate {
  return new Date(ms).toISOString().slice(0, 10);
}

function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

/** The year's non-working days (weekends, holidays and moved days off) as `YYYY-MM-DD` strings. */
export function buildYear(year: number, rules: CalendarRules, overrides: YearOverride[] = []): Set<IsoDate> {
  if (!Number.isInteger(year) || year < yearOf(rules.effectiveFrom) || year > 9999) {
    throw new RangeError(
      `No production calendar rules for ${year} (rules apply from ${rules.effectiveFrom})`,
    );
  }
  const weekend = new Set(rules.weekendDays);
  const isWeekend = (ms: number) => weekend.has(new Date(ms).getUTCDay());
  const off = new Set<IsoDate>();

  for (let ms = Date.UTC(year, 0, 1); ms < Date.UTC(year + 1, 0, 1); ms += DAY_MS) {
    if (isWeekend(ms)) off.add(fromUtcMs(ms));
  }
  const holidays = rules.holidays.map((h) => ({ ...h, iso: `${year}-${h.date}` }));
  for (const h of holidays) {
    toUtcMs(h.iso);
    off.add(h.iso);
  }

  const override = overrides.find((o) => o.year === year);
  if (override) {
    for (const d of [...override.dayOff, ...override.workingDays, ...(override.shortened ?? [])]) {
      if (yearOf(d) !== year) throw new RangeError(`Override for ${year} lists a date of another year: ${d}`);
      toUtcMs(d);
    }
    override.dayOff.forEach((d) => off.add(d));
    for (const d of override.workingDays) {
      if (holidays.some((h) => h.iso === d)) {
        throw new RangeError(`Override for ${year} makes the holiday ${d} a working day`);
      }
      off.delete(d);
    }
    return off;
  }

  // Art. 112 part 2: the day off moves to the next working day after the holiday.
  for (const h of holidays) {
    const ms = toUtcMs(h.iso);
    if (!h.moveIfWeekend || !isWeekend(ms)) continue;
    let next = ms + DAY_MS;
    while (off.has(fromUtcMs(next))) next += DAY_MS;
    // A move into the next year (a late-December holiday) is not possible with the current list.
    if (yearOf(fromUtcMs(next)) === year) off.add(fromUtcMs(next));
  }
  return off;
}

// Built years per data object; treat CalendarData as immutable (load a new object after an edit).
const cache = new WeakMap<CalendarData, Map<number, Set<IsoDate>>>();

function nonWorkingDays(year: number, cal: CalendarData): Set<IsoDate> {
  let years = cache.get(cal);
  if (!years) {
    years = new Map();
    cache.set(cal, years);
  }
  let off = years.get(year);
  if (!off) {
    off = buildYear(year, cal.rules, cal.overrides);
    years.set(year, off);
  }
  return off;
}

export function isWorkingDay(date: IsoDate, cal: CalendarData): boolean {
  toUtcMs(date);
  return !nonWorkingDays(yearOf(date), cal).has(date);
}

/** Whether the date is a working day shortened by one hour before a holiday (art. 95), per the year's decree. */
export function isShortenedDay(date: IsoDate, cal: CalendarData): boolean {
  toUtcMs(date);
  const override = cal.overrides.find((o) => o.year === yearOf(date));
  return Boolean(override?.shortened?.includes(date)) && isWorkingDay(date, cal);
}

/**
 * The date `n` working days after `date` (before it when `n` is negative); `date` itself is not counted,
 * as a legal period starts the day after its event (Labour Code art. 14). `n = 0` returns `date`.
 * Example: notice due 3 working days after a contract concluded on 2025-12-30 is 2026-01-14.
 */
export function addWorkingDays(date: IsoDate, n: number, cal: CalendarData): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`Working days must be an integer, got ${n}`);
  let ms = toUtcMs(date);
  const step = n < 0 ? -DAY_MS : DAY_MS;
  for (let left = Math.abs(n); left > 0;) {
    ms += step;
    if (isWorkingDay(fromUtcMs(ms), cal)) left--;
  }
  return fromUtcMs(ms);
}

/**
 * Working days in the half-open interval (a, b]: `a` is not counted, `b` is. Negative when `b` is before `a`,
 * so that `workingDaysBetween(a, addWorkingDays(a, n, cal), cal) === n`.
 */
export function workingDaysBetween(a: IsoDate, b: IsoDate, cal: CalendarData): number {
  const from = toUtcMs(a);
  const to = toUtcMs(b);
  if (to < from) return -workingDaysBetween(b, a, cal);
  let count = 0;
  for (let ms = from + DAY_MS; ms <= to; ms += DAY_MS) {
    if (isWorkingDay(fromUtcMs(ms), cal)) count++;
  }
  return count;
}

function assertCalendarData(data: CalendarData): CalendarData {
  const { rules, overrides } = data;
  if (
    !rules ||
    !Array.isArray(rules.holidays) ||
    !Array.isArray(rules.weekendDays) ||
    !Array.isArray(overrides)
  ) {
    throw new Error(
      'Production calendar data is malformed: rules.holidays, rules.weekendDays and overrides needed',
    );
  }
  toUtcMs(rules.effectiveFrom);
  const years = new Set<number>();
  for (const o of overrides) {
    if (years.has(o.year)) throw new Error(`Production calendar has two overrides for ${o.year}`);
    years.add(o.year);
    // Builds the year once, which validates every date in the override.
    buildYear(o.year, rules, overrides);
  }
  return deepFreeze(data);
}

// Built years are cached per object, so the shared calendar must not change under them.
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

let ruCalendar: CalendarData | undefined;

/** The Russian calendar shipped in `data/ru-calendar.json` (imported, so tsc copies it to dist). */
export function loadRuCalendar(): CalendarData {
  ruCalendar ??= assertCalendarData(ruCalendarJson as CalendarData);
  return ruCalendar;
}
