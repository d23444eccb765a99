/** Likert (1–5) distributions. Pure: a histogram in, shares and mean out. */

export const LIKERT_POINTS = [1, 2, 3, 4, 5] as const;

export interface LikertSummary {
  n: number;
  /** counts[i] = answers with value i + 1. */
  counts: [number, number, number, number, number];
  /** Shares of n, same order; all 0 when n = 0. */
  shares: [number, number, number, number, number];
  mean: number | null;
  /** Share answering 4 or 5 ("top-two box"). */
  favorable: number | null;
}

export function summarizeLikert(counts: readonly number[]): LikertSummary {
  if (counts.length !== 5) throw new RangeError(`a Likert histogram has 5 counts, got ${counts.length}`);
  const c = counts.map((x) => {
    if (!Number.isInteger(x) || x < 0) throw new RangeError(`a Likert count must be a count, got ${x}`);
    return x;
  }) as LikertSummary['counts'];
  const n = c.reduce((a, b) => a + b, 0);
  if (n === 0) return { n, counts: c, shares: [0, 0, 0, 0, 0], mean: null, favorable: null };
  const sum = c.reduce((acc, count, i) => acc + count * (i + 1), 0);
  return {
    n,
    counts: c,
    shares: c.map((x) => x / n) as LikertSummary['shares'],
    mean: sum / n,
    favorable: (c[3] + c[4]) / n,
  };
}

export function likertHistogram(values: Iterable<number>): LikertSummary['counts'] {
  const counts = [0, 0, 0, 0, 0];
  for (const v of values) {
    if (!Number.isInteger(v) || v < 1 || v > 5) throw new RangeError(`a Likert answer is 1–5, got ${v}`);
    counts[v - 1] = (counts[v - 1] ?? 0) + 1;
  }
  return counts as LikertSummary['counts'];
}
