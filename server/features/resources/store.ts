import type { Pool } from 'pg';
import type { EnvironmentName } from '../../../shared/features/catalog/api';
import {
  resourceSecretNames,
  type Resource,
  type ResourceKind,
  type ResourceSize,
  type ResourceStatus,
} from '../../../shared/features/resources/api';
import type { Tx } from '../../db/transaction';
import { notFound } from '../../http/api-error';
import { recordChange } from '../../sync/change-log';

interface ResourceRow {
  id: string;
  service_id: string;
  environment: EnvironmentName;
  kind: ResourceKind;
  size: ResourceSize;
  status: ResourceStatus;
  monthly_cost_usd: string;
  connection: Record<string, string | number>;
  operation_id: string | null;
  created_by: string;
  created_at: Date;
  updated_at: Date;
}

const toResource = (row: ResourceRow): Resource => ({
  id: row.id,
  serviceId: row.service_id,
  environment: row.environment,
  kind: row.kind,
  size: row.size,
  status: row.status,
  monthlyCostUsd: Number(row.monthly_cost_usd),
  connection: row.connection,
  secretNames: resourceSecretNames[row.kind],
  operationId: row.operation_id,
  createdBy: row.created_by,
  createdAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
});

/** Logs the row for sync; a deleted resource syncs as a tombstone so clients drop it. */
async function logResource(tx: Tx, resource: Resource): Promise<Resource> {
  if (resource.status === 'deleted') await recordChange(tx, 'resource', resource.id, 'del', null);
  else await recordChange(tx, 'resource', resource.id, 'put', resource);
  return resource;
}

export async function insertResource(
  tx: Tx,
  resource: Pick<
    Resource,
    'id' | 'serviceId' | 'environment' | 'kind' | 'size' | 'monthlyCostUsd' | 'operationId' | 'createdBy'
  >,
): Promise<Resource> {
  const { rows } = await tx.query<ResourceRow>(
    `INSERT INTO resources (id, service_id, environment, kind, size, status, monthly_cost_usd, operation_id, created_by)
     VALUES ($1, $2, $3, $4, $5, 'provisioning', $6, $7, $8) RETURNING *`,
    [
      resource.id,
      resource.serviceId,
      resource.environment,
      resource.kind,
      resource.size,
      resource.monthlyCostUsd,
      resource.operationId,
      resource.createdBy,
    ],
  );
  return logResource(tx, toResource(rows[0] as ResourceRow));
}

export async function updateResource(
  tx: Tx,
  id: string,
  patch: { status?: ResourceStatus; connection?: Record<string, string | number>; operationId?: string },
): Promise<Resource | null> {
  const { rows } = await tx.query<ResourceRow>(
    `UPDATE resources SET status = COALESCE($2, status), connection = COALESCE($3, connection),
            operation_id = COALESCE($4, operation_id), updated_at = now()
      WHERE id = $1 RETURNING *`,
    [
      id,
      patch.status ?? null,
      patch.connection ? JSON.stringify(patch.connection) : null,
      patch.operationId ?? null,
    ],
  );
  return rows[0] ? logResource(tx, toResource(rows[0])) : null;
}

export async function getResource(
  db: Pool | Tx,
  id: string,
  options: { lock?: boolean } = {},
): Promise<Resource> {
  const { rows } = await db.query<ResourceRow>(
    `SELECT * FROM resources WHERE id = $1 AND status <> 'deleted'${options.lock ? ' FOR UPDATE' : ''}`,
    [id],
  );
  if (!rows[0]) throw notFound(`resource ${id}`);
  return toResource(rows[0]);
}

export async function listResources(db: Pool | Tx, serviceId: string): Promise<Resource[]> {
  const { rows } = await db.query<ResourceRow>(
    "SELECT * FROM resources WHERE service_id = $1 AND status <> 'deleted' ORDER BY created_at, id",
    [serviceId],
  );
  return rows.map(toResource);
}
