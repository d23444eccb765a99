import type { Database } from 'better-sqlite3';
import type { Deployment } from '../../../shared/api/deployments';
import type { AlertRule, Incident } from '../../../shared/api/incidents';
import { prepared } from '../cache/prepared';

/** Synced self-service entities → their cache tables (merged into catalog-writes' tableOf). */
export const selfServiceTables = {
  deployment: 'deployments',
  alert_rule: 'alert_rules',
  incident: 'incidents',
} as const;

export function putDeployment(db: Database, d: Deployment): void {
  prepared(
    db,
    `INSERT INTO deployments (id, service_id, environment, status, started_at, data) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET service_id = excluded.service_id, environment = excluded.environment,
       status = excluded.status, started_at = excluded.started_at, data = excluded.data`,
  ).run(d.id, d.serviceId, d.environment, d.status, d.startedAt, JSON.stringify(d));
}

export function putAlertRule(db: Database, rule: AlertRule): void {
  prepared(
    db,
    `INSERT INTO alert_rules (id, service_id, data) VALUES (?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET service_id = excluded.service_id, data = excluded.data`,
  ).run(rule.id, rule.serviceId, JSON.stringify(rule));
}

export function putIncident(db: Database, incident: Incident): void {
  prepared(
    db,
    `INSERT INTO incidents (id, service_id, status, opened_at, data) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET service_id = excluded.service_id, status = excluded.status,
       opened_at = excluded.opened_at, data = excluded.data`,
  ).run(incident.id, incident.serviceId, incident.status, incident.openedAt, JSON.stringify(incident));
}
