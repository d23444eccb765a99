/**
 * Anonymity thresholds for survey breakdowns (docs/architecture.md, "Numbers"). Enforced by the server; the
 * renderer only ever receives what these functions let through.
 */

export const DEFAULT_MIN_GROUP_SIZE = 5;
/** Below 3 a respondent can tell the other one's answer from an aggregate of two. */
export const MIN_MIN_GROUP_SIZE = 3;

export function checkMinGroupSize(k: number): string | null {
  if (!Number.isInteger(k)) return `the minimum group size must be an integer, got ${k}`;
  if (k < MIN_MIN_GROUP_SIZE) return `the minimum group size is never below ${MIN_MIN_GROUP_SIZE}, got ${k}`;
  return null;
}

export interface GroupSize {
  key: string;
  respondents: number;
}

export interface Suppression {
  visible: string[];
  hidden: string[];
  /** Why each hidden group is hidden, for the results page. */
  reasons: Record<string, 'too_few_respondents' | 'complementary'>;
}

/**
 * Which groups may be shown. `groups` must partition the respondents (each in exactly one
 * group), because the total is shown too: total − Σ visible = Σ hidden.
 *
 * 1. A group with fewer than k respondents is hidden (primary suppression).
 * 2. Complementary suppression: if the hidden groups together hold fewer than k respondents
 *    — which always includes "exactly one group hidden", since its answers are then the total
 *    minus the shown groups — the smallest visible group is hidden as well, and again, until
 *    the hidden remainder holds at least k respondents or nothing is shown.
 */
export function suppressGroups(groups: readonly GroupSize[], k: number): Suppression {
  const problem = checkMinGroupSize(k);
  if (problem) throw new RangeError(problem);
  const reasons: Suppression['reasons'] = {};
  const hidden = new Set<string>();
  for (const g of groups) {
    if (g.respondents < k) {
      hidden.add(g.key);
      reasons[g.key] = 'too_few_respondents';
    }
  }
  // Smallest first, ties by key, so the choice is deterministic.
  const visibleBySize = groups
    .filter((g) => !hidden.has(g.key))
    .sort((a, b) => a.respondents - b.respondents || a.key.localeCompare(b.key));
  const hiddenTotal = () => groups.filter((g) => hidden.has(g.key)).reduce((s, g) => s + g.respondents, 0);
  const needsMore = () => {
    if (hidden.size === 0) return false;
    // A hidden group with no respondents reveals nothing when it is alone.
    const total = hiddenTotal();
    return total > 0 && (hidden.size === 1 || total < k);
  };
  while (needsMore()) {
    const next = visibleBySize.shift();
    if (!next) break;
    hidden.add(next.key);
    reasons[next.key] = 'complementary';
  }
  return {
    visible: groups.filter((g) => !hidden.has(g.key)).map((g) => g.key),
    hidden: groups.filter((g) => hidden.has(g.key)).map((g) => g.key),
    reasons,
  };
}

/**
 * When an anonymous survey's results may be seen (docs/architecture.md, "Numbers"): once, after
 * it closes. Suppression alone protects one snapshot; two snapshots taken around one person's
 * answer differ by exactly that answer, in the total and in every visible team. Releasing only
 * after the close means there is one release over a fixed set of respondents, so there is
 * nothing to difference. (Stepping by k new answers would not do: k new answers overall can be
 * one new answer in one team, and the last step before the close would leave a remainder.)
 */
export type Release = 'collecting' | 'released';

export function releaseOf(closesAt: string, now: Date): Release {
  return now.getTime() >= Date.parse(closesAt) ? 'released' : 'collecting';
}

/**
 * The respondent count shown while a survey collects: rounded down to a multiple of k, so
 * watching it tells when the k-th, 2k-th, … answer came, never when any one person answered.
 */
export function collectingRespondents(respondents: number, k: number): number {
  return Math.floor(respondents / k) * k;
}
