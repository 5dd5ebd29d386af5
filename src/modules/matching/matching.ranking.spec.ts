import fc from 'fast-check';
import {
  bestAfterEligibility,
  compareRanked,
  placements,
  rankedOf,
  type Ranked,
} from 'src/modules/matching/matching.ranking';
import type { Eligibility } from 'src/modules/matching/matching.service';

const STATUSES = ['eligible', 'conditional', 'ineligible'] as const;
const e = (status: Eligibility['status']): Eligibility => ({ status, regime: null });

/** What the early stop must equal: check every pair, sort with compareRanked, take `limit`. */
function checkAll<T extends { score: number }>(
  scored: T[],
  limit: number,
  check: (item: T) => Eligibility | undefined,
  keyOf: (item: T) => string,
): Ranked<T>[] {
  const all: Ranked<T>[] = [];
  for (const item of scored) {
    const eligibility = check(item);
    if (eligibility) all.push(rankedOf(item, item.score, eligibility, keyOf(item)));
  }
  return all.sort(compareRanked).slice(0, limit);
}

const order = (list: Array<[string, number, Eligibility['status']]>) =>
  list
    .map(([key, relevance, status]) => rankedOf(key, relevance, e(status), key))
    .sort(compareRanked)
    .map((r) => r.key);

describe('eligibility in the ranking', () => {
  it('puts an eligible match first at equal relevance, whatever the input order', () => {
    expect(
      order([
        ['mos', 0.9, 'conditional'],
        ['mow', 0.9, 'eligible'],
      ]),
    ).toEqual(['mow', 'mos']);
    expect(
      order([
        ['mow', 0.9, 'eligible'],
        ['mos', 0.9, 'conditional'],
      ]),
    ).toEqual(['mow', 'mos']);
  });

  it('puts an eligible match first when a conditional one is up to 0.1 more relevant (issue 18)', () => {
    // Moscow oblast scores 1.0 but needs another patent; Moscow 0.9 with the patent held: equal after the penalty.
    expect(
      order([
        ['mos', 1, 'conditional'],
        ['mow', 0.9, 'eligible'],
      ]),
    ).toEqual(['mow', 'mos']);
    expect(
      order([
        ['mos', 0.95, 'conditional'],
        ['mow', 0.9, 'eligible'],
      ]),
    ).toEqual(['mow', 'mos']);
    // More than 0.1 more relevant: relevance wins.
    expect(
      order([
        ['mos', 1, 'conditional'],
        ['mow', 0.85, 'eligible'],
      ]),
    ).toEqual(['mos', 'mow']);
    // An ineligible match comes after a conditional one unless it is more than 0.4 more relevant.
    expect(
      order([
        ['x', 0.9, 'ineligible'],
        ['y', 0.5, 'conditional'],
      ]),
    ).toEqual(['y', 'x']);
  });

  it('breaks the last ties by key, so that equal matches never swap between calls', () => {
    expect(
      order([
        ['b', 0.5, 'eligible'],
        ['a', 0.5, 'eligible'],
      ]),
    ).toEqual(['a', 'b']);
  });

  it('says how many more relevant matches a match is above, and how many less relevant it is below', () => {
    const list = ['mow', 'mos', 'spe'].map((key, i) =>
      rankedOf(key, [0.9, 1, 0.7][i], e((['eligible', 'conditional', 'eligible'] as const)[i]), key),
    );
    list.sort(compareRanked);
    expect(list.map((r) => r.key)).toEqual(['mow', 'mos', 'spe']);
    expect(placements(list)).toEqual([
      { position: 1, aheadOfMoreRelevant: 1, behindLessRelevant: 0 },
      { position: 2, aheadOfMoreRelevant: 0, behindLessRelevant: 1 },
      { position: 3, aheadOfMoreRelevant: 0, behindLessRelevant: 0 },
    ]);
  });

  const pairs = fc.array(
    fc.record({
      // Few distinct scores, so that ties (and rounding to three places) come up often.
      score: fc.integer({ min: 0, max: 40 }).map((n) => n / 40 + (n % 3) / 10000),
      status: fc.constantFrom(...STATUSES),
    }),
    { maxLength: 60 },
  );

  it('is the same list as checking every pair, and stops early', () => {
    let stoppedEarly = 0;
    fc.assert(
      fc.property(pairs, fc.integer({ min: 1, max: 25 }), fc.boolean(), (raw, limit, dropIneligible) => {
        const scored = raw.map((p, i) => ({ ...p, key: `k${String(i).padStart(3, '0')}` }));
        scored.sort((a, b) => b.score - a.score);
        const check = (p: (typeof scored)[number]) =>
          p.status === 'ineligible' && dropIneligible ? undefined : e(p.status);
        let checks = 0;
        const fast = bestAfterEligibility(
          scored,
          limit,
          (p) => {
            checks++;
            return check(p);
          },
          (p) => p.key,
        );
        const slow = checkAll(scored, limit, check, (p) => p.key);
        expect(fast.map((x) => [x.key, x.score])).toEqual(slow.map((x) => [x.key, x.score]));
        if (checks < scored.length) stoppedEarly++;
      }),
      { numRuns: 500 },
    );
    expect(stoppedEarly).toBeGreaterThan(0);
  });
});
