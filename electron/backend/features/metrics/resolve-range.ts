import type { MetricRange } from '../../../../shared/features/metrics/api';
import type { MetricsRangeInput } from '../../../../shared/features/metrics/ipc';

const DAY_MS = 86_400_000;

/**
 * A preset's dates at `now` (UTC): "this quarter" runs from the first day of the calendar quarter,
 * "last 90 days" from 90 × 24 h ago; both end now.
 */
export function resolveRange(range: MetricsRangeInput, now: Date): MetricRange {
  if (range.preset === 'custom') return { from: range.from, to: range.to };
  const to = now.toISOString();
  if (range.preset === 'last90') return { from: new Date(now.getTime() - 90 * DAY_MS).toISOString(), to };
  const quarterStartMonth = Math.floor(now.getUTCMonth() / 3) * 3;
  return { from: new Date(Date.UTC(now.getUTCFullYear(), quarterStartMonth, 1)).toISOString(), to };
}
