import type { EnvironmentName } from '../catalog/api';
import type { DeploymentStatus, HealthState, RollbackAvailability } from './api';

/** The fields of a deployment the rollback rule reads (a synced Deployment has them all). */
export interface RollbackCandidate {
  id: string;
  version: string;
  status: DeploymentStatus;
  health: HealthState;
  startedAt: string;
  commitMessage: string;
  versionNumber: number | null;
}

const RAN: readonly DeploymentStatus[] = ['live', 'superseded', 'rolled_back'];

/**
 * Can this environment roll back now, and to what? The one rule the platform enforces and the app
 * explains: the target is the newest deployment started before the live one that was replaced by
 * a newer deploy (superseded, not itself rolled back), ran another commit and did not end
 * unhealthy. Reasons are sentences a person acts on.
 */
export function rollbackAvailability(
  environment: EnvironmentName,
  deployments: readonly RollbackCandidate[],
): RollbackAvailability {
  const unavailable = (reason: string): RollbackAvailability => ({ available: false, reason, target: null });
  if (deployments.some((d) => d.status === 'pending' || d.status === 'deploying')) {
    return unavailable(`a deploy is in progress in ${environment}; roll back once it has finished`);
  }
  const live = deployments.find((d) => d.status === 'live');
  if (!live) return unavailable(`nothing is live in ${environment}`);
  const liveStarted = Date.parse(live.startedAt);
  const target = deployments
    .filter(
      (d) =>
        d.status === 'superseded' &&
        d.version !== live.version &&
        d.health !== 'unhealthy' &&
        Date.parse(d.startedAt) < liveStarted,
    )
    .sort((a, b) => Date.parse(b.startedAt) - Date.parse(a.startedAt))[0];
  if (!target) {
    const versions = new Set(deployments.filter((d) => RAN.includes(d.status)).map((d) => d.version));
    return unavailable(
      versions.size <= 1
        ? 'only one version has run here'
        : `no earlier version ended healthy in ${environment}; deploy the version you want instead`,
    );
  }
  return {
    available: true,
    reason: null,
    target: {
      deploymentId: target.id,
      version: target.version,
      versionNumber: target.versionNumber,
      commitMessage: target.commitMessage,
    },
  };
}
