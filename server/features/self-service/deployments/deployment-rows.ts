import type { Pool } from 'pg';
import type { EnvironmentName } from '../../../../shared/features/catalog/api';
import type {
  CanaryState,
  Deployment,
  DeploymentStatus,
  GuardrailFinding,
  HealthState,
} from '../../../../shared/features/self-service/api';
import type { Tx } from '../../../db/transaction';
import { notFound } from '../../../http/api-error';
import { recordChange } from '../../../sync/change-log';

export interface DeploymentRow {
  id: string;
  service_id: string;
  environment: EnvironmentName;
  version: string;
  commit_message: string;
  committed_at: Date;
  status: DeploymentStatus;
  health: HealthState;
  health_checked_at: Date | null;
  unhealthy_since: Date | null;
  findings: GuardrailFinding[];
  previous_deployment_id: string | null;
  rolled_back_from_id: string | null;
  operation_id: string | null;
  requested_by: string;
  error: string | null;
  instance_port: number | null;
  started_at: Date;
  finished_at: Date | null;
  updated_at: Date;
  version_id: string | null;
  stable_port?: number | null;
  version_number?: number | null;
  canary_row?: CanaryJson | null;
}

/** A canary_releases row as row_to_json gives it (timestamps as text). */
export interface CanaryJson {
  deployment_id: string;
  status: CanaryState['status'];
  weight_percent: number;
  window_seconds: number;
  started_at: string | null;
  ends_at: string | null;
  stable_requests: number;
  stable_failures: number;
  canary_requests: number;
  canary_failures: number;
  reason: string | null;
  automatic: boolean | null;
  decided_at: string | null;
}

const iso = (date: Date | null) => (date ? date.toISOString() : null);
const isoText = (text: string | null) => (text ? new Date(text).toISOString() : null);

export const toCanaryState = (row: CanaryJson): CanaryState => ({
  deploymentId: row.deployment_id,
  status: row.status,
  weightPercent: row.weight_percent,
  windowSeconds: row.window_seconds,
  startedAt: isoText(row.started_at),
  endsAt: isoText(row.ends_at),
  stable: { requests: row.stable_requests, failures: row.stable_failures },
  canary: { requests: row.canary_requests, failures: row.canary_failures },
  reason: row.reason,
  automatic: row.automatic,
  decidedAt: isoText(row.decided_at),
});

export const toDeployment = (row: DeploymentRow): Deployment => ({
  id: row.id,
  serviceId: row.service_id,
  environment: row.environment,
  version: row.version,
  commitMessage: row.commit_message,
  committedAt: row.committed_at.toISOString(),
  status: row.status,
  health: row.health,
  healthCheckedAt: iso(row.health_checked_at),
  stablePort: row.stable_port ?? null,
  findings: row.findings,
  previousDeploymentId: row.previous_deployment_id,
  rolledBackFromId: row.rolled_back_from_id,
  operationId: row.operation_id,
  requestedBy: row.requested_by,
  error: row.error,
  startedAt: row.started_at.toISOString(),
  finishedAt: iso(row.finished_at),
  updatedAt: row.updated_at.toISOString(),
  versionId: row.version_id,
  versionNumber: row.version_number ?? null,
  canary: row.canary_row ? toCanaryState(row.canary_row) : null,
});

const SELECT = `SELECT d.*, r.port AS stable_port, v.number AS version_number, row_to_json(c) AS canary_row
  FROM deployments d
  LEFT JOIN service_routes r ON r.service_id = d.service_id AND r.environment = d.environment
  LEFT JOIN versions v ON v.id = d.version_id
  LEFT JOIN canary_releases c ON c.deployment_id = d.id`;

export async function getDeployment(db: Pool | Tx, id: string): Promise<Deployment> {
  const { rows } = await db.query<DeploymentRow>(`${SELECT} WHERE d.id = $1`, [id]);
  if (!rows[0]) throw notFound(`deployment ${id}`);
  return toDeployment(rows[0]);
}

export async function getDeploymentRow(db: Pool | Tx, id: string): Promise<DeploymentRow | null> {
  const { rows } = await db.query<DeploymentRow>(`${SELECT} WHERE d.id = $1`, [id]);
  return rows[0] ?? null;
}

export async function listDeployments(
  db: Pool | Tx,
  filter: { serviceId?: string; environment?: EnvironmentName; limit: number },
): Promise<Deployment[]> {
  const { rows } = await db.query<DeploymentRow>(
    `${SELECT} WHERE ($1::text IS NULL OR d.service_id = $1) AND ($2::text IS NULL OR d.environment = $2)
      ORDER BY d.started_at DESC, d.id LIMIT $3`,
    [filter.serviceId ?? null, filter.environment ?? null, filter.limit],
  );
  return rows.map(toDeployment);
}

export async function liveDeployment(
  db: Pool | Tx,
  serviceId: string,
  environment: string,
): Promise<DeploymentRow | null> {
  const { rows } = await db.query<DeploymentRow>(
    `${SELECT} WHERE d.service_id = $1 AND d.environment = $2 AND d.status = 'live'`,
    [serviceId, environment],
  );
  return rows[0] ?? null;
}

/** Applies `UPDATE deployments … WHERE id = $1 RETURNING id`, then logs the new state for sync. */
export async function updateDeployment(
  tx: Tx,
  id: string,
  set: string,
  params: unknown[] = [],
): Promise<Deployment | null> {
  const { rowCount } = await tx.query(
    `UPDATE deployments SET ${set}, updated_at = now() WHERE id = $1 RETURNING id`,
    [id, ...params],
  );
  if (!rowCount) return null;
  const deployment = await getDeployment(tx, id);
  await recordChange(tx, 'deployment', id, 'put', deployment);
  return deployment;
}
