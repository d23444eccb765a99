import { PIPELINE_MUTATION_MAX_AGE_MS, PipelineRunArgs } from '../../../shared/features/pipelines/api';
import { defineMutation } from '../../sync/mutation-registry';
import { requestPipelineRun } from './request-run';

/**
 * "Run pipeline" from the app, offline-first: the mutation only queues the run, keyed by the
 * client's idempotency key, so a push delivered twice is one run.
 */
export const pipelineMutations = [
  defineMutation({
    name: 'pipeline.run',
    args: PipelineRunArgs,
    maxAgeMs: PIPELINE_MUTATION_MAX_AGE_MS,
    async handle(ctx, { serviceId, commitSha }) {
      const { operationId, run } = await requestPipelineRun(
        ctx.tx,
        ctx.principal,
        { serviceId, commitSha },
        ctx.idempotencyKey,
      );
      return { operationId, runId: run.id };
    },
  }),
];
