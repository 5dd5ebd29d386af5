import fc from 'fast-check';
import { bestAfterEligibility, type Eligibility } from 'src/modules/matching/matching.service';
import { ELIGIBILITY_FACTOR } from 'src/modules/matching/matching.weights';

const round = (x: number) => Math.round(x * 1000) / 1000;
const STATUSES = ['eligible', 'conditional', 'ineligible'] as const;

/** What matching did before stopping early: check every pair, sort by the factored score, take `limit`. */
function checkAll<T extends { score: number }>(
  scored: T[],
  limit: number,
  check: (item: T) => Eligibility | undefined,
) {
  const all: Array<{ item: T; eligibility: Eligibility; score: number }> = [];
  for (const item of scored) {
    const eligibility = check(item);
    if (eligibility)
      all.push({ item, eligibility, score: round(item.score * ELIGIBILITY_FACTOR[eligibility.status]) });
  }
  return all.sort((a, b) => b.score - a.score).slice(0, limit);
}

describe('the best matches after eligibility', () => {
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
        const scored = raw.map((p, i) => ({ ...p, i })).sort((a, b) => b.score - a.score);
        const check = (p: (typeof scored)[number]) =>
          p.status === 'ineligible' && dropIneligible ? undefined : { status: p.status, regime: null };
        let checks = 0;
        const fast = bestAfterEligibility(scored, limit, (p) => {
          checks++;
          return check(p);
        });
        const slow = checkAll(scored, limit, check);
        expect(fast.map((x) => [x.item.i, x.score])).toEqual(slow.map((x) => [x.item.i, x.score]));
        if (checks < scored.length) stoppedEarly++;
      }),
      { numRuns: 500 },
    );
    expect(stoppedEarly).toBeGreaterThan(0);
  });
});
