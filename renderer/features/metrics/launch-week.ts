import type { WeeklyPoint } from '../../../shared/features/metrics/api';

/**
 * The week (as the chart's x value) the launch falls in: the last week starting on or before the
 * launch date. Null when there is no launch date or it lies outside the weeks shown, so the chart
 * never marks a launch at the wrong edge.
 */
export function launchWeek(weekly: readonly WeeklyPoint[], launchDate: string | null): string | null {
  if (!launchDate || weekly.length === 0) return null;
  const launch = Date.parse(launchDate);
  let found: string | null = null;
  for (const point of weekly) {
    const start = Date.parse(`${point.weekStart}T00:00:00Z`);
    if (start <= launch) found = point.weekStart;
  }
  const last = weekly[weekly.length - 1];
  if (found === null || !last) return null;
  // Past the end of the last week shown: not in the chart.
  if (found === last.weekStart && launch >= Date.parse(`${last.weekStart}T00:00:00Z`) + 7 * 86_400_000)
    return null;
  return found;
}
