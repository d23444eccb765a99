/**
 * The median of the DORA durations and of onboarding times. For an even count it is the mean of
 * the two middle values — what PostgreSQL's `percentile_cont(0.5)` returns, so the platform's SQL
 * and these functions agree on the same data. Null when there is nothing to take the median of.
 */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  const upper = sorted[middle] as number;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] as number) + upper) / 2;
}
