/**
 * How relevance and eligibility combine into one order (docs/SEARCH.md, "Eligibility in the ranking"). Pure.
 *
 * A match's score is its relevance (0..1, matching.scoring.ts) less a penalty for what stands between the person
 * and the job: nothing when eligible, ELIGIBILITY_PENALTY.conditional when steps remain, more when the job may not
 * be taken. So an eligible match comes before a conditional one unless the conditional one is more than that
 * penalty more relevant; at an equal score the more eligible comes first, then the more relevant, then the key, so
 * that the order is never left to chance.
 */
import type { Eligibility } from 'src/modules/matching/matching.service';
import { ELIGIBILITY_PENALTY } from 'src/modules/matching/matching.weights';

export const ELIGIBILITY_RANK = { eligible: 0, conditional: 1, ineligible: 2 } as const;

export interface Ranked<T> {
  item: T;
  eligibility: Eligibility;
  /** 0..1, before eligibility. */
  relevance: number;
  /** Relevance less the eligibility penalty, never below 0. */
  score: number;
  /** Breaks the last ties: the vacancy's or the person's id. */
  key: string;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

export function rankedOf<T>(item: T, relevance: number, eligibility: Eligibility, key: string): Ranked<T> {
  const r = round(relevance);
  return {
    item,
    eligibility,
    relevance: r,
    score: round(Math.max(0, r - ELIGIBILITY_PENALTY[eligibility.status])),
    key,
  };
}

/** Best first: score, then eligibility, then relevance, then key. */
export function compareRanked<T>(a: Ranked<T>, b: Ranked<T>): number {
  return (
    b.score - a.score ||
    ELIGIBILITY_RANK[a.eligibility.status] - ELIGIBILITY_RANK[b.eligibility.status] ||
    b.relevance - a.relevance ||
    (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)
  );
}

/**
 * The best `limit` of `scored` (by relevance, best first) after eligibility, checking eligibility in order and
 * stopping once no later pair can enter: a penalty is never negative, so a pair scores at most its relevance, and a
 * pair whose relevance is below the last kept score cannot reach it. The same as checking them all, sorting with
 * compareRanked and taking `limit`. `check` returns undefined for a pair to leave out.
 */
export function bestAfterEligibility<T extends { score: number }>(
  scored: T[],
  limit: number,
  check: (item: T) => Eligibility | undefined,
  keyOf: (item: T) => string,
): Ranked<T>[] {
  const kept: Ranked<T>[] = [];
  for (const item of scored) {
    if (kept.length >= limit) {
      kept.sort(compareRanked);
      // Equal to the last kept score, a more eligible or more relevant pair could still pass it.
      if (kept[limit - 1].score > round(item.score)) break;
    }
    const eligibility = check(item);
    if (eligibility) kept.push(rankedOf(item, item.score, eligibility, keyOf(item)));
  }
  return kept.sort(compareRanked).slice(0, limit);
}

export interface Placement {
  /** 1-based position in the list. */
  position: number;
  /** Matches placed below this one although more relevant (their eligibility is weaker). */
  aheadOfMoreRelevant: number;
  /** Matches placed above this one although less relevant (their eligibility is better). */
  behindLessRelevant: number;
}

/** Where each match of a ranked list stands against the others, for its explanation. */
export function placements<T>(list: Ranked<T>[]): Placement[] {
  return list.map((r, i) => ({
    position: i + 1,
    aheadOfMoreRelevant: list.slice(i + 1).filter((o) => o.relevance > r.relevance).length,
    behindLessRelevant: list.slice(0, i).filter((o) => o.relevance < r.relevance).length,
  }));
}
