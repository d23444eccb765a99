import type { Pool } from 'pg';
import type { EnvironmentName } from '../../../../shared/features/catalog/api';
import type { GuardrailFinding } from '../../../../shared/features/self-service/api';
import type { PolicyRule } from '../../../../shared/features/self-service/api';
import type { Tx } from '../../../db/transaction';

/** Has `version` been live and healthy in `environment` (now or before)? */
async function ranHealthy(
  db: Pool | Tx,
  serviceId: string,
  environment: string,
  version: string,
): Promise<boolean> {
  const { rowCount } = await db.query(
    `SELECT 1 FROM deployments
      WHERE service_id = $1 AND environment = $2 AND version = $3
        AND status IN ('live', 'superseded', 'rolled_back') AND health <> 'unhealthy'`,
    [serviceId, environment, version],
  );
  return Boolean(rowCount);
}

/** Evaluates the template's policy rules for one deploy; a failed rule is a finding of its severity. */
export async function evaluatePolicies(
  db: Pool | Tx,
  rules: PolicyRule[],
  target: { serviceId: string; environment: EnvironmentName; version: string },
): Promise<GuardrailFinding[]> {
  const findings: GuardrailFinding[] = [];
  for (const rule of rules) {
    let prerequisite: EnvironmentName | null = null;
    if (rule.id === 'production-after-healthy-staging' && target.environment === 'production') {
      prerequisite = 'staging';
    } else if (rule.id === 'staging-after-development' && target.environment === 'staging') {
      prerequisite = 'development';
    }
    if (prerequisite && !(await ranHealthy(db, target.serviceId, prerequisite, target.version))) {
      findings.push({
        rule: rule.id,
        severity: rule.severity,
        message: `${rule.description}: version ${target.version.slice(0, 7)} has not run healthy in ${prerequisite}`,
        location: null,
      });
    }
  }
  return findings;
}
