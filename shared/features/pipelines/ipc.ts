import { z } from 'zod';
import { text } from '../../api/text';
import { Enqueued } from '../../ipc/contract';
import { Operation } from '../operations/api';
import { PipelineRun, PipelineRunArgs } from './api';

const ServiceRef = z.object({ serviceId: text().min(1).max(100) });

/** A service's runs as the app shows them, plus "Run pipeline" requests still in the outbox. */
export const ServicePipelineRuns = z.object({
  runs: z.array(PipelineRun),
  /** Run requests not yet accepted by the platform (offline or being sent). */
  pendingRequests: z.number().int().min(0),
});
export type ServicePipelineRuns = z.infer<typeof ServicePipelineRuns>;

export const pipelinesCommands = {
  /** The service's runs from the cache (synced), newest first. */
  'pipelines:list': { input: ServiceRef, output: ServicePipelineRuns },
  /** Run the pipeline on a commit (head of main by default): queued as `pipeline.run`. */
  'pipelines:run': { input: PipelineRunArgs, output: Enqueued },
  /**
   * Cancels a queued or running run (online: a cancel only means something while the run is
   * going, so it is not queued for later).
   */
  'pipelines:cancel': { input: z.object({ operationId: text().min(1).max(100) }), output: Operation },
} as const;
