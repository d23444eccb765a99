import type { Tx } from '../../../db/transaction';
import { recordEvent } from '../../events/public';
import type { DeploymentRow } from './deployment-rows';

/**
 * The platform event of a deployment that ended (docs/architecture.md, "Numbers"), written in the
 * transaction that ends it: a `deploy` (live or failed) for a deploy, a `rollback` for a rollback
 * that went live (a failed rollback changed nothing a metric counts).
 */
export async function recordDeploymentEnd(
  tx: Tx,
  row: Pick<
    DeploymentRow,
    'id' | 'service_id' | 'environment' | 'version' | 'committed_at' | 'requested_by' | 'rolled_back_from_id'
  >,
  result: 'live' | 'failed',
  canary: boolean,
): Promise<void> {
  if (row.rolled_back_from_id) {
    if (result !== 'live') return;
    const from = await tx.query<{ version: string }>('SELECT version FROM deployments WHERE id = $1', [
      row.rolled_back_from_id,
    ]);
    await recordEvent(tx, {
      kind: 'rollback',
      serviceId: row.service_id,
      environment: row.environment,
      actorId: row.requested_by,
      data: { deploymentId: row.id, fromVersion: from.rows[0]?.version ?? '', toVersion: row.version },
    });
    return;
  }
  await recordEvent(tx, {
    kind: 'deploy',
    serviceId: row.service_id,
    environment: row.environment,
    actorId: row.requested_by,
    data: {
      deploymentId: row.id,
      version: row.version,
      committedAt: row.committed_at.toISOString(),
      result,
      canary,
    },
  });
}
