import { PIPELINE_MUTATION_MAX_AGE_MS, PipelineRunArgs } from '../../../../shared/features/pipelines/api';
import { defineLocalMutator } from '../../outbox/local-mutator';
import { serviceName } from '../catalog/public';
import { intentFacts, placeholderOperation } from '../operations/public';

/**
 * The local side of `pipeline.run`: the run itself is a server job, so the optimistic effect is
 * the queued placeholder operation (the Operations list shows it at once); the service page counts
 * the unsent request from the outbox.
 */
export const pipelinesLocalMutators = [
  defineLocalMutator({
    name: 'pipeline.run',
    args: PipelineRunArgs,
    maxAgeMs: PIPELINE_MUTATION_MAX_AGE_MS,
    describe: (db, { serviceId, commitSha }) =>
      `Run the pipeline of ${serviceName(db, serviceId)} on ${commitSha ? commitSha.slice(0, 7) : 'main'}`,
    apply(ctx, { serviceId, commitSha }) {
      const facts = intentFacts(ctx);
      if (facts.realOperationSynced) return;
      const operation = placeholderOperation(ctx, facts.key, {
        kind: 'pipeline.run',
        serviceId,
        environment: null,
        input: commitSha ? { commitSha } : {},
      });
      ctx.put('operation', operation.id, operation);
    },
  }),
];
