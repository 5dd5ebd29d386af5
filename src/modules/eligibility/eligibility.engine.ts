/**
 * The pure eligibility core: request + rule set + language in, result out. No clock, no I/O; the law comes from
 * the rule set, the order of reasoning from DOMAIN.md ("Work authorisation"). Whenever the data cannot settle a
 * question the result is `conditional` with a step, never a guess.
 */
import { CheckCode, StepCode } from 'src/modules/eligibility/eligibility.catalogue';
import { addDays, ageOn, dateOfAge, isWithin } from 'src/modules/eligibility/eligibility.dates';
import {
  FieldError,
  validateEligibilityRequest,
} from 'src/modules/eligibility/eligibility-request.validator';
import {
  CountryGroup,
  DocumentType,
  EligibilityCheck,
  EligibilityRequest,
  EligibilityResult,
  EligibilityStep,
  HeldDocument,
  IsoDate,
  LEGAL_ADVICE_LINK,
  Lang,
  Regime,
  RuleSet,
} from 'src/modules/eligibility/eligibility.types';

export class InvalidEligibilityRequestError extends Error {
  constructor(readonly errors: FieldError[]) {
    super(`Invalid eligibility request: ${errors.map((e) => `${e.field} ${e.message}`).join('; ')}`);
    this.name = 'InvalidEligibilityRequestError';
  }
}

export class RuleSetNotApplicableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RuleSetNotApplicableError';
  }
}

/** Optional display names from reference data; codes are shown where a name is not given. */
export interface EligibilityNames {
  region?: (code: string, lang: Lang) => string | undefined;
  country?: (code: string, lang: Lang) => string | undefined;
  occupation?: (code: string, lang: Lang) => string | undefined;
}

type ParamValue = string | number;
type Params = Record<string, ParamValue>;

interface Finding {
  code: string;
  variant: string;
  params: Params;
}

/** Collects what each rule found; the status follows from it: a barrier → ineligible, else any step → conditional. */
class Evaluation {
  readonly checks: (Finding & { passed: boolean; legalBasis?: string })[] = [];
  readonly steps: Finding[] = [];
  blocked = false;

  constructor(
    readonly request: EligibilityRequest,
    readonly ruleSet: RuleSet,
  ) {}

  get date(): IsoDate {
    return this.request.startDate;
  }

  get region(): string {
    return this.request.workRegion;
  }

  check(code: CheckCode, variant: string, passed: boolean, params: Params = {}, legalBasis?: string): void {
    this.checks.push({ code, variant, passed, params, legalBasis });
  }

  step(code: StepCode, params: Params = {}, variant = 'default'): void {
    this.steps.push({ code, variant, params });
  }

  /** Records a barrier the person cannot remove for this job. */
  block(): void {
    this.blocked = true;
  }

  documents(type: DocumentType): HeldDocument[] {
    return (this.request.documents ?? []).filter((doc) => doc.type === type);
  }

  validDocument(type: DocumentType): HeldDocument | undefined {
    return this.documents(type).find((doc) => isValidOn(doc, this.date));
  }
}

function isValidOn(doc: HeldDocument, date: IsoDate): boolean {
  return isWithin(date, doc.validFrom, doc.validUntil);
}

/** The document whose validity ends last, so the message speaks of the most recent one. */
function latest(docs: HeldDocument[]): HeldDocument | undefined {
  return [...docs].sort((a, b) =>
    (b.validUntil ?? '9999-12-31').localeCompare(a.validUntil ?? '9999-12-31'),
  )[0];
}

type Regional =
  | { kind: 'valid'; doc: HeldDocument }
  | { kind: 'regionUnknown'; doc: HeldDocument }
  | { kind: 'expired'; doc: HeldDocument }
  | { kind: 'notYetValid'; doc: HeldDocument }
  | { kind: 'otherRegion'; doc: HeldDocument; validOnDate: boolean }
  | { kind: 'missing' };

/**
 * Sorts out a region-bound document (patent, permit) and records its checks. A document for the work region wins
 * over one without a region, which wins over one for another region.
 */
function assessRegional(
  ev: Evaluation,
  type: DocumentType,
  codes: { valid: CheckCode; region: CheckCode },
): Regional {
  const docs = ev.documents(type);
  const valid = docs.filter((doc) => isValidOn(doc, ev.date));
  const forRegion = docs.filter((doc) => doc.region === ev.region);
  const region = ev.region;
  const date = ev.date;

  const validHere = valid.find((doc) => doc.region === region);
  if (validHere) {
    ev.check(codes.valid, 'passed', true, { region, date });
    return { kind: 'valid', doc: validHere };
  }
  const validNoRegion = valid.find((doc) => doc.region === undefined);
  if (validNoRegion) {
    ev.check(codes.region, 'unknown', false, { region });
    return { kind: 'regionUnknown', doc: validNoRegion };
  }
  const here = latest(forRegion);
  if (here) return recordInvalid(ev, codes.valid, here);
  const elsewhere = valid[0] ?? latest(docs);
  if (elsewhere) {
    const validOnDate = isValidOn(elsewhere, date);
    if (!validOnDate) recordInvalid(ev, codes.valid, elsewhere);
    ev.check(codes.region, 'failed', false, { documentRegion: elsewhere.region ?? '', region });
    return { kind: 'otherRegion', doc: elsewhere, validOnDate };
  }
  ev.check(codes.valid, 'missing', false, { region });
  return { kind: 'missing' };
}

function recordInvalid(
  ev: Evaluation,
  code: CheckCode,
  doc: HeldDocument,
): { kind: 'expired' | 'notYetValid'; doc: HeldDocument } {
  if (doc.validUntil !== undefined && doc.validUntil < ev.date) {
    ev.check(code, 'expired', false, { until: doc.validUntil, date: ev.date });
    return { kind: 'expired', doc };
  }
  ev.check(code, 'notYetValid', false, { from: doc.validFrom ?? ev.date, date: ev.date });
  return { kind: 'notYetValid', doc };
}

function countryGroup(ev: Evaluation): CountryGroup {
  const { citizenship } = ev.request;
  for (const [group, codes] of Object.entries(ev.ruleSet.countryGroups)) {
    if (codes.includes(citizenship)) return group as CountryGroup;
  }
  return ev.ruleSet.unlistedCitizenship;
}

/** Compares the salary with the HQS threshold only in the rule set's currency; anything else is unknown. */
function hqsSalary(ev: Evaluation): 'reaches' | 'below' | 'unknown' {
  const salary = ev.request.monthlySalary;
  const hqs = ev.ruleSet.hqs;
  if (!hqs || !salary || salary.currency !== ev.ruleSet.currency) return 'unknown';
  // The law sets the threshold per calendar quarter.
  return salary.amount * 3 >= hqs.quarterlySalaryThreshold ? 'reaches' : 'below';
}

function monthlyThreshold(ev: Evaluation): number {
  return (ev.ruleSet.hqs?.quarterlySalaryThreshold ?? 0) / 3;
}

/** A valid HQS permit for the work region, or one that names no region (then the region is checked as a step). */
function holdsHqsPermit(ev: Evaluation): boolean {
  return ev
    .documents('hqs_permit')
    .some((doc) => isValidOn(doc, ev.date) && (doc.region === undefined || doc.region === ev.region));
}

/** Steps shared by every region-bound permit that is not (yet) usable for this job. */
function stepForUnusable(ev: Evaluation, type: DocumentType, assessed: Regional): boolean {
  if (assessed.kind === 'notYetValid') {
    ev.step('START_NOT_BEFORE', { document: type, date: assessed.doc.validFrom ?? ev.date });
    return true;
  }
  if (assessed.kind === 'regionUnknown') {
    ev.step('CHECK_DOCUMENT_REGION', { document: type, region: ev.region });
    return true;
  }
  return false;
}

/** Each returns true when the regime applies (and records its findings), false to try the next one. */
const REGIMES: Record<Regime, (ev: Evaluation) => boolean> = {
  citizen(ev) {
    if (ev.request.citizenship !== ev.ruleSet.hostCountry) return false;
    ev.check('HOST_CITIZEN', 'passed', true);
    return true;
  },

  eaeu(ev) {
    if (countryGroup(ev) !== 'eaeu') return false;
    ev.check('EAEU_CITIZEN', 'passed', true, { citizenship: ev.request.citizenship });
    return true;
  },

  residence_permit(ev) {
    const docs = ev.documents('residence_permit');
    if (docs.length === 0) return false;
    if (docs.some((doc) => isValidOn(doc, ev.date))) {
      ev.check('RESIDENCE_PERMIT_VALID', 'passed', true, { date: ev.date });
      return true;
    }
    // Said so that a person who believes they hold one learns why it does not count.
    recordInvalid(ev, 'RESIDENCE_PERMIT_VALID', latest(docs) as HeldDocument);
    return false;
  },

  temporary_residence(ev) {
    if (ev.documents('temporary_residence_permit').length === 0) return false;
    const assessed = assessRegional(ev, 'temporary_residence_permit', {
      valid: 'TEMPORARY_RESIDENCE_VALID',
      region: 'TEMPORARY_RESIDENCE_REGION',
    });
    switch (assessed.kind) {
      case 'valid':
        return true;
      case 'regionUnknown':
        ev.step('CHECK_DOCUMENT_REGION', { document: 'temporary_residence_permit', region: ev.region });
        return true;
      case 'otherRegion':
        // A valid TRP ties work to its region and bars a patent: a hard barrier for a job elsewhere.
        if (assessed.validOnDate) ev.block();
        return assessed.validOnDate;
      default:
        return false;
    }
  },

  patent(ev) {
    if (countryGroup(ev) !== 'patent' || holdsHqsPermit(ev)) return false;
    const assessed = assessRegional(ev, 'patent', { valid: 'PATENT_VALID', region: 'PATENT_REGION' });
    if (assessed.kind === 'valid' || stepForUnusable(ev, 'patent', assessed)) return true;
    if (assessed.kind === 'expired') {
      ev.step('PAY_PATENT_ADVANCE', { region: ev.region, until: assessed.doc.validUntil ?? ev.date });
    } else if (assessed.kind === 'otherRegion') {
      ev.step('OBTAIN_PATENT', { region: ev.region });
    } else {
      stepsToFirstPatent(ev);
    }
    return true;
  },

  hqs(ev) {
    const group = countryGroup(ev);
    const salary = hqsSalary(ev);
    const applies =
      ((group === 'patent' || group === 'visa') && holdsHqsPermit(ev)) ||
      (group === 'visa' && salary === 'reaches');
    if (!applies) return false;
    if (salary === 'reaches') ev.check('HQS_SALARY', 'passed', true, { threshold: monthlyThreshold(ev) });
    const assessed = assessRegional(ev, 'hqs_permit', {
      valid: 'HQS_PERMIT_VALID',
      region: 'HQS_PERMIT_REGION',
    });
    if (assessed.kind !== 'valid' && !stepForUnusable(ev, 'hqs_permit', assessed)) {
      ev.step('OBTAIN_HQS_PERMIT', { region: ev.region });
    }
    return true;
  },

  work_permit(ev) {
    if (countryGroup(ev) !== 'visa') return false;
    const assessed = assessRegional(ev, 'work_permit', {
      valid: 'WORK_PERMIT_VALID',
      region: 'WORK_PERMIT_REGION',
    });
    if (assessed.kind === 'valid' || stepForUnusable(ev, 'work_permit', assessed)) return true;
    const quota = ev.request.employer?.quotaAvailable;
    if (quota === true) {
      ev.check('EMPLOYER_QUOTA', 'passed', true);
      ev.step('OBTAIN_WORK_PERMIT', { region: ev.region });
    } else if (quota === undefined) {
      ev.check('EMPLOYER_QUOTA', 'unknown', false);
      ev.step('CHECK_EMPLOYER_QUOTA');
      ev.step('OBTAIN_WORK_PERMIT', { region: ev.region });
    } else {
      ev.check('EMPLOYER_QUOTA', 'failed', false);
      noQuota(ev);
    }
    return true;
  },

  household_permit(ev) {
    if (countryGroup(ev) !== 'visa' || ev.request.employer?.kind !== 'individual') return false;
    const assessed = assessRegional(ev, 'household_permit', {
      valid: 'HOUSEHOLD_PERMIT_VALID',
      region: 'HOUSEHOLD_PERMIT_REGION',
    });
    if (assessed.kind !== 'valid' && !stepForUnusable(ev, 'household_permit', assessed)) {
      ev.step('OBTAIN_HOUSEHOLD_PERMIT', { region: ev.region });
    }
    return true;
  },
};

/** Without quota the only way in is the HQS route, which needs a salary at the threshold. */
function noQuota(ev: Evaluation): void {
  if (!ev.ruleSet.hqs) {
    // Some permits are issued outside the quota; which ones is beyond this rule set.
    ev.step('LEGAL_ADVICE');
    return;
  }
  const threshold = monthlyThreshold(ev);
  if (hqsSalary(ev) === 'below') {
    ev.check('HQS_SALARY', 'below', false, { threshold });
    ev.block();
  } else {
    ev.check('HQS_SALARY', 'unknown', false, { threshold });
    ev.step('CHECK_HQS_SALARY', { threshold });
  }
}

/** What a patent-country national without any patent does, in the order the authorities require it. */
function stepsToFirstPatent(ev: Evaluation): void {
  const rules = ev.ruleSet.patent;
  if (!rules) throw new RuleSetNotApplicableError(`Rule set ${ev.ruleSet.id} has no patent section`);
  const cards = ev.documents('migration_card');
  const card = [...cards].sort((a, b) => (b.issuedAt ?? '').localeCompare(a.issuedAt ?? ''))[0];
  if (card?.purpose === undefined) {
    ev.check('MIGRATION_CARD_PURPOSE', 'unknown', false);
    ev.step('CHECK_MIGRATION_CARD');
  } else if (card.purpose !== rules.requiredMigrationCardPurpose) {
    // Not a barrier: the person can re-enter with the right purpose, but must be told before applying.
    ev.check('MIGRATION_CARD_PURPOSE', 'failed', false);
    ev.step('REENTER_WITH_WORK_PURPOSE');
  } else {
    ev.check('MIGRATION_CARD_PURPOSE', 'passed', true);
  }
  const days = rules.medicalExamWithinDays;
  if (card?.issuedAt && card.purpose === rules.requiredMigrationCardPurpose) {
    ev.step('MEDICAL_EXAM_AND_FINGERPRINTS', { days, date: addDays(card.issuedAt, days) }, 'withDeadline');
  } else {
    ev.step('MEDICAL_EXAM_AND_FINGERPRINTS', { days });
  }
  if (ev.validDocument('language_certificate')) {
    ev.check('LANGUAGE_CERTIFICATE', 'passed', true);
  } else {
    ev.check('LANGUAGE_CERTIFICATE', 'missing', false);
    ev.step('OBTAIN_LANGUAGE_CERTIFICATE');
  }
  ev.step('OBTAIN_PATENT', { region: ev.region });
}

function checkAge(ev: Evaluation): void {
  const minAge = ev.ruleSet.minimumAge;
  const { birthDate } = ev.request;
  if (ageOn(birthDate, ev.date) >= minAge) {
    ev.check('MINIMUM_AGE', 'passed', true, { minAge, date: ev.date });
  } else {
    ev.check('MINIMUM_AGE', 'failed', false, {
      minAge,
      date: ev.date,
      adultDate: dateOfAge(birthDate, minAge),
    });
    ev.block();
  }
}

function checkPassport(ev: Evaluation): void {
  if (ev.documents('passport').length === 0) return;
  if (ev.validDocument('passport')) {
    ev.check('PASSPORT_VALID', 'passed', true, { date: ev.date });
  } else {
    ev.check('PASSPORT_VALID', 'failed', false, { date: ev.date });
    ev.step('RENEW_PASSPORT', { date: ev.date });
  }
}

/** Regional bans on an occupation for a regime, in force on the start date. */
function checkOccupation(ev: Evaluation, regime: Regime): void {
  const closures = ev.ruleSet.closedOccupations.filter(
    (c) => c.regime === regime && c.region === ev.region && isWithin(ev.date, c.from, c.until),
  );
  if (closures.length === 0) return;
  const occupation = ev.request.occupationCode;
  if (occupation === undefined) {
    ev.check('OCCUPATION_OPEN', 'unknown', false, { region: ev.region });
    ev.step('STATE_OCCUPATION', { region: ev.region });
    return;
  }
  const closure = closures.find((c) => c.occupationCodes.includes(occupation));
  if (closure) {
    ev.check(
      'OCCUPATION_OPEN',
      'failed',
      false,
      { occupation, region: ev.region, from: closure.from },
      closure.legalBasis,
    );
    ev.block();
  } else {
    const basis = closures.map((c) => c.legalBasis).join('; ');
    ev.check('OCCUPATION_OPEN', 'passed', true, { occupation, region: ev.region }, basis);
  }
}

/** What the rules decided, before any message is rendered. */
interface Decision {
  ev: Evaluation;
  status: EligibilityResult['status'];
  regime: Regime | null;
}

function decide(request: EligibilityRequest, ruleSet: RuleSet): Decision {
  const errors = validateEligibilityRequest(request);
  if (errors.length) throw new InvalidEligibilityRequestError(errors);
  if (ruleSet.hostCountry !== request.hostCountry || ruleSet.effectiveFrom > request.startDate) {
    throw new RuleSetNotApplicableError(
      `Rule set ${ruleSet.id} does not govern ${request.hostCountry} on ${request.startDate}`,
    );
  }

  const ev = new Evaluation(request, ruleSet);
  const foreign = request.citizenship !== ruleSet.hostCountry;
  if (foreign) {
    checkAge(ev);
    checkPassport(ev);
  }
  const regime = ruleSet.regimeOrder.find((candidate) => REGIMES[candidate](ev)) ?? null;
  if (regime === null) {
    // A citizenship with rules of its own is named in the rule set with the act that sets them.
    const special = ruleSet.specialCitizenships?.[request.citizenship];
    ev.check(
      'CITIZENSHIP_RULES',
      special ? 'specialRules' : 'unknown',
      false,
      { citizenship: request.citizenship },
      special?.legalBasis,
    );
    ev.step('LEGAL_ADVICE');
  } else {
    checkOccupation(ev, regime);
  }

  const status = ev.blocked ? 'ineligible' : ev.steps.length ? 'conditional' : 'eligible';
  return { ev, status, regime };
}

/** An entry ban still running on the start date: nothing else matters until it ends or is lifted. */
function runningEntryBan(request: EligibilityRequest, ruleSet: RuleSet): IsoDate | undefined {
  const until = request.entryBan?.until;
  return ruleSet.entryBans && until && until >= request.startDate ? until : undefined;
}

function entryBanText(text: string, until: IsoDate, lang: Lang): string {
  return text.replace(/\{until\}/g, formatDate(until, lang));
}

/**
 * Decides whether the person may take this job on the start date. `ruleSet` must be the one in force for the
 * request's host country on its start date (see selectRuleSet). Throws on a malformed request.
 */
export function evaluateEligibility(
  request: EligibilityRequest,
  ruleSet: RuleSet,
  lang: Lang,
  names: EligibilityNames = {},
): EligibilityResult {
  const { ev, status, regime } = decide(request, ruleSet);
  const render = renderer(ruleSet, lang, names);
  const banUntil = runningEntryBan(request, ruleSet);
  if (banUntil && ruleSet.entryBans) {
    const rules = ruleSet.entryBans;
    return {
      status: 'ineligible',
      regime,
      checks: [
        {
          code: 'ENTRY_BAN',
          passed: false,
          message: entryBanText(rules.message[lang], banUntil, lang),
          legalBasis: rules.legalBasis,
        },
      ],
      // Unlike other barriers a ban can be challenged, so the one step is legal advice.
      steps: [
        {
          code: 'LEGAL_ADVICE',
          message: entryBanText(rules.step[lang], banUntil, lang),
          link: LEGAL_ADVICE_LINK,
        },
      ],
      ruleSet: { id: ruleSet.id, effectiveFrom: ruleSet.effectiveFrom },
    };
  }
  return {
    status,
    regime,
    checks: ev.checks.map((c): EligibilityCheck => ({
      code: c.code,
      passed: c.passed,
      message: render('checks', c),
      legalBasis: c.legalBasis ?? ruleSet.checks[c.code].legalBasis,
    })),
    // A barrier cannot be worked around, so steps would only mislead.
    steps:
      status === 'ineligible'
        ? []
        : ev.steps.map((s): EligibilityStep => ({
            code: s.code,
            message: render('steps', s),
            ...(s.code === 'LEGAL_ADVICE' ? { link: LEGAL_ADVICE_LINK } : {}),
          })),
    ruleSet: { id: ruleSet.id, effectiveFrom: ruleSet.effectiveFrom },
  };
}

/** The verdict of `evaluateEligibility` with only its first step rendered: for ranking many vacancies at once. */
export interface EligibilityVerdict {
  status: EligibilityResult['status'];
  regime: Regime | null;
  /** The message of the first step (as in `evaluateEligibility`'s `steps[0]`); none when ineligible. */
  firstStep?: string;
}

/** `evaluateEligibility` without rendering what the caller does not show: the same status, regime and first step. */
export function eligibilityVerdict(
  request: EligibilityRequest,
  ruleSet: RuleSet,
  lang: Lang,
  names: EligibilityNames = {},
): EligibilityVerdict {
  const { ev, status, regime } = decide(request, ruleSet);
  const banUntil = runningEntryBan(request, ruleSet);
  if (banUntil && ruleSet.entryBans) {
    return {
      status: 'ineligible',
      regime,
      firstStep: entryBanText(ruleSet.entryBans.step[lang], banUntil, lang),
    };
  }
  const first = status === 'ineligible' ? undefined : ev.steps[0];
  return first
    ? { status, regime, firstStep: renderer(ruleSet, lang, names)('steps', first) }
    : { status, regime };
}

const DATE_PARAMS = new Set(['date', 'until', 'from', 'adultDate']);

function formatDate(date: IsoDate, lang: Lang): string {
  if (lang === 'en') return date;
  const [y, m, d] = date.split('-');
  return `${d}.${m}.${y}`;
}

function formatAmount(amount: number, lang: Lang): string {
  const whole = Math.round(amount)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'en' ? ',' : '\u00a0');
  return whole;
}

function renderer(ruleSet: RuleSet, lang: Lang, names: EligibilityNames) {
  const format = (name: string, value: ParamValue): string => {
    if (typeof value === 'number') return name === 'threshold' ? formatAmount(value, lang) : String(value);
    if (DATE_PARAMS.has(name)) return formatDate(value, lang);
    if (name === 'region' || name === 'documentRegion') return names.region?.(value, lang) ?? value;
    if (name === 'citizenship') return names.country?.(value, lang) ?? value;
    if (name === 'occupation') return names.occupation?.(value, lang) ?? value;
    if (name === 'document') return ruleSet.documentNames[value as DocumentType]?.[lang] ?? value;
    return value;
  };
  return (kind: 'checks' | 'steps', finding: Finding): string => {
    const text = ruleSet[kind][finding.code]?.messages[finding.variant]?.[lang];
    if (text === undefined) {
      throw new RuleSetNotApplicableError(
        `Rule set ${ruleSet.id} has no ${kind}.${finding.code}.${finding.variant}`,
      );
    }
    return text.replace(/\{(\w+)\}/g, (placeholder, name: string) =>
      name in finding.params ? format(name, finding.params[name]) : placeholder,
    );
  };
}
