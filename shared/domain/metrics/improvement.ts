import type { DoraKeys } from './dora';

/**
 * Improvement between two periods, as a lead's before/after table computes it (issue 10):
 * percent = (after − before) / before × 100 — 2 deploys a week → 5 a day (35 a week) is +1650 %,
 * a lead time of 2 weeks → 2 days is −85.7 %. `better` is true when the value moved the way that
 * is good for that key (frequency up; lead time, change failure and recovery down), false when it
 * stayed or moved the other way. Both are null when there is no before to compare with (null or 0:
 * a percentage of nothing means nothing) or no after.
 */
export interface Improvement {
  before: number | null;
  after: number | null;
  percent: number | null;
  better: boolean | null;
}

export type GoodDirection = 'up' | 'down';

export function improvement(before: number | null, after: number | null, good: GoodDirection): Improvement {
  if (before === null || before === 0 || after === null)
    return { before, after, percent: null, better: null };
  return {
    before,
    after,
    percent: ((after - before) / before) * 100,
    better: good === 'up' ? after > before : after < before,
  };
}

export const IMPROVEMENT_KEYS = [
  'deploymentsPerWeek',
  'leadTimeMedianSeconds',
  'changeFailureRate',
  'recoveryMedianSeconds',
] as const;
export type ImprovementKey = (typeof IMPROVEMENT_KEYS)[number];

const GOOD: Record<ImprovementKey, GoodDirection> = {
  deploymentsPerWeek: 'up',
  leadTimeMedianSeconds: 'down',
  changeFailureRate: 'down',
  recoveryMedianSeconds: 'down',
};

export function doraImprovement(before: DoraKeys, after: DoraKeys): Record<ImprovementKey, Improvement> {
  const entries = IMPROVEMENT_KEYS.map(
    (key) => [key, improvement(before[key], after[key], GOOD[key])] as const,
  );
  return Object.fromEntries(entries) as Record<ImprovementKey, Improvement>;
}
