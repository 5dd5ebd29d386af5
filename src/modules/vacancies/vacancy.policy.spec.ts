import { DomainError, ErrorCode } from 'src/common/errors/domain-error';
import { VacancyEntity } from 'src/modules/vacancies/vacancy.entity';
import {
  assertPublishable,
  canonicalJson,
  isCalendarDate,
  vacancyMinimumWage,
} from 'src/modules/vacancies/vacancy.policy';

const NOW = new Date('2026-06-01T09:00:00Z');

function vacancy(overrides: Partial<VacancyEntity> = {}): VacancyEntity {
  return {
    occupationCode: '5120',
    region: 'RU-MOW',
    salaryMin: 80000,
    salaryMax: null,
    salaryCurrency: 'RUB',
    salaryPeriod: 'month',
    salaryGross: true,
    schedule: 'full_time',
    startDate: '2026-07-01',
    endDate: null,
    workerCosts: [],
    requirements: {},
    ...overrides,
  } as VacancyEntity;
}

function codeOf(fn: () => void): string | undefined {
  try {
    fn();
    return undefined;
  } catch (e) {
    return (e as DomainError).code;
  }
}

describe('vacancy publication policy', () => {
  it('accepts a full-time salary above the minimum wage', () => {
    expect(codeOf(() => assertPublishable(vacancy(), NOW))).toBeUndefined();
  });

  it('refuses any worker-paid cost above zero, naming it', () => {
    const v = vacancy({
      workerCosts: [
        { item: 'medical_exam', amount: 2500 },
        { item: 'travel', amount: 0 },
      ],
    });
    expect(() => assertPublishable(v, NOW)).toThrow(/medical_exam/);
    expect(codeOf(() => assertPublishable(v, NOW))).toBe(ErrorCode.WorkerPaidCost);
  });

  it('compares with the minimum wage in force on the start date (27 093 RUB from 2026)', () => {
    expect(codeOf(() => assertPublishable(vacancy({ region: 'RU-TUL', salaryMin: 25000 }), NOW))).toBe(
      ErrorCode.BelowMinimumWage,
    );
    // The same pay starting in 2025 met that year's 22 440 RUB; the date is checked separately.
    expect(
      codeOf(() =>
        assertPublishable(vacancy({ region: 'RU-TUL', salaryMin: 25000, startDate: '2025-07-01' }), NOW),
      ),
    ).toBe(ErrorCode.UnprocessableEntity);
  });

  it("holds a Moscow vacancy to Moscow's own, higher minimum (39 730 RUB from 2026), Moscow oblast to the federal", () => {
    expect(codeOf(() => assertPublishable(vacancy({ salaryMin: 35000 }), NOW))).toBe(
      ErrorCode.BelowMinimumWage,
    );
    expect(codeOf(() => assertPublishable(vacancy({ salaryMin: 39730 }), NOW))).toBeUndefined();
    expect(
      codeOf(() => assertPublishable(vacancy({ region: 'RU-MOS', salaryMin: 35000 }), NOW)),
    ).toBeUndefined();
    expect(vacancyMinimumWage(vacancy())?.wage).toMatchObject({
      amount: 39730,
      scope: 'regional',
      region: 'RU-MOW',
    });
    expect(vacancyMinimumWage(vacancy({ region: 'RU-MOS' }))?.wage).toMatchObject({
      amount: 27093,
      scope: 'national',
    });
  });

  it('gives net pay the benefit of the largest employee withholding', () => {
    // 24 000 take-home is at most 27 586 gross after 13% income tax: not below 27 093.
    const net = vacancy({ region: 'RU-TUL', salaryMin: 24000, salaryGross: false });
    expect(vacancyMinimumWage(net)?.offeredMonthly).toBeCloseTo(27586.21, 2);
    expect(codeOf(() => assertPublishable(net, NOW))).toBeUndefined();
    expect(
      codeOf(() =>
        assertPublishable(vacancy({ region: 'RU-TUL', salaryMin: 20000, salaryGross: false }), NOW),
      ),
    ).toBe(ErrorCode.BelowMinimumWage);
  });

  it('turns an hour rate into 173⅓ hours and a day rate into 21⅔ days of a 40-hour week', () => {
    const hourly = (salaryMin: number) => vacancy({ region: 'RU-TUL', salaryPeriod: 'hour', salaryMin });
    // 27 093 / 173⅓ = 156.31 an hour.
    expect(vacancyMinimumWage(hourly(157))?.required).toEqual({ month: 27093, day: 1250.45, hour: 156.31 });
    expect(codeOf(() => assertPublishable(hourly(156.31), NOW))).toBeUndefined();
    expect(codeOf(() => assertPublishable(hourly(150), NOW))).toBe(ErrorCode.BelowMinimumWage);
    const daily = (salaryMin: number) => vacancy({ region: 'RU-TUL', salaryPeriod: 'day', salaryMin });
    expect(codeOf(() => assertPublishable(daily(1000), NOW))).toBe(ErrorCode.BelowMinimumWage);
    expect(codeOf(() => assertPublishable(daily(1300), NOW))).toBeUndefined();
    // Moscow: 39 730 / 173⅓ = 229.22 an hour.
    expect(codeOf(() => assertPublishable(vacancy({ salaryPeriod: 'hour', salaryMin: 229 }), NOW))).toBe(
      ErrorCode.BelowMinimumWage,
    );
    expect(
      codeOf(() => assertPublishable(vacancy({ salaryPeriod: 'hour', salaryMin: 229.22 }), NOW)),
    ).toBeUndefined();
  });

  it('pays a reduced full-time week in full: fewer hours at an hour rate must still reach the whole minimum', () => {
    const reduced = vacancy({ region: 'RU-TUL', hoursPerWeek: 36, salaryPeriod: 'hour', salaryMin: 160 });
    // 160 × 36 × 52 / 12 = 24 960 < 27 093.
    expect(vacancyMinimumWage(reduced)).toMatchObject({ fullTimeShare: 1, offeredMonthly: 24960 });
    expect(codeOf(() => assertPublishable(reduced, NOW))).toBe(ErrorCode.BelowMinimumWage);
  });

  it('compares part-time work pro rata: half the hours, half the minimum', () => {
    const part = (salaryMin: number) => vacancy({ schedule: 'part_time', hoursPerWeek: 20, salaryMin });
    expect(vacancyMinimumWage(part(15000))).toMatchObject({ fullTimeShare: 0.5, required: { month: 19865 } });
    expect(codeOf(() => assertPublishable(part(15000), NOW))).toBe(ErrorCode.BelowMinimumWage);
    expect(codeOf(() => assertPublishable(part(20000), NOW))).toBeUndefined();
    // Without hours stated, part time is read as 20 hours a week.
    expect(vacancyMinimumWage(vacancy({ schedule: 'part_time' }))?.fullTimeShare).toBe(0.5);
  });

  it('compares shift, rotation and seasonal work on the hours of their month', () => {
    // The cook of issue 18: 15 000–20 000 RUB a month in shifts in Moscow. 12 h × 15 shifts = 180 h ≥ full time.
    const cook = vacancy({
      schedule: 'shift',
      shiftHours: 12,
      shiftsPerMonth: 15,
      salaryMin: 15000,
      salaryMax: 20000,
    });
    expect(vacancyMinimumWage(cook)).toMatchObject({ hoursPerMonth: 180, required: { month: 41258.08 } });
    expect(codeOf(() => assertPublishable(cook, NOW))).toBe(ErrorCode.BelowMinimumWage);
    // A day rate on a shift schedule is per shift: 3 000 × 15 = 45 000.
    const perShift = vacancy({
      schedule: 'shift',
      shiftHours: 12,
      shiftsPerMonth: 15,
      salaryPeriod: 'day',
      salaryMin: 3000,
    });
    expect(codeOf(() => assertPublishable(perShift, NOW))).toBeUndefined();
    const rotation = vacancy({ schedule: 'rotation', shiftHours: 11, shiftsPerMonth: 15, salaryMin: 20000 });
    expect(codeOf(() => assertPublishable(rotation, NOW))).toBe(ErrorCode.BelowMinimumWage);
    const seasonal = vacancy({ schedule: 'seasonal', hoursPerWeek: 40, salaryMin: 30000 });
    expect(codeOf(() => assertPublishable(seasonal, NOW))).toBe(ErrorCode.BelowMinimumWage);
    expect(
      codeOf(() => assertPublishable(vacancy({ schedule: 'seasonal', salaryMin: 45000 }), NOW)),
    ).toBeUndefined();
  });

  it('refuses a working time that does not fit its schedule', () => {
    for (const overrides of [
      { schedule: 'shift', hoursPerWeek: 40 },
      { schedule: 'shift', shiftHours: 12 },
      { schedule: 'rotation', shiftHours: 25, shiftsPerMonth: 15 },
      { schedule: 'full_time', hoursPerWeek: 20 },
      { schedule: 'full_time', hoursPerWeek: 48 },
      { schedule: 'part_time', hoursPerWeek: 40 },
      { schedule: 'seasonal', shiftHours: 8, shiftsPerMonth: 20 },
    ] as Partial<VacancyEntity>[]) {
      expect({ overrides, code: codeOf(() => assertPublishable(vacancy(overrides), NOW)) }).toEqual({
        overrides,
        code: ErrorCode.ValidationFailed,
      });
    }
  });

  it('compares Kazakh pay with the Kazakh minimum, net pay after the largest withholding', () => {
    const kz = (salaryMin: number, salaryGross = true) =>
      vacancy({ region: 'KZ-75', salaryCurrency: 'KZT', salaryMin, salaryGross });
    expect(codeOf(() => assertPublishable(kz(80000), NOW))).toBe(ErrorCode.BelowMinimumWage);
    expect(codeOf(() => assertPublishable(kz(85000), NOW))).toBeUndefined();
    // 70 000 take-home is at most 89 744 gross after 22%.
    expect(codeOf(() => assertPublishable(kz(70000, false), NOW))).toBeUndefined();
  });

  it('refuses unknown occupations and regions, min above max and impossible dates', () => {
    expect(codeOf(() => assertPublishable(vacancy({ occupationCode: '0000' }), NOW))).toBe(
      ErrorCode.ValidationFailed,
    );
    expect(codeOf(() => assertPublishable(vacancy({ region: 'RU-XX' }), NOW))).toBe(
      ErrorCode.ValidationFailed,
    );
    expect(codeOf(() => assertPublishable(vacancy({ salaryMax: 1000 }), NOW))).toBe(
      ErrorCode.ValidationFailed,
    );
    expect(isCalendarDate('2027-02-29')).toBe(false);
    expect(isCalendarDate('2028-02-29')).toBe(true);
  });

  it('canonical JSON ignores key order', () => {
    expect(canonicalJson({ a: 1, b: { c: [1, 2], d: null } })).toBe(
      canonicalJson({ b: { d: null, c: [1, 2] }, a: 1 }),
    );
  });
});
