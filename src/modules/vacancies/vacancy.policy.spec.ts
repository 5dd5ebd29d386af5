import { DomainError, ErrorCode } from 'src/common/errors/domain-error';
import { VacancyEntity } from 'src/modules/vacancies/vacancy.entity';
import {
  assertPublishable,
  canonicalJson,
  isCalendarDate,
  monthlyGrossUpperBound,
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
    expect(codeOf(() => assertPublishable(vacancy({ salaryMin: 25000 }), NOW))).toBe(
      ErrorCode.BelowMinimumWage,
    );
    // The same pay starting in 2025 met that year's 22 440 RUB; the date is checked separately.
    expect(codeOf(() => assertPublishable(vacancy({ salaryMin: 25000, startDate: '2025-07-01' }), NOW))).toBe(
      ErrorCode.UnprocessableEntity,
    );
  });

  it('gives net pay the benefit of the largest employee withholding', () => {
    // 24 000 take-home is at most 27 586 gross after 13% income tax: not surely below 27 093.
    expect(monthlyGrossUpperBound(vacancy({ salaryMin: 24000, salaryGross: false }), 'RU')).toBeCloseTo(
      27586.2,
      1,
    );
    expect(
      codeOf(() => assertPublishable(vacancy({ salaryMin: 24000, salaryGross: false }), NOW)),
    ).toBeUndefined();
    expect(codeOf(() => assertPublishable(vacancy({ salaryMin: 20000, salaryGross: false }), NOW))).toBe(
      ErrorCode.BelowMinimumWage,
    );
  });

  it('converts day and hour rates with the longest full-time month only', () => {
    expect(monthlyGrossUpperBound(vacancy({ salaryPeriod: 'hour', salaryMin: 150 }), 'RU')).toBe(150 * 184);
    expect(
      codeOf(() => assertPublishable(vacancy({ salaryPeriod: 'hour', salaryMin: 150 }), NOW)),
    ).toBeUndefined();
    expect(codeOf(() => assertPublishable(vacancy({ salaryPeriod: 'day', salaryMin: 1000 }), NOW))).toBe(
      ErrorCode.BelowMinimumWage,
    );
  });

  it('does not compare part-time, shift or seasonal pay with the full-time minimum', () => {
    expect(monthlyGrossUpperBound(vacancy({ schedule: 'part_time', salaryMin: 1 }), 'RU')).toBeUndefined();
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
