import type { Database } from 'better-sqlite3';
import type { Deployment } from '../../../shared/features/self-service/api';
import type { AlertRule, Incident } from '../../../shared/features/self-service/api';
import { upsertSynced } from '../cache/upsert-synced';

/** Synced self-service entities → their cache tables (merged into catalog-writes' tableOf). */
export const selfServiceTables = {
  deployment: 'deployments',
  alert_rule: 'alert_rules',
  incident: 'incidents',
} as const;

export function putDeployment(db: Database, d: Deployment): void {
  upsertSynced(
    db,
    'deployments',
    d.id,
    { service_id: d.serviceId, environment: d.environment, status: d.status, started_at: d.startedAt },
    d,
  );
}

export function putAlertRule(db: Database, rule: AlertRule): void {
  upsertSynced(db, 'alert_rules', rule.id, { service_id: rule.serviceId }, rule);
}

export function putIncident(db: Database, incident: Incident): void {
  upsertSynced(
    db,
    'incidents',
    incident.id,
    { service_id: incident.serviceId, status: incident.status, opened_at: incident.openedAt },
    incident,
  );
}
