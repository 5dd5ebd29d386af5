/** Calendar arithmetic on `YYYY-MM-DD` strings, without time zones or a clock. */
import { IsoDate } from 'src/modules/eligibility/eligibility.types';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

/** True for a well-formed date that exists in the calendar (so `2026-02-30` is false). */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function parts(date: IsoDate): [number, number, number] {
  const [year, month, day] = date.split('-').map(Number);
  return [year, month, day];
}

function format(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Whole years of age on `onDate`. Someone born on 29 February comes of age on 1 March in common years. */
export function ageOn(birthDate: IsoDate, onDate: IsoDate): number {
  const [by, bm, bd] = parts(birthDate);
  const [y, m, d] = parts(onDate);
  const hadBirthday = m > bm || (m === bm && d >= bd);
  return y - by - (hadBirthday ? 0 : 1);
}

/** The first day on which a person born on `birthDate` is `years` old. */
export function dateOfAge(birthDate: IsoDate, years: number): IsoDate {
  const [by, bm, bd] = parts(birthDate);
  const year = by + years;
  // 29 February in a common year: the age is reached the next day, matching ageOn.
  if (bd > daysInMonth(year, bm)) return format(year, bm + 1, 1);
  return format(year, bm, bd);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const [y, m, d] = parts(date);
  const utc = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not map years 0-99 to 1900-1999.
  utc.setUTCFullYear(y, m - 1, d + days);
  return format(utc.getUTCFullYear(), utc.getUTCMonth() + 1, utc.getUTCDate());
}

/** Inclusive at both ends; a missing bound does not limit. */
export function isWithin(date: IsoDate, from?: IsoDate, until?: IsoDate): boolean {
  return (from === undefined || from <= date) && (until === undefined || date <= until);
}
