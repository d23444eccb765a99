import { z } from 'zod';
import { EnvironmentName } from '../../../shared/features/catalog/api';
import { CanaryRequest, CommitSha } from '../../../shared/features/self-service/api';
import type { Operation } from '../../../shared/features/operations/api';
import type { Tx } from '../../db/transaction';
import { ExecutorError, type ExecutorContext, type ExecutorRegistry } from '../operations/public';
import { createServiceFromTemplate } from './templates/create-service';
import { deploy, rollback } from './deployments/deploy';
import { getDeploymentRow, updateDeployment } from './deployments/deployment-rows';
import { recordDeploymentEnd } from './deployments/deployment-events';
import { decideCanary } from './canary/canary-rows';
import type { SelfServiceDeps, StepReporter } from './deps';

const reporterOf = (ctx: ExecutorContext): StepReporter => ({
  operationId: ctx.operation.id,
  requestedBy: ctx.operation.requestedBy,
  log: (message, level) => ctx.log(message, level),
  progress: (fraction, step) => ctx.progress(fraction, step),
  redact: (value) => ctx.redact(value),
});

const parse = <S extends z.ZodType>(schema: S, input: unknown): z.output<S> => {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new ExecutorError('validation_failed', parsed.error.message);
  return parsed.data;
};

const serviceOf = (operation: Operation): string => {
  if (!operation.serviceId) throw new ExecutorError('validation_failed', 'operation has no service');
  return operation.serviceId;
};

// A deploy row left 'deploying' by a job that ended any other way (cancel, dead worker) is failed,
// with its event; an unfinished canary of it is aborted (the stable version never stopped serving).
async function settleDeployment(tx: Tx, operation: Operation): Promise<void> {
  if (operation.status === 'succeeded') return;
  const { rows } = await tx.query<{ id: string }>(
    // FOR UPDATE: a canary abort at start-up (recover-deployments.ts) may end the same row; the
    // lock re-checks the status, so only one of them records the end.
    `SELECT id FROM deployments WHERE operation_id = $1 AND status IN ('pending', 'deploying') FOR UPDATE`,
    [operation.id],
  );
  const reason = operation.error?.message ?? `operation ${operation.status}`;
  for (const { id } of rows) {
    const row = await getDeploymentRow(tx, id);
    if (!row) continue;
    if (row.canary_row && (row.canary_row.status === 'starting' || row.canary_row.status === 'analysing')) {
      await decideCanary(tx, row, {
        decision: 'aborted',
        reason: `the deploy ended: ${reason}`,
        decidedBy: null,
      });
    }
    await updateDeployment(tx, id, `status = 'failed', error = COALESCE(error, $2), finished_at = now()`, [
      reason,
    ]);
    await recordDeploymentEnd(tx, row, 'failed', Boolean(row.canary_row));
  }
}

/** The executors of service.create, service.deploy and service.rollback on the local runtime. */
export function registerSelfServiceExecutors(registry: ExecutorRegistry, deps: SelfServiceDeps): void {
  registry.registerExecutor('service.create', {
    async run(ctx, input) {
      const args = parse(
        z.object({
          templateId: z.string(),
          values: z.record(z.string(), z.unknown()),
          deployTo: EnvironmentName.optional(),
        }),
        input,
      );
      return createServiceFromTemplate(deps, reporterOf(ctx), args);
    },
    settle: settleDeployment,
  });
  registry.registerExecutor('service.deploy', {
    async run(ctx, input) {
      const args = parse(
        z.object({
          environment: EnvironmentName,
          version: CommitSha.optional(),
          canary: CanaryRequest.optional(),
        }),
        input,
      );
      const deployment = await deploy(
        deps,
        reporterOf(ctx),
        { serviceId: serviceOf(ctx.operation), ...args },
        ctx.signal,
      );
      return { deploymentId: deployment.id, version: deployment.version, stablePort: deployment.stablePort };
    },
    settle: settleDeployment,
  });
  registry.registerExecutor('service.rollback', {
    async run(ctx, input) {
      const args = parse(z.object({ environment: EnvironmentName }), input);
      const deployment = await rollback(deps, reporterOf(ctx), {
        serviceId: serviceOf(ctx.operation),
        ...args,
      });
      return { deploymentId: deployment.id, version: deployment.version, stablePort: deployment.stablePort };
    },
    settle: settleDeployment,
  });
}
