import { npsEstimate, sampleSize, type NpsCounts } from './nps';

/**
 * Is the change in NPS between two surveys (e.g. two quarters) more than noise? A two-sample
 * z-test on the difference of the two NPS values, with each sample's trinomial variance (the
 * adjusted-Wald one for small samples, as for its interval): z = (A − B)/√(Var A + Var B).
 */

export interface NpsComparison {
  /** Later minus earlier, NPS points. */
  difference: number;
  z: number;
  /** Two-sided. */
  pValue: number;
  /** pValue < alpha. */
  significant: boolean;
}

/** Standard normal CDF (Zelen & Severo 26.2.17, |error| < 7.5e-8). */
export function normalCdf(x: number): number {
  const t = 1 / (1 + 0.2316419 * Math.abs(x));
  const density = Math.exp((-x * x) / 2) / Math.sqrt(2 * Math.PI);
  const tail =
    density *
    t *
    (0.31938153 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
  return x >= 0 ? 1 - tail : tail;
}

/** Compares `later` with `earlier`; null when either has no answers. */
export function compareNps(earlier: NpsCounts, later: NpsCounts, alpha = 0.05): NpsComparison | null {
  const nA = sampleSize(earlier);
  const nB = sampleSize(later);
  if (nA === 0 || nB === 0) return null;
  const a = npsEstimate(earlier);
  const b = npsEstimate(later);
  const difference =
    (100 * (later.promoters - later.detractors)) / nB - (100 * (earlier.promoters - earlier.detractors)) / nA;
  // The test statistic uses the same centres as the variances, so small samples are not over-confident.
  const z = (b.centre - a.centre) / Math.sqrt(a.variance + b.variance);
  const pValue = Math.min(1, 2 * (1 - normalCdf(Math.abs(z))));
  return { difference, z, pValue, significant: pValue < alpha };
}
