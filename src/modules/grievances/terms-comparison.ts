import type { ReportedTermsDto, TermComparisonDto } from 'src/modules/grievances/grievances.dto';

interface SnapshotTerms {
  salary?: { min?: number | string; max?: number | string | null; currency?: string; period?: string };
  workingTime?: { hoursPerWeek?: number | null; shiftHours?: number | null; shiftsPerMonth?: number | null };
  housing?: { provided?: boolean; costPerMonth?: number | string | null };
  workerCosts?: { item: string; amount: number | string }[];
}

const WEEKS_PER_MONTH = 52 / 12;

/** Hours a week the advertisement promised: stated weekly, or shifts a month spread over the weeks. */
function advertisedHours(t: SnapshotTerms): number | null {
  const w = t.workingTime;
  if (!w) return null;
  if (w.hoursPerWeek != null) return Number(w.hoursPerWeek);
  if (w.shiftHours != null && w.shiftsPerMonth != null) {
    return Math.round(((Number(w.shiftHours) * Number(w.shiftsPerMonth)) / WEEKS_PER_MONTH) * 10) / 10;
  }
  return null;
}

/**
 * The advertised terms (immutable snapshot) beside what the person reports, term by term. A term differs when the
 * person is worse off than advertised: less pay, more hours, no housing or dearer housing, any cost charged that
 * the advertisement did not state. A term the person did not report is shown with `differs: null`.
 */
export function compareTerms(
  snapshot: SnapshotTerms,
  reported: ReportedTermsDto | null,
): TermComparisonDto[] {
  const r = reported ?? {};
  const salary = snapshot.salary ?? {};
  const min = salary.min != null ? Number(salary.min) : null;
  const pay: TermComparisonDto = {
    term: 'pay',
    advertised: {
      min,
      max: salary.max != null ? Number(salary.max) : null,
      currency: salary.currency?.trim() ?? null,
      period: salary.period ?? null,
    },
    reported: r.monthlyPay ?? null,
    differs: null,
  };
  if (r.monthlyPay && min != null) {
    if (r.monthlyPay.currency !== salary.currency?.trim()) pay.differs = true;
    else if (salary.period === 'month') pay.differs = r.monthlyPay.amount < min;
  }

  const hours = advertisedHours(snapshot);
  const housingProvided = snapshot.housing?.provided ?? false;
  const housingCost = snapshot.housing?.costPerMonth != null ? Number(snapshot.housing.costPerMonth) : 0;
  const statedCosts = (snapshot.workerCosts ?? []).reduce((sum, c) => sum + Number(c.amount), 0);

  return [
    pay,
    {
      term: 'hours',
      advertised: hours,
      reported: r.hoursPerWeek ?? null,
      differs: r.hoursPerWeek == null || hours == null ? null : r.hoursPerWeek > hours,
    },
    {
      term: 'housing',
      advertised: housingProvided,
      reported: r.housingProvided ?? null,
      differs: r.housingProvided == null ? null : r.housingProvided !== housingProvided,
    },
    {
      term: 'housingCost',
      advertised: housingCost,
      reported: r.housingCostPerMonth ?? null,
      differs: r.housingCostPerMonth == null ? null : r.housingCostPerMonth > housingCost,
    },
    {
      term: 'workerCosts',
      advertised: statedCosts,
      reported: r.costsCharged ?? null,
      differs: r.costsCharged == null ? null : r.costsCharged > statedCosts,
    },
  ];
}
