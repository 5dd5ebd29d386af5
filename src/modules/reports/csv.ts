/**
 * RFC 4180 CSV: CRLF line ends, fields with a delimiter (comma or semicolon), quote or line break quoted, quotes
 * doubled.
 */
export const CSV_BOM = '\uFEFF';

// A cell beginning with one of these is a formula to Excel: prefixed with an apostrophe (CSV injection).
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let s = value instanceof Date ? value.toISOString() : String(value);
  if (FORMULA_START.test(s)) s = `'${s}`;
  return /[",;\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(values: unknown[], delimiter: ',' | ';' = ','): string {
  return `${values.map(csvField).join(delimiter)}\r\n`;
}
