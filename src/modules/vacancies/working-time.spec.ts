import {
  FULL_TIME_HOURS_PER_MONTH,
  WORKING_DAYS_PER_MONTH,
  defaultWorkingTime,
  fullTimeShare,
  hoursPerMonth,
  monthlyAmount,
  workingTimeErrors,
  workingTimeOf,
} from 'src/modules/vacancies/working-time';

const weekly = (hoursPerWeek: number) => ({ hoursPerWeek, shiftHours: null, shiftsPerMonth: null });
const shifts = (shiftHours: number, shiftsPerMonth: number) => ({
  hoursPerWeek: null,
  shiftHours,
  shiftsPerMonth,
});

describe('working time', () => {
  it('counts a month as 52 weeks ÷ 12: 173⅓ hours and 21⅔ days of a 40-hour, five-day week', () => {
    expect(FULL_TIME_HOURS_PER_MONTH).toBeCloseTo(173.333, 3);
    expect(WORKING_DAYS_PER_MONTH).toBeCloseTo(21.667, 3);
    expect(hoursPerMonth('part_time', weekly(20))).toBeCloseTo(86.667, 3);
    expect(hoursPerMonth('shift', shifts(12, 15))).toBe(180);
  });

  it('scales full time to 1, weekly schedules by hours ÷ 40 and shifts by their hours ÷ 173⅓', () => {
    expect(fullTimeShare('full_time', weekly(36))).toBe(1);
    expect(fullTimeShare('part_time', weekly(20))).toBe(0.5);
    expect(fullTimeShare('seasonal', weekly(40))).toBe(1);
    expect(fullTimeShare('shift', shifts(24, 7))).toBeCloseTo((168 * 12) / (40 * 52), 9);
    expect(fullTimeShare('rotation', shifts(12, 15))).toBeCloseTo(1.0385, 4);
  });

  it('pays an hour rate for every hour and a day rate for every working day or shift of the month', () => {
    expect(monthlyAmount(50000, 'month', 'shift', shifts(12, 15))).toBe(50000);
    expect(monthlyAmount(200, 'hour', 'full_time', weekly(40))).toBeCloseTo(34666.67, 2);
    expect(monthlyAmount(2000, 'day', 'part_time', weekly(20))).toBeCloseTo(43333.33, 2);
    expect(monthlyAmount(3000, 'day', 'rotation', shifts(11, 15))).toBe(45000);
    expect(monthlyAmount(250, 'hour', 'rotation', shifts(11, 15))).toBe(41250);
  });

  it('reads a vacancy without working time with its schedule’s default', () => {
    expect(defaultWorkingTime('full_time')).toEqual(weekly(40));
    expect(defaultWorkingTime('seasonal')).toEqual(weekly(40));
    expect(defaultWorkingTime('part_time')).toEqual(weekly(20));
    expect(defaultWorkingTime('shift')).toEqual(shifts(12, 15));
    expect(defaultWorkingTime('rotation')).toEqual(shifts(12, 15));
    expect(
      workingTimeOf({ schedule: 'shift', hoursPerWeek: null, shiftHours: null, shiftsPerMonth: null }),
    ).toEqual(shifts(12, 15));
    expect(workingTimeOf({ schedule: 'part_time', hoursPerWeek: 30 })).toEqual(weekly(30));
  });

  it('names the field that does not fit the schedule', () => {
    expect(workingTimeErrors('full_time', weekly(40))).toEqual([]);
    expect(workingTimeErrors('shift', shifts(8, 22))).toEqual([]);
    expect(workingTimeErrors('full_time', weekly(30)).map((e) => e.field)).toEqual([
      'workingTime.hoursPerWeek',
    ]);
    expect(workingTimeErrors('part_time', weekly(0)).map((e) => e.field)).toEqual([
      'workingTime.hoursPerWeek',
    ]);
    expect(workingTimeErrors('shift', { ...weekly(40), shiftHours: null }).map((e) => e.field)).toEqual([
      'workingTime.hoursPerWeek',
      'workingTime.shiftHours',
      'workingTime.shiftsPerMonth',
    ]);
    expect(workingTimeErrors('seasonal', { hoursPerWeek: 40, shiftHours: 8, shiftsPerMonth: null })).toEqual([
      expect.objectContaining({ field: 'workingTime.shiftHours' }),
    ]);
  });
});
