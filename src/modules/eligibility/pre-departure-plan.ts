/** The dated plan for a person still outside the host country, from the rule set's own steps and deadlines. */
import {
  ArrivalStepRule,
  IsoDate,
  Lang,
  PlanPhase,
  Regime,
  RuleSet,
} from 'src/modules/eligibility/eligibility.types';

export interface PlanStep {
  code: string;
  phase: PlanPhase;
  dueDate: IsoDate;
  message: string;
  legalBasis: string;
}

export interface PreDeparturePlan {
  arrivalDate: IsoDate;
  /** The date the contract is assumed concluded for the employer's deadline: the start date. */
  contractDate: IsoDate;
  regime: Regime | null;
  steps: PlanStep[];
}

/** Working days on the host country's production calendar; `date` itself is not counted. */
export type WorkingDayAdder = (date: IsoDate, n: number) => IsoDate;

function addCalendarDays(date: IsoDate, n: number): IsoDate {
  const ms = Date.parse(`${date}T00:00:00Z`) + n * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}

function formatDate(date: IsoDate, lang: Lang): string {
  if (lang === 'en') return date;
  const [y, m, d] = date.split('-');
  return `${d}.${m}.${y}`;
}

export function dueDate(
  rule: ArrivalStepRule,
  arrival: IsoDate,
  contract: IsoDate,
  addWorking: WorkingDayAdder,
) {
  const from = rule.due.from === 'arrival' ? arrival : contract;
  return rule.due.unit === 'working' ? addWorking(from, rule.due.days) : addCalendarDays(from, rule.due.days);
}

const PHASE_ORDER: Record<PlanPhase, number> = { before: 0, entry: 1, after: 2 };

/** The steps of the person's regime in order: phase, then due date. Undefined when the rule set has no plan. */
export function preDeparturePlan(
  ruleSet: RuleSet,
  regime: Regime | null,
  arrival: IsoDate,
  contract: IsoDate,
  lang: Lang,
  addWorking: WorkingDayAdder,
): PreDeparturePlan | undefined {
  if (!ruleSet.arrivalPlan) return undefined;
  const steps = ruleSet.arrivalPlan.steps
    .filter((rule) => regime !== null && rule.regimes.includes(regime))
    .map((rule) => {
      const due = dueDate(rule, arrival, contract, addWorking);
      return {
        code: rule.code,
        phase: rule.phase,
        dueDate: due,
        message: rule.message[lang].replace(/\{date\}/g, formatDate(due, lang)),
        legalBasis: rule.legalBasis,
      };
    })
    .sort((a, b) => PHASE_ORDER[a.phase] - PHASE_ORDER[b.phase] || a.dueDate.localeCompare(b.dueDate));
  return { arrivalDate: arrival, contractDate: contract, regime, steps };
}
