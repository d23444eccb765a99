import { DAY_MS, toMs } from './time';

/**
 * Each service's production history, classified once, from which every DORA key is read
 * (docs/architecture.md, "Numbers"). The inputs are plain rows the caller has already narrowed to
 * the production environment and to its scope (org, team, service):
 *
 *   - a production deploy that went live (platform `deploy` event with result live, an imported
 *     deployment with status success) is a **deployment**: `failed` and `rollback` unset;
 *   - `failed`: a production deploy that failed (platform `deploy` with result failed — it never
 *     went live —, an imported deployment with status failure);
 *   - `rollback`: a rollback that went live (platform `rollback` event); it is a production deploy
 *     but not a deployment: DORA counts changes shipped, and a rollback ships none.
 *
 * A deployment is a **change failure** when something goes wrong with it before the service's
 * next deployment and within 24 hours (both bounds included: a signal at exactly 24 h counts; one
 * at the very instant of the next deployment belongs to that one): a rollback of the service, an
 * incident opened on the service in production, or a failed deploy of the service.
 *
 * Nothing here filters by range: pass the rows around the range too, so a deployment on the range's
 * last evening still sees the rollback the next morning, and a deploy on its first morning still
 * sees yesterday evening's failure (rework).
 */

export interface ProductionDeploy {
  serviceId: string;
  /** When it went live (or failed). */
  deployedAt: string;
  /** Commit time of what it shipped; null when unknown (an import without it). */
  committedAt: string | null;
  failed?: boolean;
  rollback?: boolean;
}

export interface ProductionIncident {
  /** Null for an incident not tied to a service: it still counts for recovery, never as a change failure. */
  serviceId: string | null;
  openedAt: string;
  /** Null while open. */
  resolvedAt: string | null;
}

/** The window after a deployment in which a rollback, incident or failed deploy makes it a change failure. */
export const CHANGE_FAILURE_WINDOW_MS = DAY_MS;
/** A deployment this soon after a failed one of the same service is rework. */
export const REWORK_WINDOW_MS = DAY_MS;

export interface ClassifiedDeployment {
  serviceId: string;
  at: number;
  committedAt: number | null;
  /** Followed by a rollback, incident or failed deploy (see above). */
  changeFailure: boolean;
  /** Within REWORK_WINDOW_MS after a failed deployment of the service (a change failure or a failed deploy). */
  rework: boolean;
}

export interface FailedDeploy {
  serviceId: string;
  at: number;
  /** The service's next production deploy that went live (a deployment or a rollback); null = not yet. */
  recoveredAt: number | null;
}

export interface Incident {
  serviceId: string | null;
  openedAt: number;
  resolvedAt: number | null;
}

export interface DeployTimeline {
  /** Every deployment, oldest first. */
  deployments: ClassifiedDeployment[];
  /** Rollback instants, oldest first. */
  rollbacks: number[];
  failedDeploys: FailedDeploy[];
  incidents: Incident[];
}

/** Index of the first value > `x` in an ascending array. */
function firstAfter(sorted: readonly number[], x: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((sorted[mid] as number) <= x) low = mid + 1;
    else high = mid;
  }
  return low;
}

interface ServiceRows {
  deployments: ClassifiedDeployment[];
  /** Instants of rollbacks, failed deploys and incidents opened: what makes a deployment a change failure. */
  signals: number[];
  /** Instants the service went live again: deployments and rollbacks. */
  wentLive: number[];
  failed: FailedDeploy[];
}

export function buildTimeline(
  deploys: readonly ProductionDeploy[],
  incidents: readonly ProductionIncident[],
): DeployTimeline {
  const services = new Map<string, ServiceRows>();
  const rowsOf = (serviceId: string): ServiceRows => {
    let rows = services.get(serviceId);
    if (!rows) {
      rows = { deployments: [], signals: [], wentLive: [], failed: [] };
      services.set(serviceId, rows);
    }
    return rows;
  };
  const rollbacks: number[] = [];
  for (const deploy of deploys) {
    const rows = rowsOf(deploy.serviceId);
    const at = toMs(deploy.deployedAt);
    if (deploy.failed) {
      rows.signals.push(at);
      rows.failed.push({ serviceId: deploy.serviceId, at, recoveredAt: null });
    } else if (deploy.rollback) {
      rows.signals.push(at);
      rows.wentLive.push(at);
      rollbacks.push(at);
    } else {
      rows.wentLive.push(at);
      rows.deployments.push({
        serviceId: deploy.serviceId,
        at,
        committedAt: deploy.committedAt === null ? null : toMs(deploy.committedAt),
        changeFailure: false,
        rework: false,
      });
    }
  }
  const parsedIncidents: Incident[] = incidents.map((incident) => ({
    serviceId: incident.serviceId,
    openedAt: toMs(incident.openedAt),
    resolvedAt: incident.resolvedAt === null ? null : toMs(incident.resolvedAt),
  }));
  for (const incident of parsedIncidents) {
    if (incident.serviceId !== null) rowsOf(incident.serviceId).signals.push(incident.openedAt);
  }

  const deployments: ClassifiedDeployment[] = [];
  const failedDeploys: FailedDeploy[] = [];
  const ascending = (a: number, b: number) => a - b;
  for (const rows of services.values()) {
    rows.deployments.sort((a, b) => a.at - b.at);
    rows.signals.sort(ascending);
    rows.wentLive.sort(ascending);
    rows.deployments.forEach((deployment, i) => {
      const next = rows.deployments[i + 1]?.at ?? Infinity;
      const signal = rows.signals[firstAfter(rows.signals, deployment.at)];
      deployment.changeFailure =
        signal !== undefined && signal - deployment.at <= CHANGE_FAILURE_WINDOW_MS && signal < next;
    });
    const failures = [
      ...rows.deployments.filter((deployment) => deployment.changeFailure).map((deployment) => deployment.at),
      ...rows.failed.map((failed) => failed.at),
    ].sort(ascending);
    for (const deployment of rows.deployments) {
      const previous = failures[firstAfter(failures, deployment.at - 1) - 1];
      deployment.rework = previous !== undefined && deployment.at - previous <= REWORK_WINDOW_MS;
      deployments.push(deployment);
    }
    for (const failed of rows.failed) {
      failed.recoveredAt = rows.wentLive[firstAfter(rows.wentLive, failed.at)] ?? null;
      failedDeploys.push(failed);
    }
  }
  deployments.sort((a, b) => a.at - b.at);
  rollbacks.sort(ascending);
  return { deployments, rollbacks, failedDeploys, incidents: parsedIncidents };
}
