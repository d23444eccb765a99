import { z } from 'zod';
import { text } from '../../api/text';
import { CommitSha } from '../self-service/api';

/**
 * Pipeline runs (issue 9, point 2): a push to main — or "Run pipeline" — runs the steps of the
 * repository's `pave.yaml` as a `pipeline.run` operation; a green run publishes a version and
 * deploys it to development. The run row keeps each step's status and duration; the live log is
 * the operation's.
 */

export const PipelineRunStatus = z.enum(['queued', 'running', 'succeeded', 'failed', 'cancelled']);
export type PipelineRunStatus = z.infer<typeof PipelineRunStatus>;

export const PipelineStepStatus = z.enum([
  'pending',
  'running',
  'succeeded',
  'failed',
  'skipped',
  'cancelled',
]);
export type PipelineStepStatus = z.infer<typeof PipelineStepStatus>;

const Timestamp = z.iso.datetime({ offset: true });

export const PipelineStep = z.object({
  name: text(),
  /** The shell command (checkout and package are the platform's own steps: a description). */
  command: text(),
  status: PipelineStepStatus,
  startedAt: Timestamp.nullable(),
  finishedAt: Timestamp.nullable(),
  durationMs: z.number().int().min(0).nullable(),
  exitCode: z.number().int().nullable(),
  /** Why it failed: the exit code or time-out, and the last lines of its output. */
  error: text().nullable(),
});
export type PipelineStep = z.infer<typeof PipelineStep>;

export const PipelineRun = z.object({
  id: text(),
  serviceId: text(),
  operationId: text(),
  /** Run number per service: 1, 2, 3 … */
  number: z.number().int().positive(),
  commitSha: text().regex(/^[0-9a-f]{40}$/),
  commitMessage: text(),
  status: PipelineRunStatus,
  failedStep: text().nullable(),
  error: text().nullable(),
  steps: z.array(PipelineStep),
  /** The published version of a green run. */
  versionId: text().nullable(),
  /** The development deploy a green run requested. */
  deployOperationId: text().nullable(),
  requestedBy: text(),
  createdAt: Timestamp,
  startedAt: Timestamp.nullable(),
  finishedAt: Timestamp.nullable(),
});
export type PipelineRun = z.infer<typeof PipelineRun>;

/** `POST /v1/services/:id/pipeline-runs`: a commit of the service's repository, head of main by default. */
export const PipelineRunRequest = z.object({ commitSha: CommitSha.optional() });
export type PipelineRunRequest = z.infer<typeof PipelineRunRequest>;

export const PipelineRunAccepted = z.object({ operationId: text(), runId: text() });
export type PipelineRunAccepted = z.infer<typeof PipelineRunAccepted>;

/** The push mutation `pipeline.run` ("Run pipeline" from the app, offline-first). */
export const PipelineRunArgs = PipelineRunRequest.extend({ serviceId: text().min(1).max(100) });
export type PipelineRunArgs = z.infer<typeof PipelineRunArgs>;

/** A queued "Run pipeline" past this age asks the user to confirm again (as deploys do). */
export const PIPELINE_MUTATION_MAX_AGE_MS = 60 * 60 * 1000;
