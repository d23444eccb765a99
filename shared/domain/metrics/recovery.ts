import type { DeployTimeline } from './deploy-timeline';
import { inRange, rangeMs, type MetricRange } from './time';

/**
 * Failed deployment recovery time (DORA), in seconds, median over two kinds of recovery:
 *   - an incident opened in the range and resolved: opened → resolved (whether or not a deploy caused
 *     it: the service was down either way);
 *   - a failed deploy in the range: failed → the service's next production deploy that went live
 *     (a deployment or a rollback: "rollback finished" is a recovery).
 * Open incidents and failed deploys not yet followed by a live one are not samples (yet).
 */
export function recoverySamples(timeline: DeployTimeline, range: MetricRange): number[] {
  const span = rangeMs(range);
  const samples: number[] = [];
  for (const incident of timeline.incidents) {
    if (!inRange(incident.openedAt, span) || incident.resolvedAt === null) continue;
    if (incident.resolvedAt < incident.openedAt) continue;
    samples.push((incident.resolvedAt - incident.openedAt) / 1000);
  }
  for (const failed of timeline.failedDeploys) {
    if (!inRange(failed.at, span) || failed.recoveredAt === null) continue;
    samples.push((failed.recoveredAt - failed.at) / 1000);
  }
  return samples;
}
