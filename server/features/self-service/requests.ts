import type { Operation } from '../../../shared/features/operations/api';
import type { DeployRequest, RollbackRequest } from '../../../shared/features/self-service/api';
import type { CreateFromTemplate } from '../../../shared/features/self-service/api';
import type { Principal } from '../../auth/tokens';
import type { Tx } from '../../db/transaction';
import { ApiError, conflict, forbidden, invalid, notFound } from '../../http/api-error';
import { rollbackAvailability } from '../../../shared/features/self-service/rollback-rule';
import { listDeployments } from './deployments/deployment-rows';
import { createOperation } from '../operations/public';
import { assertCanActOnService } from '../catalog/public';
import { findTemplate } from './templates/definitions';

/**
 * The one place REST routes and push mutations turn a self-service request into a queued
 * operation: same validation, same roles, and the same idempotency key → the same operation.
 */

export async function requestCreateService(
  tx: Tx,
  principal: Principal,
  templateId: string,
  body: CreateFromTemplate,
  idempotencyKey: string | null,
): Promise<Operation> {
  const template = findTemplate(templateId);
  if (!template) throw notFound(`template ${templateId}`);
  const parsed = template.parameters.safeParse(body.values);
  if (!parsed.success) {
    throw invalid(
      parsed.error.issues.map((issue) => `values.${issue.path.join('.')}: ${issue.message}`).join('; '),
    );
  }
  const values = parsed.data as { name: string; ownerTeamId: string };
  const team = await tx.query<{ member: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM team_members WHERE team_id = t.id AND user_id = $2) AS member
       FROM teams t WHERE t.id = $1`,
    [values.ownerTeamId, principal.userId],
  );
  if (!team.rows[0]) throw invalid(`values.ownerTeamId: unknown team ${values.ownerTeamId}`);
  if (principal.role === 'engineer' && !team.rows[0].member) {
    throw forbidden(
      `engineers create services only for their own team; you are not in ${values.ownerTeamId}`,
    );
  }
  const { operation, created } = await createOperation(tx, principal, {
    kind: 'service.create',
    serviceId: null,
    environment: body.deployTo ?? null,
    input: { templateId, values: parsed.data, ...(body.deployTo ? { deployTo: body.deployTo } : {}) },
    idempotencyKey,
  });
  if (created) {
    const taken = await tx.query('SELECT 1 FROM services WHERE name = $1', [values.name]);
    if (taken.rowCount) throw conflict(`a service named ${values.name} already exists`);
  }
  return operation;
}

export async function requestDeploy(
  tx: Tx,
  principal: Principal,
  serviceId: string,
  body: DeployRequest,
  idempotencyKey: string | null,
): Promise<Operation> {
  await assertCanActOnService(tx, principal, serviceId);
  const { operation } = await createOperation(tx, principal, {
    kind: 'service.deploy',
    serviceId,
    environment: body.environment,
    input: {
      environment: body.environment,
      ...(body.version ? { version: body.version } : {}),
      ...(body.canary ? { canary: body.canary } : {}),
    },
    idempotencyKey,
  });
  return operation;
}

export async function requestRollback(
  tx: Tx,
  principal: Principal,
  serviceId: string,
  body: RollbackRequest,
  idempotencyKey: string | null,
): Promise<Operation> {
  await assertCanActOnService(tx, principal, serviceId);
  const { operation, created } = await createOperation(tx, principal, {
    kind: 'service.rollback',
    serviceId,
    environment: body.environment,
    input: { environment: body.environment },
    idempotencyKey,
  });
  if (created) {
    // The same rule and words the app shows next to a disabled Roll back.
    const history = await listDeployments(tx, { serviceId, environment: body.environment, limit: 500 });
    const availability = rollbackAvailability(body.environment, history);
    if (!availability.available) {
      throw new ApiError(409, 'rollback_unavailable', `cannot roll back: ${availability.reason ?? ''}`);
    }
  }
  return operation;
}
