import { z } from 'zod';
import { EnvironmentName } from '../catalog/api';

/**
 * Server jobs (docs/architecture.md, "Operations"): every self-service action is an operation. A REST call or a pushed
 * mutation creates it (`202 {operationId}`); a worker runs it through an executor; its row syncs
 * down like any entity and its events stream live over SSE.
 */

export const OperationKind = z.enum([
  'service.create',
  'service.deploy',
  'service.rollback',
  'resource.provision',
  'resource.deprovision',
  'pipeline.run',
]);
export type OperationKind = z.infer<typeof OperationKind>;

export const OperationStatus = z.enum(['queued', 'running', 'succeeded', 'failed', 'cancelled']);
export type OperationStatus = z.infer<typeof OperationStatus>;

export const isFinished = (status: OperationStatus): boolean =>
  status === 'succeeded' || status === 'failed' || status === 'cancelled';

const Timestamp = z.iso.datetime({ offset: true });

export const OperationError = z.object({ code: z.string(), message: z.string() });

export const Operation = z.object({
  id: z.string(),
  kind: OperationKind,
  status: OperationStatus,
  serviceId: z.string().nullable(),
  environment: EnvironmentName.nullable(),
  requestedBy: z.string(),
  idempotencyKey: z.string().nullable(),
  /** What was asked, without secret values. */
  input: z.record(z.string(), z.unknown()),
  result: z.record(z.string(), z.unknown()).nullable(),
  error: OperationError.nullable(),
  /** 0..1, for progress bars. */
  progress: z.number().min(0).max(1),
  /** The step running now, e.g. "waiting for health check". */
  step: z.string().nullable(),
  createdAt: Timestamp,
  startedAt: Timestamp.nullable(),
  finishedAt: Timestamp.nullable(),
  updatedAt: Timestamp,
});
export type Operation = z.infer<typeof Operation>;

/** One line of an operation's live stream; `seq` orders them and resumes with `?after=`. */
export const OperationEvent = z.object({
  seq: z.number().int().positive(),
  operationId: z.string(),
  at: Timestamp,
  type: z.enum(['log', 'progress', 'status']),
  level: z.enum(['info', 'warn', 'error']).default('info'),
  message: z.string(),
  progress: z.number().min(0).max(1).nullable().default(null),
  status: OperationStatus.nullable().default(null),
});
export type OperationEvent = z.infer<typeof OperationEvent>;

export const OperationAccepted = z.object({ operationId: z.string() });
