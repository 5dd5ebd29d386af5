import {
  APPLICATION_STATUSES,
  ApplicationStatus,
  allowedTransitions,
  canTransition,
} from 'src/modules/applications/application-state';

describe('application pipeline', () => {
  it.each<[ApplicationStatus, ApplicationStatus]>([
    ['submitted', 'shortlisted'],
    ['submitted', 'interview_scheduled'],
    ['shortlisted', 'interview_scheduled'],
    ['interview_scheduled', 'interviewed'],
    ['interviewed', 'offered'],
    ['interviewed', 'interview_scheduled'],
    ['offered', 'hired'],
    ['offered', 'rejected'],
    ['submitted', 'withdrawn'],
  ])('allows %s → %s', (from, to) => {
    expect(canTransition(from, to)).toBe(true);
  });

  it.each<[ApplicationStatus, ApplicationStatus]>([
    ['submitted', 'hired'],
    ['submitted', 'offered'],
    ['shortlisted', 'interviewed'],
    ['hired', 'withdrawn'],
    ['hired', 'rejected'],
    ['rejected', 'submitted'],
    ['withdrawn', 'shortlisted'],
    ['offered', 'submitted'],
  ])('refuses %s → %s', (from, to) => {
    expect(canTransition(from, to)).toBe(false);
  });

  it('reaches rejected and withdrawn from every state before hired, and nothing from a final state', () => {
    for (const status of APPLICATION_STATUSES) {
      const next = allowedTransitions(status);
      if (['hired', 'rejected', 'withdrawn'].includes(status)) {
        expect(next).toEqual([]);
      } else {
        expect(next).toEqual(expect.arrayContaining(['rejected', 'withdrawn']));
      }
    }
  });
});
