import type { Pool } from 'pg';
import type { EnvironmentName } from '../../../../shared/features/catalog/api';
import type { HealthState } from '../../../../shared/features/self-service/api';
import { withTransaction } from '../../../db/transaction';
import { updateDeployment } from '../deployments/deployment-rows';
import type { LocalRuntime } from '../runtime/local-runtime';
import { probeHealth } from '../runtime/health-probe';
import { DEFAULT_UNHEALTHY_SECONDS } from './alert-rules';
import { openIncident, resolveIncidents } from './incidents';

export interface HealthMonitorOptions {
  pool: Pool;
  runtime: LocalRuntime;
  /** Between the end of one round of checks and the start of the next. */
  intervalMs: number;
  onError(error: unknown): void;
}

export interface HealthMonitor {
  /** One round now (tests and the first round after start). */
  checkNow(): Promise<void>;
  stop(): Promise<void>;
}

interface LiveRow {
  id: string;
  service_id: string;
  environment: EnvironmentName;
  version: string;
  health: HealthState;
  unhealthy_since: Date | null;
  rule_id: string | null;
  unhealthy_seconds: number | null;
  enabled: boolean | null;
}

/**
 * Checks every live deployment's health endpoint, records state changes on the deployment row
 * (synced), and applies alert rules: unhealthy for longer than the rule's N seconds opens an
 * incident; the first healthy check resolves it. opened_at/resolved_at are what MTTR is made of.
 */
export function startHealthMonitor(options: HealthMonitorOptions): HealthMonitor {
  const { pool, runtime } = options;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let round: Promise<void> | null = null;

  const checkOne = async (row: LiveRow) => {
    const instance = runtime.instance(row.id);
    const healthy = instance ? await probeHealth(instance.port, instance.spec.healthPath, 2000) : false;
    await withTransaction(pool, async (tx) => {
      if (healthy) {
        if (row.health !== 'healthy') {
          await updateDeployment(
            tx,
            row.id,
            `health = 'healthy', unhealthy_since = NULL, health_checked_at = now()`,
          );
        } else {
          // No sync change for "still healthy": the change log carries state changes, not heartbeats.
          await tx.query('UPDATE deployments SET health_checked_at = now() WHERE id = $1', [row.id]);
        }
        await resolveIncidents(tx, row.service_id, row.environment);
        return;
      }
      const since = row.unhealthy_since ?? new Date();
      if (row.health !== 'unhealthy' || !row.unhealthy_since) {
        await updateDeployment(
          tx,
          row.id,
          `health = 'unhealthy', unhealthy_since = COALESCE(unhealthy_since, $2), health_checked_at = now()`,
          [since],
        );
      } else {
        await tx.query('UPDATE deployments SET health_checked_at = now() WHERE id = $1', [row.id]);
      }
      const limitSeconds = row.unhealthy_seconds ?? DEFAULT_UNHEALTHY_SECONDS;
      if (row.enabled !== false && Date.now() - since.getTime() > limitSeconds * 1000) {
        await openIncident(tx, {
          serviceId: row.service_id,
          environment: row.environment,
          alertRuleId: row.rule_id,
          deploymentId: row.id,
          title: `${row.environment} unhealthy for more than ${limitSeconds} s (version ${row.version.slice(0, 7)})`,
          openedAt: new Date(),
        });
      }
    });
  };

  const checkRound = async () => {
    const { rows } = await pool.query<LiveRow>(
      `SELECT d.id, d.service_id, d.environment, d.version, d.health, d.unhealthy_since,
              r.id AS rule_id, r.unhealthy_seconds, r.enabled
         FROM deployments d
         LEFT JOIN alert_rules r ON r.service_id = d.service_id AND r.environment = d.environment
        WHERE d.status = 'live'`,
    );
    for (const row of rows) {
      if (stopped) return;
      // Another platform process's runtime runs it (or recovery has not reached it yet): not ours
      // to judge. A process of ours that crashed is still owned, and reads as unhealthy.
      if (!runtime.owns(row.id)) continue;
      await checkOne(row).catch(options.onError);
    }
  };

  const checkNow = (): Promise<void> => {
    round ??= checkRound()
      .catch(options.onError)
      .finally(() => (round = null));
    return round;
  };

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => void checkNow().then(schedule), options.intervalMs);
  };
  schedule();

  return {
    checkNow,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await round;
    },
  };
}
