import type { Deployment, TrafficCount } from '../../../../shared/features/self-service/api';
import { withTransaction } from '../../../db/transaction';
import { ExecutorError } from '../../operations/public';
import { probeHealth } from '../runtime/health-probe';
import type { Instance } from '../runtime/local-runtime';
import { updateDeployment, type DeploymentRow } from '../deployments/deployment-rows';
import { recordDeploymentEnd } from '../deployments/deployment-events';
import { goLive, stopAllBut } from '../deployments/go-live';
import type { SelfServiceDeps, StepReporter } from '../deps';
import { canaryRow, decideCanary, updateCanary } from './canary-rows';
import { CANARY_RULE, judgeCanary } from './canary-rule';

interface CanaryRun {
  row: DeploymentRow;
  /** The live deployment the canary is compared with. */
  stable: DeploymentRow;
  instance: Instance;
  /** The operation's signal (lease lost, server shutting down). */
  signal: AbortSignal;
}

type Outcome = { decision: 'promote' | 'abort'; reason: string; decidedBy: string | null };

const PROBE_TIMEOUT_MS = 1000;

/** Resolves after `ms`, or at once when a signal aborts. */
function tick(ms: number, signals: AbortSignal[]): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      for (const signal of signals) signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    for (const signal of signals) signal.addEventListener('abort', done, { once: true });
  });
}

async function stablePortOf(deps: SelfServiceDeps, row: DeploymentRow): Promise<number> {
  const { rows } = await deps.pool.query<{ port: number }>(
    'SELECT port FROM service_routes WHERE service_id = $1 AND environment = $2',
    [row.service_id, row.environment],
  );
  if (!rows[0]) throw new Error('stable port missing');
  return rows[0].port;
}

/**
 * A canary release on the local runtime: the new version starts next to the stable one; once
 * healthy, the stable proxy sends it `weightPercent` of new requests while the analysis compares
 * the two every tick (canary-rule.ts), until the window ends, the rule aborts early, or a person
 * promotes or aborts. Promotion points all new requests at the canary and keeps the old version's
 * process for rollback; an abort points them back at the stable version, then drains and stops the
 * canary. Neither drops a request: in-flight requests finish where they started.
 */
export function runCanary(
  deps: SelfServiceDeps,
  reporter: StepReporter,
  run: CanaryRun,
): Promise<Deployment> {
  const running = analyse(deps, reporter, run);
  const tracked = running.catch(() => undefined);
  deps.canaries.add(tracked);
  void tracked.finally(() => deps.canaries.delete(tracked));
  return running;
}

async function analyse(deps: SelfServiceDeps, reporter: StepReporter, run: CanaryRun): Promise<Deployment> {
  const { row, stable, instance } = run;
  const signals = [run.signal, deps.stopping];
  const stopping = () => signals.some((signal) => signal.aborted);
  const settings = row.canary_row;
  if (!settings) throw new Error('not a canary deployment');
  const port = await stablePortOf(deps, row);

  await reporter.progress(0.7, 'canary: waiting for health check');
  const healthy = await deps.runtime.waitHealthy(instance, deps.healthTimeoutMs);
  if (!healthy) {
    const exitCode = instance.running ? null : await instance.exited;
    const reason = instance.running
      ? `the canary did not pass its health check (${instance.spec.healthPath}) within ${deps.healthTimeoutMs} ms, so it never took traffic; the stable version keeps serving`
      : `the canary crashed on start (exit code ${exitCode ?? 'unknown'}) and never took traffic; the stable version keeps serving`;
    return abort(deps, reporter, run, port, { decision: 'abort', reason, decidedBy: null }, false);
  }
  const stableInstance = deps.runtime.instance(stable.id);
  if (!stableInstance) {
    const reason = `the stable version ${stable.version.slice(0, 7)} is not running on this platform, so there is nothing to compare the canary with`;
    return abort(deps, reporter, run, port, { decision: 'abort', reason, decidedBy: null }, false);
  }
  const early = await canaryRow(deps.pool, row.id);
  if (early?.requested_decision === 'abort' || stopping()) {
    const outcome: Outcome = stopping()
      ? { decision: 'abort', reason: 'the platform stopped before the canary took traffic', decidedBy: null }
      : {
          decision: 'abort',
          reason: 'aborted by hand before it took traffic',
          decidedBy: early?.requested_by ?? null,
        };
    return abort(deps, reporter, run, port, outcome, false);
  }

  await deps.runtime.split(row.service_id, row.environment, port, {
    stablePort: stableInstance.port,
    canaryPort: instance.port,
    canaryPercent: settings.weight_percent,
  });
  await withTransaction(deps.pool, async (tx) => {
    await updateCanary(tx, row.id, { status: 'analysing', windowSeconds: settings.window_seconds });
    await updateDeployment(tx, row.id, 'instance_port = $2', [instance.port]);
  });
  await reporter.progress(0.8, `canary: analysing for ${settings.window_seconds} s`);
  await reporter.log(
    `canary ${row.version.slice(0, 7)} is healthy and takes ${settings.weight_percent} % of requests for ${settings.window_seconds} s (deterministic split: exactly ${settings.weight_percent} of every 100). Rule: ${CANARY_RULE}`,
  );

  const endsAt = Date.now() + settings.window_seconds * 1000;
  let canaryUnhealthy = 0;
  let stableUnhealthy = 0;
  const traffic = (): { stable: TrafficCount; canary: TrafficCount } => ({
    stable: deps.runtime.traffic(row.service_id, row.environment, stableInstance.port),
    canary: deps.runtime.traffic(row.service_id, row.environment, instance.port),
  });
  for (;;) {
    await tick(Math.min(deps.canaryTickMs, Math.max(0, endsAt - Date.now())), signals);
    if (stopping()) {
      const reason = 'the platform stopped during the canary; the stable version keeps serving';
      return abort(deps, reporter, run, port, { decision: 'abort', reason, decidedBy: null }, true);
    }
    const requested = await canaryRow(deps.pool, row.id);
    const [canaryOk, stableOk] = await Promise.all([
      instance.running ? probeHealth(instance.port, instance.spec.healthPath, PROBE_TIMEOUT_MS) : false,
      probeHealth(stableInstance.port, stableInstance.spec.healthPath, PROBE_TIMEOUT_MS),
    ]);
    canaryUnhealthy = canaryOk ? 0 : canaryUnhealthy + 1;
    stableUnhealthy = stableOk ? 0 : stableUnhealthy + 1;
    const counts = traffic();
    await withTransaction(deps.pool, (tx) => updateCanary(tx, row.id, counts));
    let outcome: Outcome | null = null;
    if (requested?.requested_decision) {
      const how = requested.requested_decision === 'promote' ? 'promoted' : 'aborted';
      outcome = {
        decision: requested.requested_decision,
        reason: `${how} by hand after ${counts.canary.requests} canary request(s) (${counts.canary.failures} failed) and ${counts.stable.requests} stable request(s) (${counts.stable.failures} failed)`,
        decidedBy: requested.requested_by,
      };
    } else {
      const verdict = judgeCanary({
        canaryExited: !instance.running,
        canaryUnhealthyProbes: canaryUnhealthy,
        stableUnhealthyProbes: stableUnhealthy,
        ...counts,
        windowOver: Date.now() >= endsAt,
      });
      if (verdict.decision !== 'continue') outcome = { ...verdict, decidedBy: null };
    }
    if (!outcome) continue;
    return outcome.decision === 'promote'
      ? promote(deps, reporter, run, outcome)
      : abort(deps, reporter, run, port, outcome, true);
  }
}

/** The canary becomes the live version; the old live one is superseded and kept for rollback. */
async function promote(
  deps: SelfServiceDeps,
  reporter: StepReporter,
  run: CanaryRun,
  outcome: Outcome,
): Promise<Deployment> {
  const { row, stable, instance } = run;
  const { deployment } = await goLive(deps, row, instance, 'superseded', (tx) =>
    decideCanary(tx, row, { decision: 'promoted', reason: outcome.reason, decidedBy: outcome.decidedBy }),
  );
  await stopAllBut(deps, row, new Set([row.id, stable.id]));
  await reporter.log(`canary promoted${outcome.decidedBy ? '' : ' automatically'}: ${outcome.reason}`);
  await reporter.log(`version ${row.version.slice(0, 7)} is live`);
  return deployment;
}

/**
 * New requests go back to the stable version first; the canary row ends failed with the reason;
 * then the canary is drained (its in-flight requests finish) and stopped.
 */
async function abort(
  deps: SelfServiceDeps,
  reporter: StepReporter,
  run: CanaryRun,
  port: number,
  outcome: Outcome,
  tookTraffic: boolean,
): Promise<never> {
  const { row, stable } = run;
  const stableInstance = deps.runtime.instance(stable.id);
  if (tookTraffic && stableInstance) {
    await deps.runtime.route(row.service_id, row.environment, port, stableInstance.port);
  }
  const message = `canary aborted${outcome.decidedBy ? ' by hand' : ''}: ${outcome.reason}`;
  await withTransaction(deps.pool, async (tx) => {
    await decideCanary(tx, row, {
      decision: 'aborted',
      reason: outcome.reason,
      decidedBy: outcome.decidedBy,
    });
    await updateDeployment(tx, row.id, `status = 'failed', error = $2, finished_at = now()`, [message]);
    await recordDeploymentEnd(tx, row, 'failed', true);
  });
  await reporter.log(message, outcome.decidedBy ? 'warn' : 'error');
  await deps.runtime.stop(row.id);
  throw new ExecutorError('canary_aborted', message);
}
