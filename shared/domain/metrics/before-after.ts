import { buildTimeline, type ProductionDeploy, type ProductionIncident } from './deploy-timeline';
import { doraKeysOf, type DoraKeys } from './dora';
import { doraImprovement, type Improvement, type ImprovementKey } from './improvement';
import { rangeMs, toMs, type MetricRange } from './time';

/**
 * Before and after the platform (issue 10): a launch date — org-wide, or the day a team first used
 * the platform — splits the chosen range.
 *   - launch inside the range: before = [from, launch), after = [launch, to);
 *   - launch outside it (a lead looking at the last 90 days, a year after launch): the range is the
 *     one side, and the other side is as long, on the other side of the launch — so "after" is now
 *     and "before" is the same stretch of time just before the platform;
 *   - no launch date: before is the same stretch just before the range (the previous period).
 * Rates are per day and keys are medians or ratios, so sides of different lengths still compare.
 */
export function beforeAfterRanges(
  range: MetricRange,
  launchDate: string | null,
): { before: MetricRange; after: MetricRange } {
  const { from, to } = rangeMs(range);
  const length = to - from;
  const iso = (ms: number) => new Date(ms).toISOString();
  if (launchDate === null) {
    return { before: { from: iso(from - length), to: iso(from) }, after: { from: iso(from), to: iso(to) } };
  }
  const launch = toMs(launchDate);
  if (launch <= from) {
    return {
      before: { from: iso(launch - length), to: iso(launch) },
      after: { from: iso(from), to: iso(to) },
    };
  }
  if (launch >= to) {
    return {
      before: { from: iso(from), to: iso(to) },
      after: { from: iso(launch), to: iso(launch + length) },
    };
  }
  return { before: { from: iso(from), to: iso(launch) }, after: { from: iso(launch), to: iso(to) } };
}

export type DoraPeriod = DoraKeys & MetricRange;

export interface BeforeAfter {
  launchDate: string | null;
  before: DoraPeriod;
  after: DoraPeriod;
  improvement: Record<ImprovementKey, Improvement>;
}

/** The before/after table from one scope's production deploys and incidents (all of them, both periods). */
export function computeBeforeAfter(
  deploys: readonly ProductionDeploy[],
  incidents: readonly ProductionIncident[],
  range: MetricRange,
  launchDate: string | null,
): BeforeAfter {
  const timeline = buildTimeline(deploys, incidents);
  const ranges = beforeAfterRanges(range, launchDate);
  const before = { ...doraKeysOf(timeline, ranges.before), ...ranges.before };
  const after = { ...doraKeysOf(timeline, ranges.after), ...ranges.after };
  return { launchDate, before, after, improvement: doraImprovement(before, after) };
}
