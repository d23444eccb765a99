import { changeFailureBand, frequencyBand, leadTimeBand, recoveryBand, type Band } from './bands';
import {
  buildTimeline,
  type DeployTimeline,
  type ProductionDeploy,
  type ProductionIncident,
} from './deploy-timeline';
import { changeFailureRate } from './change-failure';
import { deploymentsPerDay } from './frequency';
import { leadTimeSamples } from './lead-time';
import { median } from './median';
import { recoverySamples } from './recovery';
import { reworkRate } from './rework';
import { inRange, rangeMs, type MetricRange } from './time';

/** The four DORA keys plus rework rate, with their bands (the shape of `DoraKeys` in the metrics API). */
export interface DoraKeys {
  deploymentsPerDay: number | null;
  deploymentsPerWeek: number | null;
  deployments: number;
  frequencyBand: Band;
  leadTimeMedianSeconds: number | null;
  leadTimeBand: Band;
  leadTimeSamples: number;
  /** 0..1 */
  changeFailureRate: number | null;
  changeFailureBand: Band;
  failedDeployments: number;
  recoveryMedianSeconds: number | null;
  recoveryBand: Band;
  recoveries: number;
  /** 0..1 */
  reworkRate: number | null;
}

/**
 * What the keys are computed from: counts and medians over one range (see each key's file for what
 * is counted). The platform gets them from one SQL aggregate, these functions from a timeline; the
 * arithmetic after — rates, bands — is this one function on both.
 */
export interface DoraCounts {
  /** Production deploys that went live, rollbacks excluded. */
  deployments: number;
  /** Rollbacks that went live. */
  rollbacks: number;
  /** Deployments that were change failures. */
  failed: number;
  /** Deployments within 24 h after a failed deployment of their service. */
  reworked: number;
  leadMedian: number | null;
  leadSamples: number;
  recoveryMedian: number | null;
  recoveries: number;
}

export function doraFromCounts(counts: DoraCounts, range: MetricRange): DoraKeys {
  const perDay = deploymentsPerDay(counts.deployments, range);
  const failureRate = changeFailureRate(counts.failed, counts.deployments);
  return {
    deploymentsPerDay: perDay,
    deploymentsPerWeek: perDay === null ? null : perDay * 7,
    deployments: counts.deployments,
    frequencyBand: frequencyBand(perDay),
    leadTimeMedianSeconds: counts.leadMedian,
    leadTimeBand: leadTimeBand(counts.leadMedian),
    leadTimeSamples: counts.leadSamples,
    changeFailureRate: failureRate,
    changeFailureBand: changeFailureBand(failureRate),
    failedDeployments: counts.failed,
    recoveryMedianSeconds: counts.recoveryMedian,
    recoveryBand: recoveryBand(counts.recoveryMedian),
    recoveries: counts.recoveries,
    reworkRate: reworkRate(counts.reworked, counts.rollbacks, counts.deployments),
  };
}

/** The counts of one range from a timeline built once (several ranges — before/after — share it). */
export function doraCountsOf(timeline: DeployTimeline, range: MetricRange): DoraCounts {
  const span = rangeMs(range);
  let deployments = 0;
  let failed = 0;
  let reworked = 0;
  for (const deployment of timeline.deployments) {
    if (!inRange(deployment.at, span)) continue;
    deployments++;
    if (deployment.changeFailure) failed++;
    if (deployment.rework) reworked++;
  }
  const lead = leadTimeSamples(timeline, range);
  const restore = recoverySamples(timeline, range);
  return {
    deployments,
    rollbacks: timeline.rollbacks.filter((at) => inRange(at, span)).length,
    failed,
    reworked,
    leadMedian: median(lead),
    leadSamples: lead.length,
    recoveryMedian: median(restore),
    recoveries: restore.length,
  };
}

export const doraKeysOf = (timeline: DeployTimeline, range: MetricRange): DoraKeys =>
  doraFromCounts(doraCountsOf(timeline, range), range);

/** DORA for one scope and range, from its production deploys and incidents (see deploy-timeline.ts). */
export function computeDora(
  deploys: readonly ProductionDeploy[],
  incidents: readonly ProductionIncident[],
  range: MetricRange,
): DoraKeys {
  return doraKeysOf(buildTimeline(deploys, incidents), range);
}
