import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import type { z } from 'zod';
import type {
  AlertRule,
  AlertRuleCreate,
  AlertRulePatch,
} from '../../../../shared/features/self-service/api';
import type { EnvironmentName } from '../../../../shared/features/catalog/api';
import { writeAudit } from '../../../audit/audit-log';
import type { Tx } from '../../../db/transaction';
import { notFound } from '../../../http/api-error';
import { recordChange } from '../../../sync/change-log';

/** Without a rule of its own, an environment alerts after this long unhealthy. */
export const DEFAULT_UNHEALTHY_SECONDS = 30;

interface AlertRuleRow {
  id: string;
  service_id: string;
  environment: EnvironmentName;
  unhealthy_seconds: number;
  enabled: boolean;
  created_at: Date;
  updated_at: Date;
}

const toAlertRule = (row: AlertRuleRow): AlertRule => ({
  id: row.id,
  serviceId: row.service_id,
  environment: row.environment,
  unhealthySeconds: row.unhealthy_seconds,
  enabled: row.enabled,
  createdAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
});

export async function listAlertRules(db: Pool | Tx, serviceId: string): Promise<AlertRule[]> {
  const { rows } = await db.query<AlertRuleRow>(
    'SELECT * FROM alert_rules WHERE service_id = $1 ORDER BY environment',
    [serviceId],
  );
  return rows.map(toAlertRule);
}

export async function getAlertRule(db: Pool | Tx, id: string): Promise<AlertRule> {
  const { rows } = await db.query<AlertRuleRow>('SELECT * FROM alert_rules WHERE id = $1', [id]);
  if (!rows[0]) throw notFound(`alert rule ${id}`);
  return toAlertRule(rows[0]);
}

/** One rule per service+environment: creating again replaces its settings. */
export async function upsertAlertRule(
  tx: Tx,
  actor: string,
  serviceId: string,
  input: z.output<typeof AlertRuleCreate>,
): Promise<AlertRule> {
  const { rows } = await tx.query<AlertRuleRow>(
    `INSERT INTO alert_rules (id, service_id, environment, unhealthy_seconds, enabled) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (service_id, environment) DO UPDATE
       SET unhealthy_seconds = EXCLUDED.unhealthy_seconds, enabled = EXCLUDED.enabled, updated_at = now()
     RETURNING *`,
    [randomUUID(), serviceId, input.environment, input.unhealthySeconds, input.enabled],
  );
  const rule = toAlertRule(rows[0] as AlertRuleRow);
  await recordChange(tx, 'alert_rule', rule.id, 'put', rule);
  await writeAudit(tx, actor, 'alert_rule.set', 'alert_rule', rule.id, { ...input, serviceId });
  return rule;
}

export async function patchAlertRule(
  tx: Tx,
  actor: string,
  id: string,
  patch: z.output<typeof AlertRulePatch>,
): Promise<AlertRule> {
  const { rows } = await tx.query<AlertRuleRow>(
    `UPDATE alert_rules SET unhealthy_seconds = COALESCE($2, unhealthy_seconds), enabled = COALESCE($3, enabled),
            updated_at = now() WHERE id = $1 RETURNING *`,
    [id, patch.unhealthySeconds ?? null, patch.enabled ?? null],
  );
  if (!rows[0]) throw notFound(`alert rule ${id}`);
  const rule = toAlertRule(rows[0]);
  await recordChange(tx, 'alert_rule', rule.id, 'put', rule);
  await writeAudit(tx, actor, 'alert_rule.update', 'alert_rule', id, patch);
  return rule;
}

export async function deleteAlertRule(tx: Tx, actor: string, id: string): Promise<void> {
  const { rowCount } = await tx.query('DELETE FROM alert_rules WHERE id = $1', [id]);
  if (!rowCount) throw notFound(`alert rule ${id}`);
  await recordChange(tx, 'alert_rule', id, 'del', null);
  await writeAudit(tx, actor, 'alert_rule.delete', 'alert_rule', id);
}
