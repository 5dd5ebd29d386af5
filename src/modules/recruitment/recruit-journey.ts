/** The journey of a recruit; each step only to the next one, `dropped` (with a reason) from any step before the end. */
export const JOURNEY = [
  'selected',
  'offer_accepted',
  'documents_ready',
  'departed',
  'arrived',
  'authorised',
  'placed',
] as const;
export type JourneyStep = (typeof JOURNEY)[number];
export type RecruitStatus = JourneyStep | 'dropped';
export const RECRUIT_STATUSES: RecruitStatus[] = [...JOURNEY, 'dropped'];

export function canMove(from: RecruitStatus, to: RecruitStatus): boolean {
  if (from === 'dropped' || from === 'placed') return false;
  if (to === 'dropped') return true;
  return JOURNEY.indexOf(to as JourneyStep) === JOURNEY.indexOf(from as JourneyStep) + 1;
}
