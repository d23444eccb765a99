/**
 * Rework rate (DORA 2024's fifth key: unplanned deploys made because of a production problem):
 * production deploys in the range that are rollbacks, or deployments within 24 h after a failed
 * deployment of the same service (a change failure or a failed deploy — see deploy-timeline.ts), ÷
 * production deploys in the range that went live (deployments + rollbacks). Rollbacks are in the
 * denominator too — they are production deploys — which keeps the rate within 0..1. Null when
 * nothing went live.
 */
export function reworkRate(reworked: number, rollbacks: number, deployments: number): number | null {
  const wentLive = deployments + rollbacks;
  return wentLive > 0 ? (reworked + rollbacks) / wentLive : null;
}
