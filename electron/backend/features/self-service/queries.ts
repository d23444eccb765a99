import type { Database } from 'better-sqlite3';
import { EnvironmentName } from '../../../../shared/features/catalog/api';
import {
  AlertRule,
  Deployment,
  Incident,
  ServiceVersion,
  type EnvironmentDeployments,
  type IncidentView,
  type QueuedAction,
  type ServiceDeployments,
} from '../../../../shared/features/self-service/api';
import { rollbackAvailability } from '../../../../shared/features/self-service/rollback-rule';
import { visibleOutbox } from '../../outbox/outbox-store';

const HISTORY_PER_ENVIRONMENT = 20;
const INCIDENT_LIMIT = 500;

/**
 * Per environment: the live version, its health, the recent history, whether Roll back can run
 * (and why not) and the running canary; plus queued actions and the published versions.
 */
export function serviceDeployments(db: Database, serviceId: string): ServiceDeployments {
  const rows = db
    .prepare('SELECT data FROM deployments WHERE service_id = ? ORDER BY started_at DESC')
    .all(serviceId) as { data: string }[];
  const all = rows.map((row) => Deployment.parse(JSON.parse(row.data)));
  const environments: EnvironmentDeployments[] = EnvironmentName.options.map((environment) => {
    const history = all.filter((d) => d.environment === environment);
    const live = history.find((d) => d.status === 'live') ?? null;
    const canary =
      history.find((d) => d.canary?.status === 'starting' || d.canary?.status === 'analysing')?.canary ??
      null;
    return {
      environment,
      live,
      health: live?.health ?? 'unknown',
      history: history.slice(0, HISTORY_PER_ENVIRONMENT),
      // The whole cached history, not the page shown: the target may be older than 20 deploys.
      rollback: rollbackAvailability(environment, history),
      canary,
    };
  });
  const queued: QueuedAction[] = [];
  for (const entry of visibleOutbox(db)) {
    if (entry.name !== 'service.deploy' && entry.name !== 'service.rollback') continue;
    const args = entry.args as { serviceId?: unknown; environment?: unknown };
    if (args.serviceId !== serviceId) continue;
    const environment = EnvironmentName.safeParse(args.environment);
    queued.push({
      mutationId: entry.mutationId,
      name: entry.name,
      environment: environment.success ? environment.data : null,
      idempotencyKey: entry.idempotencyKey,
      createdAt: entry.createdAt,
      status: entry.status === 'discarded' ? 'rejected' : entry.status,
      reason: entry.reason,
    });
  }
  const versions = (
    db.prepare('SELECT data FROM versions WHERE service_id = ? ORDER BY number DESC').all(serviceId) as {
      data: string;
    }[]
  ).map((row) => ServiceVersion.parse(JSON.parse(row.data)));
  return { serviceId, environments, queued, versions };
}

/** A service's alert rules (one per environment at most). */
export function listAlertRules(db: Database, serviceId: string): AlertRule[] {
  const rows = db.prepare('SELECT data FROM alert_rules WHERE service_id = ?').all(serviceId) as {
    data: string;
  }[];
  return rows.map((row) => AlertRule.parse(JSON.parse(row.data)));
}

/** Incidents, open first then newest, with their service's name and owner team. */
export function listIncidentViews(db: Database): IncidentView[] {
  const rows = db
    .prepare(
      `SELECT i.data, s.name AS service_name, s.owner_team_id
         FROM incidents i LEFT JOIN services s ON s.id = i.service_id
        ORDER BY i.status = 'open' DESC, i.opened_at DESC LIMIT ?`,
    )
    .all(INCIDENT_LIMIT) as { data: string; service_name: string | null; owner_team_id: string | null }[];
  return rows.map((row) => ({
    ...Incident.parse(JSON.parse(row.data)),
    serviceName: row.service_name,
    ownerTeamId: row.owner_team_id,
  }));
}
