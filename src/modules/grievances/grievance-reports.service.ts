import { Injectable } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { ValidationError } from 'src/common/errors/domain-error';
import { GrievanceReportGroup, GrievanceReportQuery } from 'src/modules/grievances/grievances.dto';
import { CSV_BOM, csvLine } from 'src/modules/reports/csv';

export interface GrievanceReportRow {
  key: string | null;
  label: string | null;
  total: number;
  women: number;
  men: number;
  urgent: number;
  substantiated: number;
  avgHoursToFirstResponse: number | null;
  avgHoursToClose: number | null;
}

const GROUP_SQL: Record<GrievanceReportGroup, { key: string; label: string }> = {
  category: { key: 'g.category', label: 'g.category' },
  citizenship: { key: 'm.citizenship', label: 'm.citizenship' },
  gender: { key: 'm.gender', label: 'm.gender' },
  employer: { key: 'g.employer_id::text', label: 'e.name' },
  fair: { key: 'g.fair_id::text', label: 'f.name' },
  region: { key: 'v.region', label: 'v.region' },
};

export const REPORT_COLUMNS = [
  'key',
  'label',
  'total',
  'women',
  'men',
  'urgent',
  'substantiated',
  'avgHoursToFirstResponse',
  'avgHoursToClose',
] as const;

/**
 * Counts of grievances by one dimension over a period of filing, with women's cases counted apart and the average
 * time to the first response and to closing. Erased grievances count: their rows stay without texts.
 */
@Injectable()
export class GrievanceReportsService {
  constructor(private readonly dataSource: DataSource) {}

  async report(
    q: GrievanceReportQuery,
  ): Promise<{ by: string; from: string | null; to: string | null; rows: GrievanceReportRow[] }> {
    if (q.from && q.to && q.to < q.from) throw ValidationError.field('to', 'must not be before from');
    const g = GROUP_SQL[q.by];
    const rows: GrievanceReportRow[] = await this.dataSource.query(
      `SELECT ${g.key} AS key, ${g.label === g.key ? g.key : `min(${g.label})`} AS label,
              count(*)::int AS total,
              count(*) FILTER (WHERE m.gender = 'female')::int AS women,
              count(*) FILTER (WHERE m.gender = 'male')::int AS men,
              count(*) FILTER (WHERE g.urgent)::int AS urgent,
              count(*) FILTER (WHERE g.outcome = 'substantiated')::int AS substantiated,
              round((avg(extract(epoch FROM g.first_response_at - g.received_at)) / 3600)::numeric, 1)::float8
                AS "avgHoursToFirstResponse",
              round((avg(extract(epoch FROM g.closed_at - g.received_at)) / 3600)::numeric, 1)::float8
                AS "avgHoursToClose"
         FROM grievances g
         JOIN migrants m ON m.id = g.migrant_id
         LEFT JOIN employers e ON e.id = g.employer_id
         LEFT JOIN fairs f ON f.id = g.fair_id
         LEFT JOIN vacancies v ON v.id = g.vacancy_id
        WHERE ($1::date IS NULL OR g.received_at >= $1::date)
          AND ($2::date IS NULL OR g.received_at < $2::date + 1)
        GROUP BY ${g.key}
        ORDER BY total DESC, key NULLS LAST`,
      [q.from ?? null, q.to ?? null],
    );
    return { by: q.by, from: q.from ?? null, to: q.to ?? null, rows };
  }

  csv(rows: GrievanceReportRow[]): Buffer {
    const lines = [
      csvLine([...REPORT_COLUMNS]),
      ...rows.map((r) => csvLine(REPORT_COLUMNS.map((c) => r[c]))),
    ];
    return Buffer.from(CSV_BOM + lines.join(''), 'utf8');
  }

  async xlsx(rows: GrievanceReportRow[]): Promise<Buffer> {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Grievances');
    sheet.addRow([...REPORT_COLUMNS]);
    for (const r of rows) sheet.addRow(REPORT_COLUMNS.map((c) => r[c]));
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }
}
