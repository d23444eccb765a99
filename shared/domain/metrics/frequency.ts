import { DAY_MS, rangeMs, type MetricRange } from './time';

/**
 * Deployment frequency (DORA): deployments in the range ÷ the range's length in days (fractional:
 * 36 hours is 1.5 days); per week = per day × 7. Null when the range holds no deployment — no data,
 * not "low" — so an empty period before the platform reads "no data" rather than a band.
 */
export function deploymentsPerDay(deployments: number, range: MetricRange): number | null {
  const span = rangeMs(range);
  const days = (span.to - span.from) / DAY_MS;
  return deployments > 0 && days > 0 ? deployments / days : null;
}
