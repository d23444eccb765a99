import { queryOptions } from '@tanstack/react-query';
import type { QueryKeysByTable } from '../../data/table-invalidation';
import { unwrap } from '../../data/ipc-error';
import { pave } from '../../data/pave';

export const pipelineKeys = {
  all: ['pipeline-runs'] as const,
  forService: (serviceId: string) => ['pipeline-runs', serviceId] as const,
};

/** Cache tables → the pipeline queries that read them. */
export const pipelineQueryKeysByTable: QueryKeysByTable = {
  pipeline_runs: [pipelineKeys.all],
  // "Run pipeline" requests are outbox rows until the platform accepts them.
  outbox: [pipelineKeys.all],
};

export const pipelineRunsQuery = (serviceId: string) =>
  queryOptions({
    queryKey: pipelineKeys.forService(serviceId),
    queryFn: async () => unwrap(await pave().invoke('pipelines:list', { serviceId })),
  });
