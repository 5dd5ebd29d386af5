import { ErrorCode } from 'src/common/errors/domain-error';

interface ProblemType {
  status: number;
  title: string;
}

/** The one table from domain error codes to HTTP. Types are relative URIs documented in the README. */
export const PROBLEM_TYPES: Record<ErrorCode, ProblemType> = {
  [ErrorCode.ValidationFailed]: { status: 400, title: 'Invalid request' },
  [ErrorCode.NotFound]: { status: 404, title: 'Not found' },
  [ErrorCode.Conflict]: { status: 409, title: 'Conflict' },
  [ErrorCode.Unauthenticated]: { status: 401, title: 'Authentication required' },
  [ErrorCode.Forbidden]: { status: 403, title: 'Forbidden' },
  [ErrorCode.TooManyAttempts]: { status: 429, title: 'Too many attempts' },
  [ErrorCode.IdempotencyKeyReused]: { status: 422, title: 'Idempotency key reused with a different request' },
  [ErrorCode.IdempotencyInProgress]: {
    status: 409,
    title: 'A request with this idempotency key is in progress',
  },
  [ErrorCode.StaleVersion]: { status: 409, title: 'The resource was changed by someone else' },
  [ErrorCode.InvalidTransition]: { status: 409, title: 'Invalid state transition' },
  [ErrorCode.EmployerNotVerified]: { status: 409, title: 'Employer is not verified' },
  [ErrorCode.EmployerNotCleared]: {
    status: 403,
    title: 'Only employers verified by the labour department may reach jobseekers',
  },
  [ErrorCode.IdentificationFailed]: { status: 422, title: 'The visitor could not be identified' },
  [ErrorCode.UriTooLong]: { status: 414, title: 'The address is too long' },
  [ErrorCode.HeadersTooLarge]: { status: 431, title: 'Request header fields too large' },
  [ErrorCode.RequestTimeout]: { status: 408, title: 'The request took too long to arrive' },
  [ErrorCode.WorkerPaidCost]: { status: 422, title: 'Workers may not be charged recruitment fees or costs' },
  [ErrorCode.AgencyNotLicensed]: {
    status: 422,
    title: 'The agency is not licensed for the order’s origin countries and dates',
  },
  [ErrorCode.BelowMinimumWage]: { status: 422, title: 'Salary below the legal minimum wage' },
  [ErrorCode.UnprocessableEntity]: { status: 422, title: 'Request cannot be processed' },
  [ErrorCode.DuplicateTaxId]: { status: 409, title: 'Tax id already registered' },
  [ErrorCode.DuplicateApplication]: { status: 409, title: 'Already applied to this vacancy' },
  [ErrorCode.VacancyNotOpen]: { status: 409, title: 'Vacancy is not open for applications' },
  [ErrorCode.VacancyNotAtFair]: { status: 422, title: 'Vacancy is not at this fair' },
  [ErrorCode.NoRuleSet]: { status: 422, title: 'No legal rule set for this host country and date' },
  [ErrorCode.NotEligible]: { status: 422, title: 'The person may not legally start this job' },
  [ErrorCode.SlotTaken]: { status: 409, title: 'Interview slot already taken' },
  [ErrorCode.SlotOverlap]: { status: 409, title: 'Interview slot overlaps another slot' },
  [ErrorCode.InterviewOverlap]: { status: 409, title: 'Overlapping interview' },
};

export function problemTypeUri(code: string): string {
  return `/problems/${code.replace(/_/g, '-')}`;
}
