import { access } from 'node:fs/promises';
import { withTransaction, type Tx } from '../../../db/transaction';
import type { Deployment } from '../../../../shared/features/self-service/api';
import { ExecutorError } from '../../operations/public';
import type { Instance } from '../runtime/local-runtime';
import type { SelfServiceDeps } from '../deps';
import { liveDeployment, updateDeployment, type DeploymentRow } from './deployment-rows';
import { recordDeploymentEnd } from './deployment-events';

// The steps every way of going live shares: a deploy, a rollback, a canary promotion.

export async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

/** Ends a deployment failed with `message` (and its event), then fails the operation with `code`. */
export async function fail(
  deps: SelfServiceDeps,
  row: DeploymentRow,
  code: string,
  message: string,
): Promise<never> {
  await withTransaction(deps.pool, async (tx) => {
    await updateDeployment(tx, row.id, `status = 'failed', error = $2, finished_at = now()`, [message]);
    await recordDeploymentEnd(tx, row, 'failed', Boolean(row.canary_row));
  });
  throw new ExecutorError(code, message);
}

/** Waits for `instance`'s health check; one that does not pass in time is stopped. */
export async function passesHealthCheck(
  deps: SelfServiceDeps,
  row: Pick<DeploymentRow, 'id'>,
  instance: Instance,
): Promise<boolean> {
  if (await deps.runtime.waitHealthy(instance, deps.healthTimeoutMs)) return true;
  await deps.runtime.stop(row.id);
  return false;
}

/**
 * Makes `instance` the live version in one transaction: the old live row becomes `replaced`
 * (superseded or rolled_back), this one live, and its event is recorded; then the stable port
 * points at it. Processes other than `keep` are drained and stopped.
 */
export async function goLive(
  deps: SelfServiceDeps,
  row: DeploymentRow,
  instance: Instance,
  replaced: 'superseded' | 'rolled_back',
  extra: (tx: Tx) => Promise<void> = async () => undefined,
): Promise<{ deployment: Deployment; port: number; previousId: string | null }> {
  const result = await withTransaction(deps.pool, async (tx) => {
    // Serialize switches of one service+environment.
    const route = await tx.query<{ port: number }>(
      'SELECT port FROM service_routes WHERE service_id = $1 AND environment = $2 FOR UPDATE',
      [row.service_id, row.environment],
    );
    const live = await liveDeployment(tx, row.service_id, row.environment);
    if (live) await updateDeployment(tx, live.id, `status = $2`, [replaced]);
    await extra(tx);
    const deployment = await updateDeployment(
      tx,
      row.id,
      `status = 'live', health = 'healthy', health_checked_at = now(), unhealthy_since = NULL,
       instance_port = $2, finished_at = now()`,
      [instance.port],
    );
    if (!deployment) throw new Error('deployment row vanished');
    await recordDeploymentEnd(tx, row, 'live', Boolean(row.canary_row));
    return { deployment, port: route.rows[0]?.port ?? null, previousId: live?.id ?? null };
  });
  if (result.port === null) throw new Error('stable port missing');
  await deps.runtime.route(row.service_id, row.environment, result.port, instance.port);
  return { ...result, port: result.port };
}

/** Stops every process of the service+environment but `keep` (each drained first). */
export async function stopAllBut(
  deps: SelfServiceDeps,
  row: DeploymentRow,
  keep: Set<string>,
): Promise<void> {
  for (const id of deps.runtime.runningFor(row.service_id, row.environment)) {
    if (!keep.has(id)) await deps.runtime.stop(id);
  }
}
