import type { Pool } from 'pg';
import { withTransaction } from '../../../db/transaction';
import { updateDeployment } from '../deployments/deployment-rows';
import type { CrashEvent, LocalRuntime } from '../runtime/local-runtime';
import { openIncident } from './incidents';

/**
 * A live deployment's process that exits on its own is an incident at once (no need to wait for
 * health checks to fail for N seconds): the deployment turns unhealthy and an incident opens,
 * naming how it ended and when it restarts. The runtime restarts it with back-off; the health
 * monitor's first healthy check afterwards resolves the incident (docs/architecture.md,
 * "Operations").
 */
export function openIncidentsOnCrash(
  runtime: LocalRuntime,
  pool: Pool,
  onError: (error: unknown) => void,
): void {
  runtime.on('crash', (event) => void recordCrash(pool, event).catch(onError));
}

/** The runtime's shouldRestart: only a live deployment's process comes back on its own. */
export async function isLiveDeployment(pool: Pool, deploymentId: string): Promise<boolean> {
  const { rows } = await pool.query<{ status: string }>('SELECT status FROM deployments WHERE id = $1', [
    deploymentId,
  ]);
  return rows[0]?.status === 'live';
}

async function recordCrash(pool: Pool, { spec, code, signal, restartInMs }: CrashEvent): Promise<void> {
  await withTransaction(pool, async (tx) => {
    const { rows } = await tx.query<{ status: string }>(
      'SELECT status FROM deployments WHERE id = $1 FOR UPDATE',
      [spec.deploymentId],
    );
    // A version still deploying (or a canary) that dies is the deploy's failure, not an incident.
    if (rows[0]?.status !== 'live') return;
    await updateDeployment(
      tx,
      spec.deploymentId,
      `health = 'unhealthy', unhealthy_since = COALESCE(unhealthy_since, now()), health_checked_at = now()`,
    );
    const how = signal ? `killed by ${signal}` : `exit code ${code}`;
    const next = restartInMs === null ? 'not restarted' : `restarting in ${Math.ceil(restartInMs / 1000)} s`;
    await openIncident(tx, {
      serviceId: spec.serviceId,
      environment: spec.environment,
      alertRuleId: null,
      deploymentId: spec.deploymentId,
      title: `${spec.environment} process crashed (${how}); ${next} (version ${spec.version.slice(0, 7)})`,
      openedAt: new Date(),
    });
  });
}
