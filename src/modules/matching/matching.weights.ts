/**
 * How a vacancy and a person are scored against each other: the one place these weights live.
 * Each factor gives 0..1 and is multiplied by its weight; the weights sum to 1, so a perfect match
 * scores 1. Occupation fit takes the best of three tiers: the same ISCO-08 unit group (4 digits), the
 * same minor group (first 3 digits), or text similarity of the vacancy to the person's trades.
 */
export const MATCH_WEIGHTS = {
  /** Same unit group; years in the trade do not change it (experience is its own factor). */
  occupationUnit: 0.4,
  /** Same minor group: a related trade. */
  occupationMinor: 0.24,
  /** Text similarity to the person's trades (0..1 from the index) times this. */
  occupationText: 0.14,
  /** The vacancy is in a region the person chose (a person who chose none is happy anywhere). */
  region: 0.15,
  /** Pay reaches the person's expectation; less in proportion when it falls short. */
  pay: 0.15,
  /** Housing provided to someone who needs it (or not needed). */
  housing: 0.1,
  /** The person's level in each required language meets the requirement. */
  language: 0.08,
  /** Years in the trade reach the experience asked for. */
  experience: 0.07,
  /** The job starts on or after the day the person is available. */
  startDate: 0.05,
} as const;

/**
 * Points of relevance (0..1) taken off by eligibility (matching.ranking.ts): a conditional match needs steps first,
 * so it comes after an eligible one unless it is more than 0.1 more relevant; an ineligible one (listed only when
 * asked for) comes after nearly everything.
 */
export const ELIGIBILITY_PENALTY = { eligible: 0, conditional: 0.1, ineligible: 0.5 } as const;

/**
 * How many vacancies are scored for a person, and how many of the best get an eligibility check. Of the
 * person's own trades, the newest MATCH_POOL per trade (and per desired region) are ranked by the part of
 * the score the index can tell (region, housing, pay: MATCH_WEIGHTS) and the best MATCH_RETRIEVE scored.
 */
export const MATCH_POOL = 300;
export const MATCH_RETRIEVE = 100;
export const MATCH_ELIGIBILITY_CHECKS = 100;
export const CANDIDATE_RETRIEVE = 300;
export const CANDIDATE_ELIGIBILITY_CHECKS = 60;
