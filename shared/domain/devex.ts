import { summarizeLikert, type LikertSummary } from './likert';

/**
 * The three DevEx drivers (Noda, Storey, Forsgren, Greiler 2023): feedback loops, cognitive
 * load and flow state. Each is asked as one or more Likert 1–5 items worded so that 5 is good
 * ("My cognitive load is manageable"), so no item is reverse-scored here.
 */

export const DEVEX_DRIVERS = ['feedback_loops', 'cognitive_load', 'flow'] as const;
export type DevexDriver = (typeof DEVEX_DRIVERS)[number];

export const DEVEX_LABELS: Record<DevexDriver, string> = {
  feedback_loops: 'Feedback loops',
  cognitive_load: 'Cognitive load',
  flow: 'Flow state',
};

export interface DevexScore {
  driver: DevexDriver;
  n: number;
  /** Mean mapped from 1…5 to 0…100: (mean − 1)/4 · 100. Null when nobody answered. */
  score: number | null;
  /** Share answering 4–5. */
  favorable: number | null;
}

/** Pools every item of a driver (their histograms add up) and scores the pooled mean. */
export function devexScore(driver: DevexDriver, itemHistograms: readonly (readonly number[])[]): DevexScore {
  const pooled = [0, 0, 0, 0, 0];
  for (const h of itemHistograms) {
    const s: LikertSummary = summarizeLikert(h);
    s.counts.forEach((count, i) => (pooled[i] = (pooled[i] ?? 0) + count));
  }
  const summary = summarizeLikert(pooled);
  return {
    driver,
    n: summary.n,
    score: summary.mean === null ? null : ((summary.mean - 1) / 4) * 100,
    favorable: summary.favorable,
  };
}
