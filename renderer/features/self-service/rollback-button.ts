import type { Deployment, RollbackAvailability } from '../../../shared/features/self-service/api';

const short = (sha: string) => sha.slice(0, 7);

/** "v3 · abc1234", or the short sha alone for deploys older than versions. */
export const versionLabel = (deployment: Pick<Deployment, 'version' | 'versionNumber'>) =>
  deployment.versionNumber !== null
    ? `v${deployment.versionNumber} · ${short(deployment.version)}`
    : short(deployment.version);

/**
 * Roll back's state: enabled, or disabled with the reason shown next to it and as its title, so
 * the button never stays disabled without an explanation.
 */
export function rollbackButtonState(
  availability: RollbackAvailability,
  queued: boolean,
): { enabled: boolean; reason: string | null; title: string } {
  if (queued) {
    const reason = 'a deploy or rollback is queued here; it runs when the platform is reachable';
    return { enabled: false, reason, title: `Roll back is unavailable: ${reason}` };
  }
  if (!availability.available || !availability.target) {
    const reason = availability.reason ?? 'nothing to roll back to';
    return { enabled: false, reason, title: `Roll back is unavailable: ${reason}` };
  }
  const target = availability.target;
  return {
    enabled: true,
    reason: null,
    title: `Roll back to ${target.versionNumber !== null ? `v${target.versionNumber} · ` : ''}${short(target.version)} ${target.commitMessage}`,
  };
}
