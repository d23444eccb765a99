import type { TrafficCount } from '../../../../shared/features/self-service/api';

/** Below this many canary requests the error rate says nothing: decide on health alone. */
export const MIN_CANARY_REQUESTS = 20;
/** The canary may fail at most max(1 %, stable's rate + 5 points) of its requests. */
export const MAX_ERROR_RATE_FLOOR = 0.01;
export const MAX_ERROR_RATE_MARGIN = 0.05;
/** Failed health probes in a row that abort the canary (one slow probe under load is not a crash). */
export const UNHEALTHY_PROBES_TO_ABORT = 2;

export interface CanaryObservation {
  /** The canary's process is gone (crashed or killed). */
  canaryExited: boolean;
  /** Consecutive failed health probes of the canary and of the stable version. */
  canaryUnhealthyProbes: number;
  stableUnhealthyProbes: number;
  stable: TrafficCount;
  canary: TrafficCount;
  /** The analysis window is over. */
  windowOver: boolean;
}

export type CanaryVerdict = { decision: 'promote' | 'abort'; reason: string } | { decision: 'continue' };

const rate = (count: TrafficCount) => (count.requests === 0 ? 0 : count.failures / count.requests);
const percent = (value: number) => `${(value * 100).toFixed(1)} %`;

/** The error-rate threshold the canary is held to, given the stable version's rate. */
export const errorRateThreshold = (stable: TrafficCount) =>
  Math.max(MAX_ERROR_RATE_FLOOR, rate(stable) + MAX_ERROR_RATE_MARGIN);

/** The rule in words, written into the operation log when the analysis starts. */
export const CANARY_RULE = `abort at once if the canary exits or fails ${UNHEALTHY_PROBES_TO_ABORT} health probes in a row, or if it has answered at least ${MIN_CANARY_REQUESTS} requests and its error rate (5xx or upstream errors) exceeds max(${percent(MAX_ERROR_RATE_FLOOR)}, stable's rate + ${MAX_ERROR_RATE_MARGIN * 100} points); at the end of the window promote it, on error rate when it has answered at least ${MIN_CANARY_REQUESTS} requests and on health alone otherwise`;

/**
 * One analysis tick of a canary (see CANARY_RULE). Abort is decided as soon as it is clearly
 * warranted; promotion only at the end of the window. The stable version's own health does not
 * block a promotion (a sick stable is a reason to move on, not to stay), but its error rate sets
 * the bar the canary is compared with.
 */
export function judgeCanary(observation: CanaryObservation): CanaryVerdict {
  const { canary, stable } = observation;
  if (observation.canaryExited) {
    return { decision: 'abort', reason: 'the canary process exited during the analysis' };
  }
  if (observation.canaryUnhealthyProbes >= UNHEALTHY_PROBES_TO_ABORT) {
    return {
      decision: 'abort',
      reason: `the canary failed ${observation.canaryUnhealthyProbes} health checks in a row`,
    };
  }
  const threshold = errorRateThreshold(stable);
  const counted = canary.requests >= MIN_CANARY_REQUESTS;
  if (counted && rate(canary) > threshold) {
    return {
      decision: 'abort',
      reason: `canary error rate ${percent(rate(canary))} (${canary.failures} of ${canary.requests} requests) exceeds the threshold ${percent(threshold)} (stable: ${percent(rate(stable))}, ${stable.failures} of ${stable.requests})`,
    };
  }
  if (!observation.windowOver) return { decision: 'continue' };
  const stableNote =
    observation.stableUnhealthyProbes > 0 ? '; the stable version was failing its health check' : '';
  if (counted) {
    return {
      decision: 'promote',
      reason: `canary error rate ${percent(rate(canary))} (${canary.failures} of ${canary.requests} requests) stayed within ${percent(threshold)} (stable: ${percent(rate(stable))}) and it stayed healthy for the whole window${stableNote}`,
    };
  }
  return {
    decision: 'promote',
    reason: `only ${canary.requests} request(s) reached the canary (fewer than ${MIN_CANARY_REQUESTS}), so it was judged on health alone: it stayed healthy for the whole window${stableNote}`,
  };
}
