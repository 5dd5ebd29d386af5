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
import {
  EXPORT_HEADERS,
  ReportLabels,
  ReportLang,
  csvDelimiterFor,
  localTime,
} from 'src/modules/reports/report-labels';
import { CountRow, ExportRow, ReportsRepository } from 'src/modules/reports/reports.repository';

const EXPORT_BATCH = 1000;
/** The export's columns: each code beside its label, times in the vacancy region's own time zone. */
const EXPORT_OUT = [
  'id',
  'created_at',
  'timezone',
  'status',
  'status_label',
  'citizenship',
  'citizenship_label',
  'gender',
  'gender_label',
  'occupation',
  'occupation_label',
  'region',
  'region_label',
  'employer',
  'fair',
] as const;
const DEFAULT_TIMEZONE = 'Europe/Moscow';

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

  async placements(
    query: PeriodQuery & { groupBy: GroupBy; lang?: ReportLang },
  ): Promise<PlacementsReportDto> {
    const { from, to } = period(query);
    const labels = new ReportLabels(this.catalog, query.lang ?? 'ru');
    const rows = await this.repository.placementsReport(from, to, query.groupBy);
    return {
      from,
      to,
      groupBy: query.groupBy,
      rows: rows.map((r) => ({
        key: r.key ?? 'unknown',
        label: r.label ?? this.label(labels, query.groupBy, r.key) ?? r.key ?? '',
        applications: r.applications,
        interviews: r.interviews,
        hires: r.hires,
        medianDaysToHire:
          r.medianDaysToHire === null ? null : Math.round(Number(r.medianDaysToHire) * 10) / 10,
      })),
    };
  }

  placementsFile(report: PlacementsReportDto, format: 'csv' | 'xlsx', lang: ReportLang = 'ru'): FileOut {
    const base = `placements-${report.groupBy}-${report.from}-${report.to}`;
    const rows = report.rows.map((r) => PLACEMENT_COLUMNS.map((c) => r[c]));
    if (format === 'csv') {
      const delimiter = csvDelimiterFor(lang);
      const lines = [
        CSV_BOM + csvLine(PLACEMENT_COLUMNS, delimiter),
        ...rows.map((r) => csvLine(r, delimiter)),
      ];
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
   * Every application of the period as CSV or XLSX, read through a server-side cursor in batches and written as the
   * client takes it (backpressure), so memory stays flat at any size. The cursor is open before the answer starts,
   * so a database error is still a proper problem response. Headers and labels are in the staff's language, each
   * code kept in its own column beside its label, times in the vacancy region's time zone.
   */
  async applicationsExport(
    query: PeriodQuery & { lang: ReportLang; format: 'csv' | 'xlsx' },
  ): Promise<FileOut> {
    const { from, to } = period(query);
    const labels = new ReportLabels(this.catalog, query.lang);
    const headers = EXPORT_HEADERS[query.lang];
    const cursor = await this.repository.openApplicationsCursor(from, to);
    const toCells = (row: ExportRow): unknown[] => {
      const timezone = (row.region && this.catalog.region(row.region)?.timezone) || DEFAULT_TIMEZONE;
      const cells: Record<(typeof EXPORT_OUT)[number], unknown> = {
        id: row.id,
        created_at: localTime(new Date(row.created_at), timezone),
        timezone,
        status: row.status,
        status_label: labels.status(row.status),
        citizenship: row.citizenship,
        citizenship_label: labels.citizenship(row.citizenship),
        gender: row.gender,
        gender_label: labels.gender(row.gender),
        occupation: row.occupation,
        occupation_label: labels.occupation(row.occupation),
        region: row.region,
        region_label: labels.region(row.region),
        employer: row.employer,
        fair: row.fair ?? labels.online(),
      };
      return EXPORT_OUT.map((c) => cells[c]);
    };
    async function* batches(): AsyncGenerator<unknown[][]> {
      try {
        for (;;) {
          const rows = await cursor.fetch(EXPORT_BATCH);
          if (!rows.length) break;
          yield rows.map(toCells);
        }
      } finally {
        await cursor.close();
      }
    }
    const header = EXPORT_OUT.map((c) => headers[c]);
    const base = `applications-${from}-${to}`;
    if (query.format === 'xlsx') {
      return {
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        filename: `${base}.xlsx`,
        stream: xlsxStreamOf(query.lang === 'ru' ? 'Заявки' : 'Applications', header, batches()),
      };
    }
    const delimiter = csvDelimiterFor(query.lang);
    async function* lines(): AsyncGenerator<string> {
      yield CSV_BOM + csvLine(header, delimiter);
      for await (const rows of batches()) yield rows.map((r) => csvLine(r, delimiter)).join('');
    }
    return {
      contentType: 'text/csv; charset=utf-8',
      filename: `${base}.csv`,
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

  private label(labels: ReportLabels, groupBy: GroupBy, key: string | null): string | undefined {
    if (!key) return labels.unknown();
    if (groupBy === 'citizenship') return labels.citizenship(key);
    if (groupBy === 'gender') return labels.gender(key);
    if (groupBy === 'occupation') return labels.occupation(key);
    if (groupBy === 'region') return labels.region(key);
    if (groupBy === 'fair' && key === 'none') return labels.online();
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
  async function* once(): AsyncGenerator<unknown[][]> {
    yield rows;
  }
  return xlsxStreamOf(sheetName, header, once());
}

/** The same, from batches of rows as they are read (the applications export's cursor). */
function xlsxStreamOf(
  sheetName: string,
  header: readonly string[],
  batches: AsyncIterable<unknown[][]>,
): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: false,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet(sheetName);
  void (async () => {
    sheet.addRow([...header]).commit();
    for await (const rows of batches) for (const row of rows) sheet.addRow(row).commit();
    sheet.commit();
    await workbook.commit();
  })().catch((error: Error) => out.destroy(error));
  return out;
}
