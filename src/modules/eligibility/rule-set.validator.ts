/**
 * Hand-written schema check for rule-set JSON. Every error names the path of the offending field
 * (`checks.PATENT_VALID.messages.expired.uz`), so whoever edits the law data can fix it without reading code.
 */
import {
  CHECK_CATALOGUE,
  isRequiredFor,
  MessageSpec,
  placeholdersOf,
  STEP_CATALOGUE,
} from 'src/modules/eligibility/eligibility.catalogue';
import { isIsoDate } from 'src/modules/eligibility/eligibility.dates';
import {
  COUNTRY_GROUPS,
  DOCUMENT_TYPES,
  LANGS,
  MIGRATION_CARD_PURPOSES,
  Regime,
  PLAN_PHASES,
  REGIMES,
  RuleSet,
} from 'src/modules/eligibility/eligibility.types';

export class RuleSetValidationError extends Error {
  constructor(
    readonly source: string,
    readonly errors: string[],
  ) {
    super(`Invalid rule set ${source}:\n  ${errors.join('\n  ')}`);
    this.name = 'RuleSetValidationError';
  }
}

const COUNTRY = /^[A-Z]{2}$/;
const REGION = /^[A-Z]{2}-[A-Z0-9]{1,3}$/;
const CURRENCY = /^[A-Z]{3}$/;
const OCCUPATION = /^\d{4}$/;

const TOP_LEVEL_KEYS = [
  'id',
  'hostCountry',
  'effectiveFrom',
  'currency',
  'sources',
  'minimumAge',
  'regimeOrder',
  'countryGroups',
  'unlistedCitizenship',
  'specialCitizenships',
  'hqs',
  'patent',
  'regimeDocuments',
  'closedOccupations',
  'documentNames',
  'checks',
  'steps',
  'entryBans',
  'arrivalPlan',
];

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.trim().length > 0;
}

/** Collects errors while walking the document; each helper returns whether the field was fine. */
class Walker {
  readonly errors: string[] = [];

  fail(path: string, message: string): false {
    this.errors.push(`${path}: ${message}`);
    return false;
  }

  object(value: unknown, path: string): value is Json {
    return isObject(value) || this.fail(path, 'must be an object');
  }

  knownKeys(value: Json, path: string, allowed: readonly string[]): void {
    for (const key of Object.keys(value)) {
      if (!allowed.includes(key)) this.fail(join(path, key), 'unknown field');
    }
  }

  string(value: unknown, path: string): value is string {
    return isNonEmptyString(value) || this.fail(path, 'must be a non-empty string');
  }

  pattern(value: unknown, path: string, pattern: RegExp, what: string): value is string {
    return (typeof value === 'string' && pattern.test(value)) || this.fail(path, `must be ${what}`);
  }

  date(value: unknown, path: string): value is string {
    return isIsoDate(value) || this.fail(path, 'must be an existing date written YYYY-MM-DD');
  }

  oneOf<T extends string>(value: unknown, path: string, allowed: readonly T[]): value is T {
    return (
      (typeof value === 'string' && (allowed as readonly string[]).includes(value)) ||
      this.fail(path, `must be one of ${allowed.join(', ')}`)
    );
  }

  array(value: unknown, path: string): value is unknown[] {
    return Array.isArray(value) || this.fail(path, 'must be an array');
  }

  localized(value: unknown, path: string, allowedParams?: readonly string[]): void {
    if (!this.object(value, path)) return;
    this.knownKeys(value, path, LANGS);
    for (const lang of LANGS) {
      const text = value[lang];
      if (!this.string(text, join(path, lang)) || !allowedParams) continue;
      for (const name of placeholdersOf(text)) {
        if (!allowedParams.includes(name)) {
          const known = allowedParams.length ? allowedParams.map((p) => `{${p}}`).join(', ') : 'none';
          this.fail(join(path, lang), `unknown parameter {${name}}; allowed: ${known}`);
        }
      }
    }
  }
}

function join(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path ? `${path}.${key}` : key;
}

/** Returns every problem found; an empty list means the value is a usable RuleSet. */
export function validateRuleSet(value: unknown): string[] {
  const w = new Walker();
  if (!w.object(value, '(root)')) return w.errors;
  w.knownKeys(value, '', TOP_LEVEL_KEYS);

  w.string(value.id, 'id');
  const host = w.pattern(value.hostCountry, 'hostCountry', COUNTRY, 'an ISO 3166-1 alpha-2 code such as RU')
    ? (value.hostCountry as string)
    : undefined;
  w.date(value.effectiveFrom, 'effectiveFrom');
  w.pattern(value.currency, 'currency', CURRENCY, 'an ISO 4217 code such as RUB');
  if (value.sources !== undefined && w.array(value.sources, 'sources')) {
    value.sources.forEach((source, i) => w.string(source, join('sources', i)));
  }
  if (!(Number.isInteger(value.minimumAge) && (value.minimumAge as number) >= 0)) {
    w.fail('minimumAge', 'must be a whole number of years');
  }

  const regimeOrder: Regime[] = [];
  if (w.array(value.regimeOrder, 'regimeOrder')) {
    if (value.regimeOrder.length === 0) w.fail('regimeOrder', 'must list at least one regime');
    value.regimeOrder.forEach((regime, i) => {
      if (!w.oneOf(regime, join('regimeOrder', i), REGIMES)) return;
      if (regimeOrder.includes(regime)) w.fail(join('regimeOrder', i), `duplicate regime ${regime}`);
      regimeOrder.push(regime);
    });
  }

  validateCountryGroups(w, value.countryGroups, host);
  w.oneOf(value.unlistedCitizenship, 'unlistedCitizenship', ['visa', 'legalAdvice'] as const);
  validateSpecialCitizenships(w, value.specialCitizenships, value.countryGroups);

  if (regimeOrder.includes('hqs') || value.hqs !== undefined) {
    if (w.object(value.hqs, 'hqs')) {
      w.knownKeys(value.hqs, 'hqs', ['quarterlySalaryThreshold']);
      const threshold = value.hqs.quarterlySalaryThreshold;
      if (!(typeof threshold === 'number' && threshold > 0)) {
        w.fail('hqs.quarterlySalaryThreshold', 'must be a positive amount in the rule set currency');
      }
    }
  }
  if (regimeOrder.includes('patent') || value.patent !== undefined) {
    if (w.object(value.patent, 'patent')) {
      w.knownKeys(value.patent, 'patent', ['requiredMigrationCardPurpose', 'medicalExamWithinDays']);
      w.oneOf(
        value.patent.requiredMigrationCardPurpose,
        'patent.requiredMigrationCardPurpose',
        MIGRATION_CARD_PURPOSES,
      );
      const days = value.patent.medicalExamWithinDays;
      if (!(Number.isInteger(days) && (days as number) > 0)) {
        w.fail('patent.medicalExamWithinDays', 'must be a positive whole number of days');
      }
    }
  }

  if (w.object(value.regimeDocuments, 'regimeDocuments')) {
    w.knownKeys(value.regimeDocuments, 'regimeDocuments', REGIMES);
    for (const [regime, types] of Object.entries(value.regimeDocuments)) {
      const path = join('regimeDocuments', regime);
      if (w.array(types, path)) types.forEach((type, i) => w.oneOf(type, join(path, i), DOCUMENT_TYPES));
    }
  }

  if (w.array(value.closedOccupations, 'closedOccupations')) {
    value.closedOccupations.forEach((entry, i) =>
      validateClosedOccupation(w, entry, join('closedOccupations', i), host),
    );
  }

  if (w.object(value.documentNames, 'documentNames')) {
    w.knownKeys(value.documentNames, 'documentNames', DOCUMENT_TYPES);
    for (const type of DOCUMENT_TYPES) w.localized(value.documentNames[type], join('documentNames', type));
  }

  if (value.entryBans !== undefined && w.object(value.entryBans, 'entryBans')) {
    w.knownKeys(value.entryBans, 'entryBans', ['legalBasis', 'message', 'step']);
    w.string(value.entryBans.legalBasis, 'entryBans.legalBasis');
    w.localized(value.entryBans.message, 'entryBans.message', ['until']);
    w.localized(value.entryBans.step, 'entryBans.step', ['until']);
  }

  if (value.arrivalPlan !== undefined && w.object(value.arrivalPlan, 'arrivalPlan')) {
    w.knownKeys(value.arrivalPlan, 'arrivalPlan', ['steps']);
    if (w.array(value.arrivalPlan.steps, 'arrivalPlan.steps')) {
      value.arrivalPlan.steps.forEach((step, i) => {
        const at = `arrivalPlan.steps[${i}]`;
        if (!w.object(step, at)) return;
        w.knownKeys(step, at, ['code', 'phase', 'regimes', 'due', 'legalBasis', 'message']);
        w.string(step.code, `${at}.code`);
        w.oneOf(step.phase, `${at}.phase`, PLAN_PHASES);
        if (w.array(step.regimes, `${at}.regimes`)) {
          step.regimes.forEach((r, j) => w.oneOf(r, `${at}.regimes[${j}]`, REGIMES));
        }
        if (w.object(step.due, `${at}.due`)) {
          w.knownKeys(step.due, `${at}.due`, ['from', 'days', 'unit']);
          w.oneOf(step.due.from, `${at}.due.from`, ['arrival', 'contract'] as const);
          w.oneOf(step.due.unit, `${at}.due.unit`, ['calendar', 'working'] as const);
          if (!(Number.isInteger(step.due.days) && (step.due.days as number) >= 0)) {
            w.fail(`${at}.due.days`, 'must be a whole number of days, 0 or more');
          }
        }
        w.string(step.legalBasis, `${at}.legalBasis`);
        w.localized(step.message, `${at}.message`, ['date']);
      });
    }
  }

  validateMessages(w, value.checks, 'checks', CHECK_CATALOGUE, regimeOrder, true);
  validateMessages(w, value.steps, 'steps', STEP_CATALOGUE, regimeOrder, false);
  return w.errors;
}

/** Throws RuleSetValidationError listing every problem; `source` names the file in the message. */
export function assertValidRuleSet(value: unknown, source: string): RuleSet {
  const errors = validateRuleSet(value);
  if (errors.length) throw new RuleSetValidationError(source, errors);
  return value as RuleSet;
}

function validateCountryGroups(w: Walker, groups: unknown, hostCountry: string | undefined): void {
  if (!w.object(groups, 'countryGroups')) return;
  w.knownKeys(groups, 'countryGroups', COUNTRY_GROUPS);
  const seen = new Map<string, string>();
  for (const group of COUNTRY_GROUPS) {
    const path = join('countryGroups', group);
    const codes = groups[group];
    if (!w.array(codes, path)) continue;
    codes.forEach((code, i) => {
      if (!w.pattern(code, join(path, i), COUNTRY, 'an ISO 3166-1 alpha-2 code')) return;
      if (code === hostCountry)
        w.fail(join(path, i), `${code} is the host country; its citizens need no group`);
      const other = seen.get(code);
      if (other) w.fail(join(path, i), `${code} is already in countryGroups.${other}`);
      seen.set(code, group);
    });
  }
}

/** Every citizenship referred to legal advice names the act that gives it rules of its own, and only those. */
function validateSpecialCitizenships(w: Walker, value: unknown, groups: unknown): void {
  const listed =
    isObject(groups) && Array.isArray(groups.legalAdvice) ? (groups.legalAdvice as unknown[]) : [];
  if (value === undefined) {
    listed.forEach((code, i) =>
      w.fail(join('countryGroups.legalAdvice', i), `${String(code)} needs an entry in specialCitizenships`),
    );
    return;
  }
  if (!w.object(value, 'specialCitizenships')) return;
  for (const [code, entry] of Object.entries(value)) {
    const path = join('specialCitizenships', code);
    if (!listed.includes(code)) w.fail(path, `${code} is not listed in countryGroups.legalAdvice`);
    if (!w.object(entry, path)) continue;
    w.knownKeys(entry, path, ['legalBasis', 'since', 'note']);
    w.string(entry.legalBasis, join(path, 'legalBasis'));
    w.date(entry.since, join(path, 'since'));
    w.string(entry.note, join(path, 'note'));
  }
  listed.forEach((code, i) => {
    if (typeof code === 'string' && !(code in value))
      w.fail(join('countryGroups.legalAdvice', i), `${code} needs an entry in specialCitizenships`);
  });
}

function validateClosedOccupation(
  w: Walker,
  entry: unknown,
  path: string,
  hostCountry: string | undefined,
): void {
  if (!w.object(entry, path)) return;
  w.knownKeys(entry, path, ['regime', 'region', 'occupationCodes', 'from', 'until', 'legalBasis']);
  w.oneOf(entry.regime, join(path, 'regime'), REGIMES);
  if (w.pattern(entry.region, join(path, 'region'), REGION, 'an ISO 3166-2 region code such as RU-MOW')) {
    if (hostCountry && !entry.region.startsWith(`${hostCountry}-`)) {
      w.fail(join(path, 'region'), `must be a region of ${hostCountry}`);
    }
  }
  if (w.array(entry.occupationCodes, join(path, 'occupationCodes'))) {
    if (entry.occupationCodes.length === 0)
      w.fail(join(path, 'occupationCodes'), 'must list at least one code');
    entry.occupationCodes.forEach((code, i) =>
      w.pattern(code, join(join(path, 'occupationCodes'), i), OCCUPATION, 'a 4-digit ISCO-08 unit group'),
    );
  }
  const fromOk = w.date(entry.from, join(path, 'from'));
  if (entry.until !== undefined && w.date(entry.until, join(path, 'until')) && fromOk) {
    if ((entry.until as string) < (entry.from as string))
      w.fail(join(path, 'until'), 'must not be before from');
  }
  w.string(entry.legalBasis, join(path, 'legalBasis'));
}

function validateMessages(
  w: Walker,
  value: unknown,
  path: string,
  catalogue: Record<string, MessageSpec>,
  regimeOrder: readonly Regime[],
  legalBasisRequired: boolean,
): void {
  if (!w.object(value, path)) return;
  for (const code of Object.keys(value)) {
    if (!(code in catalogue))
      w.fail(join(path, code), `unknown code; known: ${Object.keys(catalogue).join(', ')}`);
  }
  for (const [code, spec] of Object.entries(catalogue)) {
    const entryPath = join(path, code);
    const entry = value[code];
    if (entry === undefined) {
      if (isRequiredFor(spec, regimeOrder))
        w.fail(entryPath, 'missing; the engine reports it for this rule set');
      continue;
    }
    if (!w.object(entry, entryPath)) continue;
    w.knownKeys(entry, entryPath, ['legalBasis', 'messages']);
    if (legalBasisRequired || entry.legalBasis !== undefined)
      w.string(entry.legalBasis, join(entryPath, 'legalBasis'));
    const messagesPath = join(entryPath, 'messages');
    if (!w.object(entry.messages, messagesPath)) continue;
    w.knownKeys(entry.messages, messagesPath, Object.keys(spec.variants));
    for (const [variant, params] of Object.entries(spec.variants)) {
      w.localized(entry.messages[variant], join(messagesPath, variant), params);
    }
  }
}
