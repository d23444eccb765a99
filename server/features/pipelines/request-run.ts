import type { PipelineRun } from '../../../shared/features/pipelines/api';
import type { Principal } from '../../auth/tokens';
import type { Tx } from '../../db/transaction';
import { conflict, invalid } from '../../http/api-error';
import { assertCanActOnService } from '../catalog/public';
import { createOperation } from '../operations/public';
import { serviceRepositoryOf } from '../self-service/public';
import { findCommit, type Commit } from './commits';
import { runOfOperation, insertRun, toRun } from './run-rows';

export interface RequestedRun {
  operationId: string;
  run: PipelineRun;
}

/**
 * Queues a pipeline run: a `pipeline.run` operation and its run row, in the caller's transaction.
 * The one place a push, "Run pipeline" (REST) and the `pipeline.run` push mutation start a run:
 * same role check, and the same idempotency key gives the same run.
 */
export async function requestPipelineRun(
  tx: Tx,
  principal: Principal,
  input: { serviceId: string; commitSha?: string | undefined; commit?: Commit },
  idempotencyKey: string | null,
): Promise<RequestedRun> {
  await assertCanActOnService(tx, principal, input.serviceId);
  const commit = input.commit ?? (await resolveRunCommit(tx, input.serviceId, input.commitSha));
  const { operation, created } = await createOperation(tx, principal, {
    kind: 'pipeline.run',
    serviceId: input.serviceId,
    environment: null,
    input: { commitSha: commit.sha },
    idempotencyKey,
  });
  if (!created) {
    const existing = await runOfOperation(tx, operation.id);
    if (!existing) throw conflict('this pipeline run is being created; retry');
    return { operationId: operation.id, run: toRun(existing) };
  }
  const run = await insertRun(tx, {
    serviceId: input.serviceId,
    operationId: operation.id,
    commit,
    requestedBy: principal.userId,
  });
  return { operationId: operation.id, run };
}

async function resolveRunCommit(tx: Tx, serviceId: string, commitSha: string | undefined): Promise<Commit> {
  const repository = await serviceRepositoryOf(tx, serviceId);
  if (!repository) {
    throw conflict(
      `service ${serviceId} has no repository (it was not created from a template); nothing to run`,
    );
  }
  const commit = await findCommit(repository.bareRepo, commitSha ?? 'refs/heads/main');
  if (!commit) {
    throw invalid(
      commitSha
        ? `commitSha: ${commitSha} is not a commit of ${repository.serviceName}'s repository`
        : `${repository.serviceName}'s repository has no main branch yet; push a commit first`,
    );
  }
  return commit;
}
