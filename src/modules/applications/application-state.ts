/**
 * The application pipeline. `rejected` and `withdrawn` are reachable from any state before `hired`;
 * `hired`, `rejected` and `withdrawn` are final.
 */
export const APPLICATION_STATUSES = [
  'submitted',
  'shortlisted',
  'interview_scheduled',
  'interviewed',
  'offered',
  'hired',
  'rejected',
  'withdrawn',
] as const;

export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

const FORWARD: Record<ApplicationStatus, ApplicationStatus[]> = {
  submitted: ['shortlisted', 'interview_scheduled'],
  shortlisted: ['interview_scheduled'],
  // A cancelled interview sends the application back to the shortlist; a second interview is booked again.
  interview_scheduled: ['interviewed', 'shortlisted'],
  interviewed: ['offered', 'interview_scheduled'],
  offered: ['hired'],
  hired: [],
  rejected: [],
  withdrawn: [],
};

export const FINAL_STATUSES: ApplicationStatus[] = ['hired', 'rejected', 'withdrawn'];

export function allowedTransitions(from: ApplicationStatus): ApplicationStatus[] {
  if (FINAL_STATUSES.includes(from)) return [];
  return [...FORWARD[from], 'rejected', 'withdrawn'];
}

export function canTransition(from: ApplicationStatus, to: ApplicationStatus): boolean {
  return allowedTransitions(from).includes(to);
}

export function isApplicationStatus(value: unknown): value is ApplicationStatus {
  return typeof value === 'string' && (APPLICATION_STATUSES as readonly string[]).includes(value);
}
