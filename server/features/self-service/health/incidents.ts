import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import type { EnvironmentName } from '../../../../shared/features/catalog/api';
import type { Incident } from '../../../../shared/features/self-service/api';
import { writeAudit } from '../../../audit/audit-log';
import type { Tx } from '../../../db/transaction';
import { recordChange } from '../../../sync/change-log';
import { recordEvent } from '../../events/public';

interface IncidentRow {
  id: string;
  service_id: string;
  environment: EnvironmentName;
  alert_rule_id: string | null;
  deployment_id: string | null;
  title: string;
  status: 'open' | 'resolved';
  opened_at: Date;
  resolved_at: Date | null;
}

const toIncident = (row: IncidentRow): Incident => ({
  id: row.id,
  serviceId: row.service_id,
  environment: row.environment,
  alertRuleId: row.alert_rule_id,
  deploymentId: row.deployment_id,
  title: row.title,
  status: row.status,
  openedAt: row.opened_at.toISOString(),
  resolvedAt: row.resolved_at ? row.resolved_at.toISOString() : null,
});

export async function listIncidents(
  db: Pool | Tx,
  filter: { serviceId?: string; status?: 'open' | 'resolved'; limit: number },
): Promise<Incident[]> {
  const { rows } = await db.query<IncidentRow>(
    `SELECT * FROM incidents WHERE ($1::text IS NULL OR service_id = $1) AND ($2::text IS NULL OR status = $2)
      ORDER BY opened_at DESC LIMIT $3`,
    [filter.serviceId ?? null, filter.status ?? null, filter.limit],
  );
  return rows.map(toIncident);
}

/** Opens an incident unless one is already open for the service+environment (the unique index). */
export async function openIncident(
  tx: Tx,
  target: {
    serviceId: string;
    environment: EnvironmentName;
    alertRuleId: string | null;
    deploymentId: string;
    title: string;
    openedAt: Date;
  },
): Promise<Incident | null> {
  const { rows } = await tx.query<IncidentRow>(
    `INSERT INTO incidents (id, service_id, environment, alert_rule_id, deployment_id, title, status, opened_at)
     VALUES ($1, $2, $3, $4, $5, $6, 'open', $7)
     ON CONFLICT (service_id, environment) WHERE status = 'open' DO NOTHING RETURNING *`,
    [
      randomUUID(),
      target.serviceId,
      target.environment,
      target.alertRuleId,
      target.deploymentId,
      target.title,
      target.openedAt,
    ],
  );
  if (!rows[0]) return null;
  const incident = toIncident(rows[0]);
  await recordChange(tx, 'incident', incident.id, 'put', incident);
  await writeAudit(tx, null, 'incident.open', 'incident', incident.id, { serviceId: target.serviceId });
  await recordEvent(tx, {
    kind: 'incident_opened',
    serviceId: target.serviceId,
    environment: target.environment,
    at: incident.openedAt,
    data: { incidentId: incident.id, deploymentId: incident.deploymentId },
  });
  return incident;
}

export async function resolveIncidents(tx: Tx, serviceId: string, environment: string): Promise<Incident[]> {
  const { rows } = await tx.query<IncidentRow>(
    `UPDATE incidents SET status = 'resolved', resolved_at = now()
      WHERE service_id = $1 AND environment = $2 AND status = 'open' RETURNING *`,
    [serviceId, environment],
  );
  const incidents = rows.map(toIncident);
  for (const incident of incidents) {
    await recordChange(tx, 'incident', incident.id, 'put', incident);
    await writeAudit(tx, null, 'incident.resolve', 'incident', incident.id, { serviceId });
    await recordEvent(tx, {
      kind: 'incident_resolved',
      serviceId,
      environment: incident.environment,
      data: { incidentId: incident.id, openedAt: incident.openedAt },
    });
  }
  return incidents;
}
