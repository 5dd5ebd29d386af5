import ExcelJS from 'exceljs';
import { PassThrough, Readable } from 'stream';
import { DataSource } from 'typeorm';
import { CSV_BOM, csvLine } from 'src/modules/reports/csv';

export const FUNNEL_GROUPS = ['order', 'citizenship', 'gender', 'origin_region'] as const;
export type FunnelGroup = (typeof FUNNEL_GROUPS)[number];
export const FUNNEL_COLUMNS = [
  'group',
  'selected',
  'departed',
  'arrived',
  'authorised',
  'placed',
  'dropped',
] as const;
export type FunnelRow = Record<(typeof FUNNEL_COLUMNS)[number], string | number>;

// The origin region is that of the first fair the person attended outside the host countries; else online.
const GROUP_SQL: Record<FunnelGroup, string> = {
  order: `r.order_id::text`,
  citizenship: `m.citizenship`,
  gender: `coalesce(m.gender, 'unknown')`,
  origin_region: `coalesce((SELECT f.region FROM fair_attendance a JOIN fairs f ON f.id = a.fair_id
                             WHERE a.migrant_id = m.id AND left(f.region, 2) NOT IN ('RU', 'KZ')
                             ORDER BY f.starts_at LIMIT 1), 'online')`,
};

const reached = (status: string) => `count(*) FILTER (WHERE r.steps @> '[{"status": "${status}"}]')::int`;

/** Recruits who reached each step (a recruit dropped later still counts for the steps it reached). */
export async function funnel(ds: DataSource, groupBy: FunnelGroup): Promise<FunnelRow[]> {
  return ds.query(
    `SELECT ${GROUP_SQL[groupBy]} AS "group", count(*)::int AS selected, ${reached('departed')} AS departed,
            ${reached('arrived')} AS arrived, ${reached('authorised')} AS authorised, ${reached('placed')} AS placed,
            count(*) FILTER (WHERE r.status = 'dropped')::int AS dropped
       FROM recruits r JOIN migrants m ON m.id = r.migrant_id
      GROUP BY 1 ORDER BY 1`,
  );
}

export function funnelCsv(rows: FunnelRow[]): Readable {
  return Readable.from([
    CSV_BOM + csvLine([...FUNNEL_COLUMNS]),
    ...rows.map((r) => csvLine(FUNNEL_COLUMNS.map((c) => r[c]))),
  ]);
}

export function funnelXlsx(rows: FunnelRow[]): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: false,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet('Recruitment funnel');
  void (async () => {
    sheet.addRow([...FUNNEL_COLUMNS]).commit();
    for (const r of rows) sheet.addRow(FUNNEL_COLUMNS.map((c) => r[c])).commit();
    sheet.commit();
    await workbook.commit();
  })().catch((error: Error) => out.destroy(error));
  return out;
}
