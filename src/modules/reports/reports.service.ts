import { Injectable } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { PassThrough, Readable } from 'node:stream';
import { NotFoundError, ValidationError } from 'src/common/errors/domain-error';
import { moscowToday, addCalendarDays } from 'src/modules/placements/obligations.service';
import { ReferenceCatalog } from 'src/modules/reference/reference.catalog';
import { CSV_BOM, csvLine } from 'src/modules/reports/csv';
import {
  BreakdownRowDto,
  DemandReportDto,
  FairReportDto,
  GroupBy,
  PeriodQuery,
  PlacementsReportDto,
  PlacementsReportRowDto,
} from 'src/modules/reports/reports.dto';
import { CountRow, EXPORT_COLUMNS, ReportsRepository } from 'src/modules/reports/reports.repository';

const EXPORT_BATCH = 1000;
const PLACEMENT_COLUMNS: (keyof PlacementsReportRowDto)[] = [
  'key',
  'label',
  'applications',
  'interviews',
  'hires',
  'medianDaysToHire',
];

export interface FileOut {
  contentType: string;
  filename: string;
  stream: Readable;
}

/** Staff reports: a fair's funnel, placements by period and group, demand against supply, and exports. */
@Injectable()
export class ReportsService {
  private readonly catalog = ReferenceCatalog.load();

  constructor(private readonly repository: ReportsRepository) {}

  async fair(id: string): Promise<FairReportDto> {
    const fair = await this.repository.findFair(id);
    if (!fair) throw new NotFoundError('Fair');
    const interviews = (await this.repository.interviewsTableExists())
      ? this.repository.fairInterviews(id)
      : this.repository.fairInterviewsFromHistory(id);
    const [totals, i, byCitizenship, byGender, byOccupation, byEmployer] = await Promise.all([
      this.repository.fairTotals(id),
      interviews,
      this.repository.fairBreakdown(id, 'citizenship'),
      this.repository.fairBreakdown(id, 'gender'),
      this.repository.fairBreakdown(id, 'occupation'),
      this.repository.fairByEmployer(id),
    ]);
    return {
      fair,
      ...totals,
      interviewsScheduled: i.scheduled,
      interviewsAttended: i.attended,
      secondInterviews: i.second,
      offers: totals.offers,
      hires: totals.hires,
      byCitizenship: this.breakdown(byCitizenship),
      byGender: this.breakdown(byGender),
      byOccupation: this.breakdown(byOccupation, (code) => this.catalog.occupationLabel(code, 'ru')),
      byEmployer: this.breakdown(byEmployer),
    };
  }

  async placements(query: PeriodQuery & { groupBy: GroupBy }): Promise<PlacementsReportDto> {
    const { from, to } = period(query);
    const rows = await this.repository.placementsReport(from, to, query.groupBy);
    return {
      from,
      to,
      groupBy: query.groupBy,
      rows: rows.map((r) => ({
        key: r.key ?? 'unknown',
        label: r.label ?? this.label(query.groupBy, r.key) ?? r.key ?? '',
        applications: r.applications,
        interviews: r.interviews,
        hires: r.hires,
        medianDaysToHire:
          r.medianDaysToHire === null ? null : Math.round(Number(r.medianDaysToHire) * 10) / 10,
      })),
    };
  }

  placementsFile(report: PlacementsReportDto, format: 'csv' | 'xlsx'): FileOut {
    const base = `placements-${report.groupBy}-${report.from}-${report.to}`;
    const rows = report.rows.map((r) => PLACEMENT_COLUMNS.map((c) => r[c]));
    if (format === 'csv') {
      const lines = [CSV_BOM + csvLine(PLACEMENT_COLUMNS), ...rows.map(csvLine)];
      return {
        contentType: 'text/csv; charset=utf-8',
        filename: `${base}.csv`,
        stream: Readable.from(lines),
      };
    }
    return {
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      filename: `${base}.xlsx`,
      stream: xlsxStream('Placements', PLACEMENT_COLUMNS, rows),
    };
  }

  /**
   * Every application of the period as CSV, read through a server-side cursor in batches and written as the
   * client takes it (backpressure), so memory stays flat at any size. The cursor is open before the answer
   * starts, so a database error is still a proper problem response.
   */
  async applicationsCsv(query: PeriodQuery): Promise<FileOut> {
    const { from, to } = period(query);
    const cursor = await this.repository.openApplicationsCursor(from, to);
    async function* lines(): AsyncGenerator<string> {
      try {
        yield CSV_BOM + csvLine([...EXPORT_COLUMNS]);
        for (;;) {
          const rows = await cursor.fetch(EXPORT_BATCH);
          if (!rows.length) break;
          let chunk = '';
          for (const row of rows) chunk += csvLine(EXPORT_COLUMNS.map((c) => row[c]));
          yield chunk;
        }
      } finally {
        await cursor.close();
      }
    }
    return {
      contentType: 'text/csv; charset=utf-8',
      filename: `applications-${from}-${to}.csv`,
      stream: Readable.from(lines(), { objectMode: false }),
    };
  }

  async demand(query: PeriodQuery & { region?: string }): Promise<DemandReportDto> {
    const today = moscowToday();
    const from = query.from ?? today;
    const to = query.to ?? addCalendarDays(from, 90);
    if (from > to) throw ValidationError.field('from', 'must not be after to');
    if (query.region && !this.catalog.isRegion(query.region)) {
      throw ValidationError.field('region', 'is not a known region code');
    }
    const rows = await this.repository.demand(query.region ?? null, from, to);
    return {
      region: query.region ?? null,
      from,
      to,
      rows: rows.map((r) => ({
        occupationCode: r.code,
        label: this.catalog.occupationLabel(r.code, 'ru') ?? r.code,
        vacancies: r.vacancies,
        openPositions: r.openPositions,
        seekers: r.seekers,
        gap: r.seekers - r.openPositions,
      })),
    };
  }

  private breakdown(rows: CountRow[], label?: (key: string) => string | undefined): BreakdownRowDto[] {
    return rows.map((r) => {
      const key = r.key ?? 'unknown';
      const named = r.label ?? label?.(key);
      return { key, ...(named ? { label: named } : {}), visitors: r.visitors, hires: r.hires };
    });
  }

  private label(groupBy: GroupBy, key: string | null): string | undefined {
    if (!key) return undefined;
    if (groupBy === 'citizenship') return this.catalog.country(key)?.nameRu;
    if (groupBy === 'occupation') return this.catalog.occupationLabel(key, 'ru');
    if (groupBy === 'region') return this.catalog.region(key)?.nameRu;
    if (groupBy === 'fair' && key === 'none') return 'Online';
    return undefined;
  }
}

/** The period in Moscow days: `to` defaults to today, `from` to a year before `to`. */
function period(query: PeriodQuery): { from: string; to: string } {
  const to = query.to ?? moscowToday();
  const from = query.from ?? addCalendarDays(to, -364);
  if (from > to) throw ValidationError.field('from', 'must not be after to');
  return { from, to };
}

/** A workbook written row by row into the returned stream (exceljs streaming writer). */
function xlsxStream(sheetName: string, header: readonly string[], rows: unknown[][]): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: false,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet(sheetName);
  void (async () => {
    sheet.addRow([...header]).commit();
    for (const row of rows) sheet.addRow(row).commit();
    sheet.commit();
    await workbook.commit();
  })().catch((error: Error) => out.destroy(error));
  return out;
}
