import type { Database } from 'better-sqlite3';
import type { AlertRule } from '../../../../shared/features/self-service/api';
import { entityWriter } from '../../cache/synced-entities';
import { upsertSynced } from '../../cache/upsert-synced';

export function putAlertRule(db: Database, rule: AlertRule): void {
  upsertSynced(db, 'alert_rules', rule.id, { service_id: rule.serviceId }, rule);
}

/** Synced deployments, alert rules, incidents and published versions. */
export const selfServiceWriters = [
  entityWriter({
    entity: 'deployment',
    table: 'deployments',
    put: (db, d) =>
      upsertSynced(
        db,
        'deployments',
        d.id,
        { service_id: d.serviceId, environment: d.environment, status: d.status, started_at: d.startedAt },
        d,
      ),
  }),
  entityWriter({ entity: 'alert_rule', table: 'alert_rules', put: putAlertRule }),
  entityWriter({
    entity: 'version',
    table: 'versions',
    put: (db, v) => upsertSynced(db, 'versions', v.id, { service_id: v.serviceId, number: v.number }, v),
  }),
  entityWriter({
    entity: 'incident',
    table: 'incidents',
    put: (db, incident) =>
      upsertSynced(
        db,
        'incidents',
        incident.id,
        { service_id: incident.serviceId, status: incident.status, opened_at: incident.openedAt },
        incident,
      ),
  }),
];
