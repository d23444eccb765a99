/**
 * Change failure rate (DORA): deployments in the range that were change failures (a rollback, an
 * incident on the service or a failed deploy before its next deployment and within 24 h — see
 * deploy-timeline.ts) ÷ deployments in the range. Null without deployments.
 */
export const changeFailureRate = (failed: number, deployments: number): number | null =>
  deployments > 0 ? failed / deployments : null;
