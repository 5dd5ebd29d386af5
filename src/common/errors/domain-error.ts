/**
 * Domain errors carry a stable code; `problem-types.ts` maps each code to an HTTP status and an
 * RFC 9457 problem type in one table, so services never think in HTTP.
 */
export enum ErrorCode {
  ValidationFailed = 'validation_failed',
  NotFound = 'not_found',
  Conflict = 'conflict',
  Unauthenticated = 'unauthenticated',
  Forbidden = 'forbidden',
  TooManyAttempts = 'too_many_attempts',
  IdempotencyKeyReused = 'idempotency_key_reused',
  IdempotencyInProgress = 'idempotency_in_progress',
  StaleVersion = 'stale_version',
  InvalidTransition = 'invalid_transition',
  EmployerNotVerified = 'employer_not_verified',
  EmployerNotCleared = 'employer_not_cleared',
  IdentificationFailed = 'identification_failed',
  UriTooLong = 'uri_too_long',
  HeadersTooLarge = 'headers_too_large',
  RequestTimeout = 'request_timeout',
  WorkerPaidCost = 'worker_paid_cost',
  AgencyNotLicensed = 'agency_not_licensed',
  BelowMinimumWage = 'below_minimum_wage',
  UnprocessableEntity = 'unprocessable_entity',
  DuplicateTaxId = 'duplicate_tax_id',
  DuplicateApplication = 'duplicate_application',
  VacancyNotOpen = 'vacancy_not_open',
  VacancyNotAtFair = 'vacancy_not_at_fair',
  NoRuleSet = 'no_rule_set',
  NotEligible = 'not_eligible',
  SlotTaken = 'slot_taken',
  SlotOverlap = 'slot_overlap',
  InterviewOverlap = 'interview_overlap',
}

export interface FieldError {
  field: string;
  message: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detail: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail);
  }
}

export class NotFoundError extends DomainError {
  constructor(what: string) {
    super(ErrorCode.NotFound, `${what} was not found`);
  }
}

export class ValidationError extends DomainError {
  constructor(errors: FieldError[], detail = 'The request is not valid') {
    super(ErrorCode.ValidationFailed, detail, { errors });
  }

  static field(field: string, message: string): ValidationError {
    return new ValidationError([{ field, message }], `${field}: ${message}`);
  }
}
