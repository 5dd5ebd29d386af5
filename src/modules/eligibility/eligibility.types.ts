/** Types of the pure eligibility core: the request, the result and the rule set that drives it. */

export const LANGS = ['ru', 'uz', 'tg', 'ky', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** A message in every language the service speaks. Uzbek is Latin script; Tajik and Kyrgyz are Cyrillic. */
export type LocalizedText = Record<Lang, string>;

/** Calendar date `YYYY-MM-DD`, compared as a string (the format sorts chronologically). */
export type IsoDate = string;

export const REGIMES = [
  'citizen',
  'residence_permit',
  'temporary_residence',
  'eaeu',
  'patent',
  'hqs',
  'work_permit',
  'household_permit',
] as const;
export type Regime = (typeof REGIMES)[number];

export const DOCUMENT_TYPES = [
  'passport',
  'migration_card',
  'patent',
  'work_permit',
  'hqs_permit',
  'residence_permit',
  'temporary_residence_permit',
  'registration',
  'language_certificate',
  'medical_certificate',
  'household_permit',
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export const MIGRATION_CARD_PURPOSES = ['work', 'study', 'private', 'tourism', 'business'] as const;
export type MigrationCardPurpose = (typeof MIGRATION_CARD_PURPOSES)[number];

export const EMPLOYER_KINDS = ['company', 'individual'] as const;
export type EmployerKind = (typeof EMPLOYER_KINDS)[number];

export interface HeldDocument {
  type: DocumentType;
  /** ISO 3166-2 code of the region the document is valid in, for region-bound documents. */
  region?: string;
  validFrom?: IsoDate;
  validUntil?: IsoDate;
  /** Migration cards only: the purpose of the visit stated at the border. */
  purpose?: MigrationCardPurpose;
  issuedAt?: IsoDate;
}

export interface Money {
  amount: number;
  /** ISO 4217 code. */
  currency: string;
}

export interface EligibilityRequest {
  /** ISO 3166-1 alpha-2 code of the country where the job is. */
  hostCountry: string;
  /** ISO 3166-2 code of the region where the job is. */
  workRegion: string;
  /** ISO 3166-1 alpha-2 code of the person's citizenship. */
  citizenship: string;
  birthDate: IsoDate;
  startDate: IsoDate;
  /** ISCO-08 unit group, 4 digits. */
  occupationCode?: string;
  monthlySalary?: Money;
  employer?: { kind: EmployerKind; quotaAvailable?: boolean };
  documents?: HeldDocument[];
  /** An entry ban of the host country recorded for the person: it runs to `until` inclusive. */
  entryBan?: { until: IsoDate };
  /** The person is still outside the host country and expects to arrive on this date: the answer adds a plan. */
  arrival?: { expectedDate: IsoDate };
}

export type EligibilityStatus = 'eligible' | 'conditional' | 'ineligible';

export interface EligibilityCheck {
  code: string;
  passed: boolean;
  message: string;
  legalBasis: string;
}

export interface EligibilityStep {
  code: string;
  /** Left out of an employer's answer-only view, since a step's text may name a document's dates. */
  message?: string;
  /** Where the person acts on the step: for LEGAL_ADVICE, the booking of a legal consultation. */
  link?: string;
}

/** The jobseeker page's screen for booking a legal consultation, which the LEGAL_ADVICE step points at. */
export const LEGAL_ADVICE_LINK = '/#consultations/new';

export interface EligibilityResult {
  status: EligibilityStatus;
  /** `null` when the core cannot tell the regime (unknown or special citizenship): then a LEGAL_ADVICE step follows. */
  regime: Regime | null;
  checks: EligibilityCheck[];
  steps: EligibilityStep[];
  ruleSet: { id: string; effectiveFrom: IsoDate };
}

/** Where a citizenship is listed decides which regimes may apply to a foreign national. */
export const COUNTRY_GROUPS = ['eaeu', 'patent', 'visa', 'legalAdvice'] as const;
export type CountryGroup = (typeof COUNTRY_GROUPS)[number];

export interface SpecialCitizenship {
  /** The act that sets the special rules, cited as the legal basis of the CITIZENSHIP_RULES check. */
  legalBasis: string;
  /** Since when the special rules apply. */
  since: IsoDate;
  /** Why the rule set does not apply them itself. */
  note: string;
}

export interface ClosedOccupation {
  regime: Regime;
  region: string;
  /** ISCO-08 unit groups. */
  occupationCodes: string[];
  from: IsoDate;
  /** Last day of the closure, inclusive; absent while the closure is open-ended. */
  until?: IsoDate;
  legalBasis: string;
}

export interface MessageDefinition {
  legalBasis?: string;
  /** One text per outcome variant, e.g. `passed`, `expired`, `missing`. Parameters are written `{name}`. */
  messages: Record<string, LocalizedText>;
}

export interface CheckDefinition extends MessageDefinition {
  legalBasis: string;
}

export interface RuleSet {
  id: string;
  hostCountry: string;
  effectiveFrom: IsoDate;
  /** ISO 4217 code of the host country's currency; salaries in other currencies are not compared. */
  currency: string;
  sources?: string[];
  minimumAge: number;
  /** Regimes in the order the law tries them; the first that applies wins. */
  regimeOrder: Regime[];
  countryGroups: Record<CountryGroup, string[]>;
  /** How to treat a citizenship listed in no group: as a visa national, or as unknown (legal advice). */
  unlistedCitizenship: 'visa' | 'legalAdvice';
  /**
   * Why each citizenship of `countryGroups.legalAdvice` is referred to legal advice: the act that gives its
   * nationals rules of their own, which this rule set does not apply. One entry per listed code.
   */
  specialCitizenships?: Record<string, SpecialCitizenship>;
  /** Highly qualified specialists; required when `hqs` is in `regimeOrder`. */
  hqs?: { quarterlySalaryThreshold: number; since: IsoDate };
  /** Required when `patent` is in `regimeOrder`. */
  patent?: { requiredMigrationCardPurpose: MigrationCardPurpose; medicalExamWithinDays: number };
  /** Documents a person needs to work under each regime, shown to jobseekers. */
  regimeDocuments: Partial<Record<Regime, DocumentType[]>>;
  closedOccupations: ClosedOccupation[];
  documentNames: Record<DocumentType, LocalizedText>;
  checks: Record<string, CheckDefinition>;
  steps: Record<string, MessageDefinition>;
  /** The law that bars entry; without it the rule set cannot weigh an entry ban (and none may be recorded). */
  entryBans?: EntryBanRules;
  /** What a person still outside the country does before leaving, at entry and after, with its deadlines. */
  arrivalPlan?: { steps: ArrivalStepRule[] };
}

export const PLAN_PHASES = ['before', 'entry', 'after'] as const;
export type PlanPhase = (typeof PLAN_PHASES)[number];

/** One step of the plan: due `days` (calendar or working) after the arrival or the contract (the start date). */
export interface ArrivalStepRule {
  code: string;
  phase: PlanPhase;
  /** The regimes the step applies to. */
  regimes: Regime[];
  due: { from: 'arrival' | 'contract'; days: number; unit: 'calendar' | 'working' };
  legalBasis: string;
  /** `{date}` is the due date. */
  message: LocalizedText;
}

/** How an entry ban that still runs on the start date is reported: a barrier with the date it ends. */
export interface EntryBanRules {
  legalBasis: string;
  /** The check's message; `{until}` is the last day of the ban. */
  message: LocalizedText;
  /** The one step left: legal advice, since a ban can be challenged. `{until}` as above. */
  step: LocalizedText;
}
