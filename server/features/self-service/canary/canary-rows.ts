import type { Pool } from 'pg';
import type {
  CanaryDecision,
  CanaryDecisionAccepted,
  TrafficCount,
} from '../../../../shared/features/self-service/api';
import type { EnvironmentName } from '../../../../shared/features/catalog/api';
import { writeAudit } from '../../../audit/audit-log';
import type { Principal } from '../../../auth/tokens';
import type { Tx } from '../../../db/transaction';
import { conflict } from '../../../http/api-error';
import { recordEvent } from '../../events/public';
import { assertCanActOnService } from '../../catalog/public';
import { updateDeployment } from '../deployments/deployment-rows';

export interface CanaryRow {
  deployment_id: string;
  service_id: string;
  environment: EnvironmentName;
  status: 'starting' | 'analysing' | 'promoted' | 'aborted';
  requested_decision: CanaryDecision | null;
  requested_by: string | null;
  ends_at: Date | null;
}

export async function canaryRow(db: Pool | Tx, deploymentId: string): Promise<CanaryRow | null> {
  const { rows } = await db.query<CanaryRow>('SELECT * FROM canary_releases WHERE deployment_id = $1', [
    deploymentId,
  ]);
  return rows[0] ?? null;
}

/** Refreshes a canary's counts and status; its deployment row is logged again so desktops see them. */
export async function updateCanary(
  tx: Tx,
  deploymentId: string,
  fields: {
    status?: CanaryRow['status'];
    windowSeconds?: number;
    stable?: TrafficCount;
    canary?: TrafficCount;
  },
): Promise<void> {
  await tx.query(
    `UPDATE canary_releases SET
       status = COALESCE($2, status),
       started_at = CASE WHEN $3::int IS NULL THEN started_at ELSE now() END,
       ends_at = CASE WHEN $3::int IS NULL THEN ends_at ELSE now() + $3 * interval '1 second' END,
       stable_requests = COALESCE($4, stable_requests), stable_failures = COALESCE($5, stable_failures),
       canary_requests = COALESCE($6, canary_requests), canary_failures = COALESCE($7, canary_failures)
     WHERE deployment_id = $1`,
    [
      deploymentId,
      fields.status ?? null,
      fields.windowSeconds ?? null,
      fields.stable?.requests ?? null,
      fields.stable?.failures ?? null,
      fields.canary?.requests ?? null,
      fields.canary?.failures ?? null,
    ],
  );
  // No column of the deployment changes, but its row (with these counts) is logged again.
  await updateDeployment(tx, deploymentId, 'instance_port = instance_port');
}

/**
 * Records the end of a canary in the caller's transaction: its status, the reason, who decided
 * (null = the platform itself) and the canary_decision event. The deployment row is the caller's.
 */
export async function decideCanary(
  tx: Tx,
  row: { id: string; service_id: string; environment: EnvironmentName },
  decision: { decision: 'promoted' | 'aborted'; reason: string; decidedBy: string | null },
): Promise<void> {
  await tx.query(
    `UPDATE canary_releases SET status = $2, reason = $3, automatic = $4, decided_at = now()
      WHERE deployment_id = $1`,
    [row.id, decision.decision, decision.reason, decision.decidedBy === null],
  );
  await recordEvent(tx, {
    kind: 'canary_decision',
    serviceId: row.service_id,
    environment: row.environment,
    actorId: decision.decidedBy,
    data: {
      deploymentId: row.id,
      decision: decision.decision,
      automatic: decision.decidedBy === null,
      reason: decision.reason,
    },
  });
}

/**
 * A person's Promote / Abort of the canary running in an environment (role-checked, audited). The
 * running deploy reads it at its next analysis tick and acts; this only records the request.
 */
export async function requestCanaryDecision(
  tx: Tx,
  principal: Principal,
  serviceId: string,
  environment: EnvironmentName,
  decision: CanaryDecision,
): Promise<CanaryDecisionAccepted> {
  await assertCanActOnService(tx, principal, serviceId);
  const { rows } = await tx.query<CanaryRow>(
    `SELECT * FROM canary_releases WHERE service_id = $1 AND environment = $2
      ORDER BY created_at DESC LIMIT 1 FOR UPDATE`,
    [serviceId, environment],
  );
  const row = rows[0];
  if (!row || row.status === 'promoted' || row.status === 'aborted') {
    throw conflict(`no canary is running in ${environment}${row ? `; the last one was ${row.status}` : ''}`);
  }
  if (decision === 'promote' && row.status === 'starting') {
    throw conflict(
      'the canary has not passed its health check yet, so it cannot be promoted; abort it or wait',
    );
  }
  if (row.requested_decision && row.requested_decision !== decision) {
    throw conflict(`${row.requested_decision} was already requested for this canary`);
  }
  await tx.query(
    'UPDATE canary_releases SET requested_decision = $2, requested_by = $3 WHERE deployment_id = $1',
    [row.deployment_id, decision, principal.userId],
  );
  await writeAudit(tx, principal.userId, `canary.${decision}`, 'deployment', row.deployment_id, {
    serviceId,
    environment,
  });
  return { deploymentId: row.deployment_id, decision };
}
