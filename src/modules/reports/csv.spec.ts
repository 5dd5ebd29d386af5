import { csvField, csvLine } from 'src/modules/reports/csv';

describe('CSV (RFC 4180)', () => {
  it('quotes fields with commas, quotes and line breaks and doubles quotes', () => {
    expect(csvLine(['a', 'b,c', 'say "hi"', 'two\nlines', null, 3])).toBe(
      'a,"b,c","say ""hi""","two\nlines",,3\r\n',
    );
  });

  it('keeps Cyrillic as is', () => {
    expect(csvField('Таджикистан')).toBe('Таджикистан');
  });

  it('defuses spreadsheet formulas in text but not negative numbers', () => {
    expect(csvField('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvField('@cmd')).toBe("'@cmd");
    expect(csvField(-5)).toBe('-5');
  });
});
