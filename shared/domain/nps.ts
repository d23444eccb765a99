/**
 * Net Promoter Score (docs/architecture.md, "Numbers"). Pure: counts in, numbers out.
 *
 * Promoters answer 9–10, passives 7–8, detractors 0–6; NPS = 100·(P−D)/n on a −100…100 scale.
 * The score is the difference of two proportions of ONE multinomial sample, so its variance is
 * the trinomial one: Var(p−d) = (p + d − (p−d)²)/n.
 */

export type NpsCategory = 'promoter' | 'passive' | 'detractor';

export interface NpsCounts {
  promoters: number;
  passives: number;
  detractors: number;
}

export type NpsIntervalMethod = 'wald' | 'adjusted-wald';

export interface NpsResult extends NpsCounts {
  n: number;
  /** 100·(P−D)/n; null when nobody answered. */
  nps: number | null;
  /** 95% interval on the NPS scale, clipped to −100…100; null when n = 0. */
  low: number | null;
  high: number | null;
  /** Which interval was used (see `intervalMethod`); null when n = 0. */
  method: NpsIntervalMethod | null;
}

/**
 * Below this many answers the plain Wald interval is too narrow (it undercovers badly, and is
 * zero-width when every answer falls in one category), so the adjusted Wald interval of Rocks
 * (2016), which adds 3 pseudo-answers (0.75 P, 0.75 D, 1.5 passive), is used instead.
 */
export const ADJUSTED_WALD_BELOW_N = 30;

/** z for a two-sided 95% interval. */
export const Z_95 = 1.959963984540054;

export function categorize(score: number): NpsCategory {
  if (!Number.isInteger(score) || score < 0 || score > 10) {
    throw new RangeError(`an NPS answer is an integer 0–10, got ${score}`);
  }
  if (score >= 9) return 'promoter';
  if (score >= 7) return 'passive';
  return 'detractor';
}

export function countScores(scores: Iterable<number>): NpsCounts {
  const counts: NpsCounts = { promoters: 0, passives: 0, detractors: 0 };
  for (const score of scores) {
    const category = categorize(score);
    if (category === 'promoter') counts.promoters++;
    else if (category === 'passive') counts.passives++;
    else counts.detractors++;
  }
  return counts;
}

/** Counts from a 0–10 histogram (index = score), e.g. server tallies. */
export function countHistogram(histogram: readonly number[]): NpsCounts {
  let promoters = 0;
  let passives = 0;
  let detractors = 0;
  histogram.forEach((count, score) => {
    const category = categorize(score);
    if (category === 'promoter') promoters += count;
    else if (category === 'passive') passives += count;
    else detractors += count;
  });
  return { promoters, passives, detractors };
}

export const sampleSize = (c: NpsCounts) => c.promoters + c.passives + c.detractors;

/** Wald is used from ADJUSTED_WALD_BELOW_N answers on, unless every answer is in one category. */
export function intervalMethod(c: NpsCounts): NpsIntervalMethod {
  const n = sampleSize(c);
  const oneCategory = c.promoters === n || c.passives === n || c.detractors === n;
  return n < ADJUSTED_WALD_BELOW_N || oneCategory ? 'adjusted-wald' : 'wald';
}

/** The trinomial variance of p − d (proportion scale) for `n` answers with shares p and d. */
export const trinomialVariance = (p: number, d: number, n: number) => (p + d - (p - d) ** 2) / n;

/** Centre and variance (proportion scale) the interval and the z-test are built on. */
export function npsEstimate(c: NpsCounts): { centre: number; variance: number; method: NpsIntervalMethod } {
  const n = sampleSize(c);
  const method = intervalMethod(c);
  if (method === 'wald') {
    const p = c.promoters / n;
    const d = c.detractors / n;
    return { centre: p - d, variance: trinomialVariance(p, d, n), method };
  }
  const adjustedN = n + 3;
  const p = (c.promoters + 0.75) / adjustedN;
  const d = (c.detractors + 0.75) / adjustedN;
  return { centre: p - d, variance: trinomialVariance(p, d, adjustedN), method };
}

const clip = (x: number) => Math.min(100, Math.max(-100, x));

/** NPS with its 95% interval (`z` may be changed for other confidence levels). */
export function computeNps(c: NpsCounts, z = Z_95): NpsResult {
  for (const [name, value] of Object.entries(c)) {
    if (!Number.isInteger(value) || value < 0) throw new RangeError(`${name} must be a count, got ${value}`);
  }
  const n = sampleSize(c);
  if (n === 0) return { ...c, n, nps: null, low: null, high: null, method: null };
  const { centre, variance, method } = npsEstimate(c);
  const half = z * Math.sqrt(variance);
  return {
    ...c,
    n,
    nps: (100 * (c.promoters - c.detractors)) / n,
    low: clip(100 * (centre - half)),
    high: clip(100 * (centre + half)),
    method,
  };
}
