import { withTransaction } from '../../../db/transaction';
import { findTemplate } from '../templates/definitions';
import { startVersion } from './deploy';
import { exists, passesHealthCheck } from './go-live';
import { getDeploymentRow, updateDeployment, type DeploymentRow } from './deployment-rows';
import { recordDeploymentEnd } from './deployment-events';
import { decideCanary } from '../canary/canary-rows';
import type { SelfServiceDeps } from '../deps';

/**
 * After a platform restart no service process is running (they were this process's children):
 * restart every live deployment from its version directory and reopen its stable port. One that
 * cannot come back healthy is marked stopped with the reason, never shown as live.
 */
export async function recoverDeployments(
  deps: SelfServiceDeps,
  onError: (error: unknown) => void,
): Promise<void> {
  // Processes of a platform process that was killed outright would otherwise run twice.
  await deps.runtime.reapOrphans().catch(onError);
  await abortUnfinishedCanaries(deps).catch(onError);
  const { rows } = await deps.pool.query<DeploymentRow & { template_id: string | null; port: number | null }>(
    `SELECT d.*, sr.template_id, r.port FROM deployments d
       LEFT JOIN service_repositories sr ON sr.service_id = d.service_id
       LEFT JOIN service_routes r ON r.service_id = d.service_id AND r.environment = d.environment
      WHERE d.status = 'live'`,
  );
  await Promise.all(
    rows.map(async (row) => {
      try {
        if (deps.runtime.instance(row.id)) return;
        const template = row.template_id ? findTemplate(row.template_id) : undefined;
        const dir = deps.runtime.versionDir(row.service_id, row.environment, row.version);
        const present = await exists(dir);
        let reason: string | null = null;
        if (!template || row.port === null) reason = 'its template or stable port is gone';
        else if (!present) reason = `its version directory ${dir} is gone`;
        else {
          const instance = await startVersion(deps, null, row, template, dir);
          if (await passesHealthCheck(deps, row, instance)) {
            await deps.runtime.route(row.service_id, row.environment, row.port, instance.port);
            await withTransaction(deps.pool, (tx) =>
              updateDeployment(tx, row.id, `instance_port = $2, health = 'healthy', unhealthy_since = NULL`, [
                instance.port,
              ]),
            );
            return;
          }
          reason = 'it did not pass its health check after the platform restarted';
        }
        await withTransaction(deps.pool, (tx) =>
          updateDeployment(tx, row.id, `status = 'stopped', health = 'unknown', error = $2`, [
            `stopped: ${reason}`,
          ]),
        );
      } catch (error) {
        onError(error);
      }
    }),
  );
}

/**
 * A canary the platform stopped in the middle of (killed outright, so no shutdown hook aborted it)
 * ends aborted here, before anything restarts: its process is gone with the old platform, and only
 * the live (stable) deployment is brought back below, so the stable version serves everything.
 */
async function abortUnfinishedCanaries(deps: SelfServiceDeps): Promise<void> {
  const { rows } = await deps.pool.query<{ deployment_id: string }>(
    `SELECT deployment_id FROM canary_releases WHERE status IN ('starting', 'analysing')`,
  );
  const reason = 'the platform restarted during the canary; the stable version keeps serving';
  for (const { deployment_id: id } of rows) {
    await withTransaction(deps.pool, async (tx) => {
      // The operations sweeper may settle the same deploy concurrently (settleDeployment): both
      // lock the deployment row first and re-check, so the abort is recorded once.
      await tx.query('SELECT 1 FROM deployments WHERE id = $1 FOR UPDATE', [id]);
      const row = await getDeploymentRow(tx, id);
      if (!row) return;
      const unfinished = row.canary_row?.status === 'starting' || row.canary_row?.status === 'analysing';
      if (!unfinished) return;
      await decideCanary(tx, row, { decision: 'aborted', reason, decidedBy: null });
      if (row.status === 'pending' || row.status === 'deploying') {
        await updateDeployment(tx, id, `status = 'failed', error = $2, finished_at = now()`, [
          `canary aborted: ${reason}`,
        ]);
        await recordDeploymentEnd(tx, row, 'failed', true);
      }
    });
  }
}
