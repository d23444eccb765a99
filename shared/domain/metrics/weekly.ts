import { buildTimeline, type ProductionDeploy, type ProductionIncident } from './deploy-timeline';
import { median } from './median';
import { WEEK_MS, inRange, isoDate, rangeMs, weekStartMs, type MetricRange } from './time';

/**
 * The weekly trend of the Metrics page: one point per ISO week (Monday, UTC) touching the range,
 * empty weeks included so a chart's gaps are real. Only what falls inside the range counts, so the
 * first and last weeks may be partial. `failures` are change-failure deployments (by their deploy
 * week); `incidents` are production incidents opened that week.
 */
export interface WeeklyPoint {
  weekStart: string;
  deployments: number;
  leadTimeMedianSeconds: number | null;
  failures: number;
  incidents: number;
}

export function weeklyTrend(
  deploys: readonly ProductionDeploy[],
  incidents: readonly ProductionIncident[],
  range: MetricRange,
): WeeklyPoint[] {
  const span = rangeMs(range);
  if (span.to <= span.from) return [];
  const first = weekStartMs(span.from);
  const weeks = Math.floor((weekStartMs(span.to - 1) - first) / WEEK_MS) + 1;
  const points = Array.from({ length: weeks }, (_, i) => ({
    weekStart: isoDate(first + i * WEEK_MS),
    deployments: 0,
    leadTimes: [] as number[],
    failures: 0,
    incidents: 0,
  }));
  const weekOf = (at: number) => points[Math.floor((weekStartMs(at) - first) / WEEK_MS)];
  const timeline = buildTimeline(deploys, incidents);
  for (const deployment of timeline.deployments) {
    const point = inRange(deployment.at, span) ? weekOf(deployment.at) : undefined;
    if (!point) continue;
    point.deployments++;
    if (deployment.changeFailure) point.failures++;
    if (deployment.committedAt !== null && deployment.committedAt <= deployment.at) {
      point.leadTimes.push((deployment.at - deployment.committedAt) / 1000);
    }
  }
  for (const incident of timeline.incidents) {
    const point = inRange(incident.openedAt, span) ? weekOf(incident.openedAt) : undefined;
    if (point) point.incidents++;
  }
  return points.map(({ leadTimes, ...point }) => ({ ...point, leadTimeMedianSeconds: median(leadTimes) }));
}
