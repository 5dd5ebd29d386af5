/**
 * Shape and date checks of an eligibility request. Whether a country or region code exists is checked by the API
 * layer against reference data; here only the form, real calendar dates and consistency between fields.
 */
import { isIsoDate } from 'src/modules/eligibility/eligibility.dates';
import {
  DOCUMENT_TYPES,
  EligibilityRequest,
  EMPLOYER_KINDS,
  MIGRATION_CARD_PURPOSES,
} from 'src/modules/eligibility/eligibility.types';

export interface FieldError {
  field: string;
  message: string;
}

const COUNTRY = /^[A-Z]{2}$/;
const REGION = /^[A-Z]{2}-[A-Z0-9]{1,3}$/;
const CURRENCY = /^[A-Z]{3}$/;
const OCCUPATION = /^\d{4}$/;

const REQUEST_KEYS = [
  'hostCountry',
  'workRegion',
  'citizenship',
  'birthDate',
  'startDate',
  'occupationCode',
  'monthlySalary',
  'employer',
  'documents',
  'entryBan',
  'arrival',
];
const DOCUMENT_KEYS = ['type', 'region', 'validFrom', 'validUntil', 'purpose', 'issuedAt'];

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Empty when the request is well formed; the engine refuses a request with errors. */
export function validateEligibilityRequest(input: unknown): FieldError[] {
  const errors: FieldError[] = [];
  const fail = (field: string, message: string) => errors.push({ field, message });
  if (!isObject(input)) return [{ field: '', message: 'must be an object' }];

  // Unknown fields are refused: a misspelt `validUntill` would otherwise silently mean "valid for ever".
  const unknown = (value: Json, prefix: string, allowed: string[]) => {
    for (const key of Object.keys(value))
      if (!allowed.includes(key)) fail(`${prefix}${key}`, 'unknown field');
  };
  const code = (value: unknown, field: string, pattern: RegExp, what: string): value is string => {
    if (typeof value === 'string' && pattern.test(value)) return true;
    fail(field, `must be ${what}`);
    return false;
  };
  const date = (value: unknown, field: string): value is string => {
    if (isIsoDate(value)) return true;
    fail(field, 'must be an existing date written YYYY-MM-DD');
    return false;
  };
  const optionalDate = (value: unknown, field: string): boolean => value === undefined || date(value, field);

  unknown(input, '', REQUEST_KEYS);
  const host = code(input.hostCountry, 'hostCountry', COUNTRY, 'an ISO 3166-1 alpha-2 code such as RU');
  const inHost = (region: string, field: string) => {
    if (host && !region.startsWith(`${input.hostCountry}-`))
      fail(field, `must be a region of ${input.hostCountry}`);
  };
  if (code(input.workRegion, 'workRegion', REGION, 'an ISO 3166-2 region code such as RU-MOW')) {
    inHost(input.workRegion, 'workRegion');
  }
  code(input.citizenship, 'citizenship', COUNTRY, 'an ISO 3166-1 alpha-2 code such as UZ');
  const birthOk = date(input.birthDate, 'birthDate');
  const startOk = date(input.startDate, 'startDate');
  if (birthOk && startOk && (input.birthDate as string) > (input.startDate as string)) {
    fail('birthDate', 'must not be after startDate');
  }
  if (input.occupationCode !== undefined) {
    code(input.occupationCode, 'occupationCode', OCCUPATION, 'a 4-digit ISCO-08 unit group such as 7112');
  }

  const salary = input.monthlySalary;
  if (salary !== undefined) {
    if (!isObject(salary)) fail('monthlySalary', 'must be an object with amount and currency');
    else {
      unknown(salary, 'monthlySalary.', ['amount', 'currency']);
      if (!(typeof salary.amount === 'number' && Number.isFinite(salary.amount) && salary.amount >= 0)) {
        fail('monthlySalary.amount', 'must be a number, 0 or more');
      }
      code(salary.currency, 'monthlySalary.currency', CURRENCY, 'an ISO 4217 code such as RUB');
    }
  }

  const employer = input.employer;
  if (employer !== undefined) {
    if (!isObject(employer)) fail('employer', 'must be an object');
    else {
      unknown(employer, 'employer.', ['kind', 'quotaAvailable']);
      if (!EMPLOYER_KINDS.includes(employer.kind as never)) {
        fail('employer.kind', `must be one of ${EMPLOYER_KINDS.join(', ')}`);
      }
      if (employer.quotaAvailable !== undefined && typeof employer.quotaAvailable !== 'boolean') {
        fail('employer.quotaAvailable', 'must be true or false');
      }
    }
  }

  const documents = input.documents;
  if (documents !== undefined) {
    if (!Array.isArray(documents)) fail('documents', 'must be an array');
    else documents.forEach((doc, i) => validateDocument(doc, `documents[${i}]`));
  }

  const ban = input.entryBan;
  if (ban !== undefined) {
    if (!isObject(ban)) fail('entryBan', 'must be an object with until');
    else {
      unknown(ban, 'entryBan.', ['until']);
      date(ban.until, 'entryBan.until');
    }
  }

  const arrival = input.arrival;
  if (arrival !== undefined) {
    if (!isObject(arrival)) fail('arrival', 'must be an object with expectedDate');
    else {
      unknown(arrival, 'arrival.', ['expectedDate']);
      if (
        date(arrival.expectedDate, 'arrival.expectedDate') &&
        startOk &&
        (arrival.expectedDate as string) > (input.startDate as string)
      ) {
        fail('arrival.expectedDate', 'must not be after startDate');
      }
    }
  }
  return errors;

  function validateDocument(doc: unknown, at: string): void {
    if (!isObject(doc)) {
      fail(at, 'must be an object');
      return;
    }
    unknown(doc, `${at}.`, DOCUMENT_KEYS);
    if (!DOCUMENT_TYPES.includes(doc.type as never))
      fail(`${at}.type`, `must be one of ${DOCUMENT_TYPES.join(', ')}`);
    if (doc.region !== undefined && code(doc.region, `${at}.region`, REGION, 'an ISO 3166-2 region code')) {
      inHost(doc.region, `${at}.region`);
    }
    const fromOk = optionalDate(doc.validFrom, `${at}.validFrom`);
    const untilOk = optionalDate(doc.validUntil, `${at}.validUntil`);
    optionalDate(doc.issuedAt, `${at}.issuedAt`);
    if (fromOk && untilOk && doc.validFrom !== undefined && doc.validUntil !== undefined) {
      if ((doc.validFrom as string) > (doc.validUntil as string))
        fail(`${at}.validFrom`, 'must not be after validUntil');
    }
    if (doc.purpose !== undefined) {
      if (doc.type !== 'migration_card') fail(`${at}.purpose`, 'applies only to a migration_card');
      else if (!MIGRATION_CARD_PURPOSES.includes(doc.purpose as never)) {
        fail(`${at}.purpose`, `must be one of ${MIGRATION_CARD_PURPOSES.join(', ')}`);
      }
    }
  }
}

/** Type guard for callers that validated already. */
export function isValidEligibilityRequest(input: unknown): input is EligibilityRequest {
  return validateEligibilityRequest(input).length === 0;
}
