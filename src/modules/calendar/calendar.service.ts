import { Injectable } from '@nestjs/common';
import { UserPrincipal } from 'src/common/auth/principal';
import { NotFoundError, ValidationError } from 'src/common/errors/domain-error';
import { CalendarOverrideRow, CalendarRepository } from 'src/modules/calendar/calendar.repository';
import { CalendarYearDto, PutCalendarYearDto } from 'src/modules/calendar/calendar.dto';
import {
  CalendarData,
  IsoDate,
  YearOverride,
  addWorkingDays,
  buildYear,
  loadRuCalendar,
} from 'src/modules/calendar/production-calendar';

export const CALENDAR_COUNTRIES = ['RU'] as const;

/**
 * The production calendar in force: the shipped file with staff edits from `calendar_overrides` on top (a
 * stored year replaces the file's year). Read from the database on each use, so an edit made by any process
 * counts at once; the built calendar is reused while the stored rows do not change.
 */
@Injectable()
export class CalendarService {
  private cached?: { signature: string; data: CalendarData; rows: CalendarOverrideRow[] };

  constructor(private readonly repository: CalendarRepository) {}

  async calendar(country = 'RU'): Promise<CalendarData> {
    return (await this.current(country)).data;
  }

  /** `n` working days after `date` under the calendar in force now. */
  async addWorkingDays(date: IsoDate, n: number, country = 'RU'): Promise<IsoDate> {
    return addWorkingDays(date, n, await this.calendar(country));
  }

  async getYear(country: string, year: number): Promise<CalendarYearDto> {
    this.assertCountry(country);
    const { data, rows } = await this.current(country);
    let off: Set<string>;
    try {
      off = buildYear(year, data.rules, data.overrides);
    } catch (error) {
      throw new NotFoundError(`Production calendar for ${year} (${(error as Error).message})`);
    }
    const stored = rows.find((r) => r.year === year);
    const override = data.overrides.find((o) => o.year === year);
    const days = 365 + (isLeap(year) ? 1 : 0);
    return {
      country,
      year,
      source: stored ? 'override' : override ? 'file' : 'rules',
      decree: override?.decree ?? null,
      nonWorkingDays: [...off].sort(),
      daysOff: [...(override?.dayOff ?? [])].sort(),
      workingDays: [...(override?.workingDays ?? [])].sort(),
      shortened: [...(override?.shortened ?? [])].sort(),
      workingDayCount: days - off.size,
      updatedAt: stored?.updatedAt ?? null,
      updatedBy: stored?.updatedBy ?? null,
    };
  }

  async putYear(
    staff: UserPrincipal,
    country: string,
    year: number,
    dto: PutCalendarYearDto,
  ): Promise<CalendarYearDto> {
    this.assertCountry(country);
    const override: YearOverride = {
      year,
      decree: dto.decree.trim(),
      dayOff: unique(dto.daysOff),
      workingDays: unique(dto.workingDays),
      shortened: unique(dto.shortened ?? []),
    };
    const base = loadRuCalendar();
    try {
      // Checks every date: existing, of this year, never turning a holiday into a working day.
      buildYear(year, base.rules, [override]);
    } catch (error) {
      throw ValidationError.field('body', (error as Error).message);
    }
    await this.repository.upsert({
      country,
      year,
      decree: override.decree,
      dayOff: override.dayOff,
      workingDays: override.workingDays,
      shortened: override.shortened ?? [],
      updatedBy: staff.userId,
    });
    return this.getYear(country, year);
  }

  private assertCountry(country: string): void {
    if (!(CALENDAR_COUNTRIES as readonly string[]).includes(country)) {
      throw new NotFoundError(`Production calendar of ${country}`);
    }
  }

  private async current(country: string): Promise<{ data: CalendarData; rows: CalendarOverrideRow[] }> {
    this.assertCountry(country);
    const rows = await this.repository.findByCountry(country);
    const signature = JSON.stringify(rows);
    if (this.cached?.signature === signature) return this.cached;
    const base = loadRuCalendar();
    const stored = new Set(rows.map((r) => r.year));
    // A new object per change: the pure module caches built years per data object.
    const data: CalendarData = {
      ...base,
      overrides: [
        ...base.overrides.filter((o) => !stored.has(o.year)),
        ...rows.map((r) => ({
          year: r.year,
          decree: r.decree,
          dayOff: r.dayOff,
          workingDays: r.workingDays,
          shortened: r.shortened,
        })),
      ],
    };
    this.cached = { signature, data, rows };
    return this.cached;
  }
}

function unique(dates: string[]): string[] {
  return [...new Set(dates)].sort();
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}
