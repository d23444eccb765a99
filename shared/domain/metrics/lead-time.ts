import type { DeployTimeline } from './deploy-timeline';
import { inRange, rangeMs, type MetricRange } from './time';

/**
 * Lead time for changes (DORA): deploy time − commit time of each deployment in the range, in
 * seconds; the key is their median. A deployment without a commit time is skipped here (it still
 * counts as a deployment), and so is one whose commit time is after its deploy time (bad data: a
 * negative lead time says nothing about speed).
 */
export function leadTimeSamples(timeline: DeployTimeline, range: MetricRange): number[] {
  const span = rangeMs(range);
  const samples: number[] = [];
  for (const deployment of timeline.deployments) {
    if (!inRange(deployment.at, span)) continue;
    if (deployment.committedAt === null || deployment.committedAt > deployment.at) continue;
    samples.push((deployment.at - deployment.committedAt) / 1000);
  }
  return samples;
}

const HOUR = 3600;
const DAY = 24 * HOUR;

/**
 * The lead-time distribution's buckets, on the DORA band boundaries (a day, a week, 30 days) plus
 * an hour, so the chart reads against the bands. Each bucket holds `seconds < below`.
 */
export const LEAD_TIME_BUCKETS: readonly { bucket: string; below: number }[] = [
  { bucket: '< 1 h', below: HOUR },
  { bucket: '1 h – 1 d', below: DAY },
  { bucket: '1 d – 1 w', below: 7 * DAY },
  { bucket: '1 w – 30 d', below: 30 * DAY },
  { bucket: '≥ 30 d', below: Infinity },
];

export function leadTimeHistogram(samples: readonly number[]): { bucket: string; count: number }[] {
  const counts = LEAD_TIME_BUCKETS.map(({ bucket }) => ({ bucket, count: 0 }));
  for (const seconds of samples) {
    const index = LEAD_TIME_BUCKETS.findIndex(({ below }) => seconds < below);
    (counts[index] as { count: number }).count++;
  }
  return counts;
}
