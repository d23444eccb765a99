import { randomUUID } from 'node:crypto';
import { estimateResource, type ResourceProvision } from '../../../shared/features/resources/api';
import type { Principal } from '../../auth/tokens';
import type { Tx } from '../../db/transaction';
import { ApiError, conflict } from '../../http/api-error';
import { createOperation } from '../operations/public';
import { assertCanActOnService } from '../catalog/public';
import { REDIS_NOT_CONFIGURED_MESSAGE, type ResourceConfig } from './config';
import { getResource, insertResource, updateResource } from './store';

/**
 * Provision = a placeholder resource row (status provisioning) + a queued operation, in one
 * transaction. REST and the pushed mutation both call this, each with its idempotency key, so a
 * retry returns the first operation instead of provisioning twice.
 */
export async function requestProvision(
  tx: Tx,
  principal: Principal,
  config: ResourceConfig,
  serviceId: string,
  request: ResourceProvision,
  idempotencyKey: string | null,
): Promise<{ operationId: string; resourceId: string }> {
  await assertCanActOnService(tx, principal, serviceId);
  if (request.kind !== 'postgres' && !config.redisUrl) {
    throw new ApiError(409, 'redis_not_configured', REDIS_NOT_CONFIGURED_MESSAGE);
  }
  const resourceId = randomUUID();
  const { operation, created } = await createOperation(tx, principal, {
    kind: 'resource.provision',
    serviceId,
    environment: request.environment,
    input: { resourceId, kind: request.kind, size: request.size },
    idempotencyKey,
  });
  const existingId = String(operation.input.resourceId);
  if (!created) return { operationId: operation.id, resourceId: existingId };
  await insertResource(tx, {
    id: resourceId,
    serviceId,
    environment: request.environment,
    kind: request.kind,
    size: request.size,
    monthlyCostUsd: estimateResource(request.kind, request.size).monthlyCostUsd,
    operationId: operation.id,
    createdBy: principal.userId,
  });
  return { operationId: operation.id, resourceId };
}

export async function requestDeprovision(
  tx: Tx,
  principal: Principal,
  resourceId: string,
  idempotencyKey: string | null,
): Promise<{ operationId: string; resourceId: string }> {
  const resource = await getResource(tx, resourceId, { lock: true });
  await assertCanActOnService(tx, principal, resource.serviceId);
  const { operation, created } = await createOperation(tx, principal, {
    kind: 'resource.deprovision',
    serviceId: resource.serviceId,
    environment: resource.environment,
    input: { resourceId, kind: resource.kind },
    idempotencyKey,
  });
  if (!created) return { operationId: operation.id, resourceId };
  if (resource.status !== 'ready' && resource.status !== 'failed') {
    throw conflict(`resource is ${resource.status}; wait until it is ready or failed`);
  }
  await updateResource(tx, resourceId, { status: 'deprovisioning', operationId: operation.id });
  return { operationId: operation.id, resourceId };
}
