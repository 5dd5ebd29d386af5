import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface CalendarOverrideRow {
  country: string;
  year: number;
  decree: string;
  dayOff: string[];
  workingDays: string[];
  shortened: string[];
  updatedBy: string | null;
  updatedAt: Date;
}

@Injectable()
export class CalendarRepository {
  constructor(private readonly dataSource: DataSource) {}

  async findByCountry(country: string): Promise<CalendarOverrideRow[]> {
    const rows = await this.dataSource.query(
      `SELECT country, year, decree, day_off::text[] AS "dayOff", working_days::text[] AS "workingDays",
              shortened::text[] AS shortened, updated_by AS "updatedBy", updated_at AS "updatedAt"
         FROM calendar_overrides WHERE country = $1 ORDER BY year`,
      [country],
    );
    return rows as CalendarOverrideRow[];
  }

  async upsert(row: Omit<CalendarOverrideRow, 'updatedAt'>): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO calendar_overrides (country, year, decree, day_off, working_days, shortened, updated_by, updated_at)
       VALUES ($1, $2, $3, $4::date[], $5::date[], $6::date[], $7, now())
       ON CONFLICT (country, year) DO UPDATE
          SET decree = EXCLUDED.decree, day_off = EXCLUDED.day_off, working_days = EXCLUDED.working_days,
              shortened = EXCLUDED.shortened, updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [row.country, row.year, row.decree, row.dayOff, row.workingDays, row.shortened, row.updatedBy],
    );
  }
}
