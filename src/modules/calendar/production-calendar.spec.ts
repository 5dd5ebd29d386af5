import {
  addWorkingDays,
  buildYear,
  CalendarData,
  isShortenedDay,
  isWorkingDay,
  loadRuCalendar,
  workingDaysBetween,
} from 'src/modules/calendar/production-calendar';

const cal = loadRuCalendar();

function workingDaysInYear(year: number, data: CalendarData): number {
  return 365 + (year % 4 === 0 ? 1 : 0) - buildYear(year, data.rules, data.overrides).size;
}

describe('production calendar', () => {
  describe('isWorkingDay', () => {
    it('treats a plain week as Monday to Friday', () => {
      const week = ['2025-10-13', '2025-10-14', '2025-10-15', '2025-10-16', '2025-10-17'];
      week.forEach((d) => expect(isWorkingDay(d, cal)).toBe(true));
      expect(isWorkingDay('2025-10-18', cal)).toBe(false);
      expect(isWorkingDay('2025-10-19', cal)).toBe(false);
    });

    it('keeps the New Year holidays and the decree transfers of 2026 off', () => {
      ['2026-01-01', '2026-01-08', '2026-01-09', '2026-01-11', '2026-12-31'].forEach((d) =>
        expect(isWorkingDay(d, cal)).toBe(false),
      );
      expect(isWorkingDay('2026-01-12', cal)).toBe(true);
    });

    it('moves a holiday falling on Sunday to Monday (8 March 2026 → 9 March)', () => {
      expect(isWorkingDay('2026-03-08', cal)).toBe(false);
      expect(isWorkingDay('2026-03-09', cal)).toBe(false);
      expect(isWorkingDay('2026-03-10', cal)).toBe(true);
      expect(isWorkingDay('2026-05-11', cal)).toBe(false);
    });

    it('makes the transferred Saturday 1 November 2025 a working day and 3 November a day off', () => {
      expect(isWorkingDay('2025-11-01', cal)).toBe(true);
      expect(isShortenedDay('2025-11-01', cal)).toBe(true);
      expect(isWorkingDay('2025-11-02', cal)).toBe(false);
      expect(isWorkingDay('2025-11-03', cal)).toBe(false);
      expect(isWorkingDay('2025-11-04', cal)).toBe(false);
      expect(isWorkingDay('2025-11-05', cal)).toBe(true);
    });

    it('lets the 2025 decree replace the automatic move of 23 February (Sunday) with 8 May', () => {
      expect(isWorkingDay('2025-02-24', cal)).toBe(true);
      expect(isWorkingDay('2025-03-10', cal)).toBe(true);
      expect(isWorkingDay('2025-05-08', cal)).toBe(false);
      expect(isWorkingDay('2025-06-13', cal)).toBe(false);
    });

    it('matches the official count of 247 working days in 2025 and in 2026', () => {
      expect(workingDaysInYear(2025, cal)).toBe(247);
      expect(workingDaysInYear(2026, cal)).toBe(247);
    });

    it('hands out a frozen calendar so cached years cannot go stale', () => {
      expect(Object.isFrozen(cal.overrides[0].dayOff)).toBe(true);
    });

    it('rejects an impossible date', () => {
      expect(() => isWorkingDay('2025-02-30', cal)).toThrow(RangeError);
      expect(() => isWorkingDay('25-1-1', cal)).toThrow(RangeError);
    });
  });

  describe('addWorkingDays', () => {
    it('counts 3 working days across the New Year holidays (contract on 2025-12-30 → 2026-01-14)', () => {
      expect(addWorkingDays('2025-12-30', 3, cal)).toBe('2026-01-14');
    });

    it('counts within a plain week, not counting the start date', () => {
      expect(addWorkingDays('2025-10-13', 3, cal)).toBe('2025-10-16');
      expect(addWorkingDays('2025-10-16', 3, cal)).toBe('2025-10-21');
      expect(addWorkingDays('2025-10-13', 0, cal)).toBe('2025-10-13');
    });

    it('counts the transferred working Saturday', () => {
      expect(addWorkingDays('2025-10-30', 3, cal)).toBe('2025-11-05');
    });

    it('counts backwards for a negative number', () => {
      expect(addWorkingDays('2026-01-14', -3, cal)).toBe('2025-12-30');
    });

    it('rejects a fractional number of days', () => {
      expect(() => addWorkingDays('2025-10-13', 1.5, cal)).toThrow(RangeError);
    });
  });

  describe('workingDaysBetween', () => {
    it('counts the half-open interval (a, b]', () => {
      expect(workingDaysBetween('2025-10-13', '2025-10-17', cal)).toBe(4);
      expect(workingDaysBetween('2025-10-17', '2025-10-13', cal)).toBe(-4);
      expect(workingDaysBetween('2025-10-13', '2025-10-13', cal)).toBe(0);
    });

    it('is the inverse of addWorkingDays', () => {
      for (const start of ['2025-12-30', '2025-04-30', '2026-03-06', '2025-10-31']) {
        for (const n of [1, 3, 7, 10]) {
          expect(workingDaysBetween(start, addWorkingDays(start, n, cal), cal)).toBe(n);
        }
      }
    });
  });

  describe('buildYear without a decree', () => {
    it('moves weekend holidays by art. 112 but never the January ones', () => {
      const off = buildYear(2027, cal.rules, []);
      // 2027-01-02 and 01-03 are Saturday and Sunday: no automatic move to 11 January.
      expect(off.has('2027-01-11')).toBe(false);
      // 2027-05-09 is a Sunday → Monday 10 May.
      expect(off.has('2027-05-10')).toBe(true);
      // 2027-06-12 is a Saturday → Monday 14 June.
      expect(off.has('2027-06-14')).toBe(true);
    });

    it('refuses a year before the rules took effect', () => {
      expect(() => buildYear(2012, cal.rules, [])).toThrow(RangeError);
    });

    it('refuses an override that makes a holiday a working day', () => {
      const bad = [{ year: 2027, decree: 'test', dayOff: [], workingDays: ['2027-01-02'] }];
      expect(() => buildYear(2027, cal.rules, bad)).toThrow(/holiday/);
    });
  });
});
