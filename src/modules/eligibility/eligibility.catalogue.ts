/**
 * Every check and step the engine can report, the outcome variants of each and the parameters its messages may
 * use. Rule sets must give a message for each of them in every language (checked at load), so the engine never
 * meets a missing text at run time.
 */
import { Regime } from 'src/modules/eligibility/eligibility.types';

export interface MessageSpec {
  /** Variant name → parameters its messages may interpolate as `{name}`. */
  variants: Record<string, readonly string[]>;
  /** Needed only by rule sets whose regimeOrder includes one of these; absent: needed by every rule set. */
  regimes?: readonly Regime[];
}

const validity = (regimes: readonly Regime[]) =>
  ({
    variants: {
      passed: ['region', 'date'],
      expired: ['until', 'date'],
      notYetValid: ['from', 'date'],
      missing: ['region'],
    },
    regimes,
  }) as const;

const region = (regimes: readonly Regime[]) =>
  ({ variants: { failed: ['documentRegion', 'region'], unknown: ['region'] }, regimes }) as const;

export const CHECK_CATALOGUE = {
  HOST_CITIZEN: { variants: { passed: [] }, regimes: ['citizen'] },
  EAEU_CITIZEN: { variants: { passed: ['citizenship'] }, regimes: ['eaeu'] },
  MINIMUM_AGE: { variants: { passed: ['minAge', 'date'], failed: ['minAge', 'date', 'adultDate'] } },
  PASSPORT_VALID: { variants: { passed: ['date'], failed: ['date'] } },
  CITIZENSHIP_RULES: { variants: { specialRules: ['citizenship'], unknown: ['citizenship'] } },
  OCCUPATION_OPEN: {
    variants: {
      passed: ['occupation', 'region'],
      failed: ['occupation', 'region', 'from'],
      unknown: ['region'],
    },
  },
  RESIDENCE_PERMIT_VALID: {
    variants: { passed: ['date'], expired: ['until', 'date'], notYetValid: ['from', 'date'] },
    regimes: ['residence_permit'],
  },
  TEMPORARY_RESIDENCE_VALID: {
    variants: { passed: ['region', 'date'], expired: ['until', 'date'], notYetValid: ['from', 'date'] },
    regimes: ['temporary_residence'],
  },
  TEMPORARY_RESIDENCE_REGION: region(['temporary_residence']),
  PATENT_VALID: validity(['patent']),
  PATENT_REGION: region(['patent']),
  MIGRATION_CARD_PURPOSE: { variants: { passed: [], failed: [], unknown: [] }, regimes: ['patent'] },
  LANGUAGE_CERTIFICATE: { variants: { passed: [], missing: [] }, regimes: ['patent'] },
  HQS_PERMIT_VALID: validity(['hqs']),
  HQS_PERMIT_REGION: region(['hqs']),
  HQS_SALARY: {
    variants: { passed: ['threshold'], below: ['threshold'], unknown: ['threshold'] },
    regimes: ['hqs'],
  },
  WORK_PERMIT_VALID: validity(['work_permit']),
  WORK_PERMIT_REGION: region(['work_permit']),
  EMPLOYER_QUOTA: { variants: { passed: [], failed: [], unknown: [] }, regimes: ['work_permit'] },
  HOUSEHOLD_PERMIT_VALID: validity(['household_permit']),
  HOUSEHOLD_PERMIT_REGION: region(['household_permit']),
} as const satisfies Record<string, MessageSpec>;

export const STEP_CATALOGUE = {
  LEGAL_ADVICE: { variants: { default: [] } },
  RENEW_PASSPORT: { variants: { default: ['date'] } },
  CHECK_DOCUMENT_REGION: { variants: { default: ['document', 'region'] } },
  START_NOT_BEFORE: { variants: { default: ['document', 'date'] } },
  STATE_OCCUPATION: { variants: { default: ['region'] } },
  REENTER_WITH_WORK_PURPOSE: { variants: { default: [] }, regimes: ['patent'] },
  CHECK_MIGRATION_CARD: { variants: { default: [] }, regimes: ['patent'] },
  MEDICAL_EXAM_AND_FINGERPRINTS: {
    variants: { default: ['days'], withDeadline: ['days', 'date'] },
    regimes: ['patent'],
  },
  OBTAIN_LANGUAGE_CERTIFICATE: { variants: { default: [] }, regimes: ['patent'] },
  OBTAIN_PATENT: { variants: { default: ['region'] }, regimes: ['patent'] },
  PAY_PATENT_ADVANCE: { variants: { default: ['region', 'until'] }, regimes: ['patent'] },
  OBTAIN_HQS_PERMIT: { variants: { default: ['region'] }, regimes: ['hqs'] },
  CHECK_HQS_SALARY: { variants: { default: ['threshold'] }, regimes: ['hqs'] },
  CHECK_EMPLOYER_QUOTA: { variants: { default: [] }, regimes: ['work_permit'] },
  OBTAIN_WORK_PERMIT: { variants: { default: ['region'] }, regimes: ['work_permit'] },
  OBTAIN_HOUSEHOLD_PERMIT: { variants: { default: ['region'] }, regimes: ['household_permit'] },
} as const satisfies Record<string, MessageSpec>;

export type CheckCode = keyof typeof CHECK_CATALOGUE;
export type StepCode = keyof typeof STEP_CATALOGUE;

/** Whether a rule set with this regime order must define the entry. */
export function isRequiredFor(spec: MessageSpec, regimeOrder: readonly Regime[]): boolean {
  return spec.regimes === undefined || spec.regimes.some((regime) => regimeOrder.includes(regime));
}

/** The `{name}` placeholders of a message, in order of appearance. */
export function placeholdersOf(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
}
