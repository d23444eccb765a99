import { z } from 'zod';
import { text } from '../../api/text';
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
  'catalog.import',
]);
export type OperationKind = z.infer<typeof OperationKind>;

export const OperationStatus = z.enum(['queued', 'running', 'succeeded', 'failed', 'cancelled']);
export type OperationStatus = z.infer<typeof OperationStatus>;

export const isFinished = (status: OperationStatus): boolean =>
  status === 'succeeded' || status === 'failed' || status === 'cancelled';

const Timestamp = z.iso.datetime({ offset: true });

export const OperationError = z.object({ code: text(), message: z.string() });

export const Operation = z.object({
  id: text(),
  kind: OperationKind,
  status: OperationStatus,
  serviceId: text().nullable(),
  environment: EnvironmentName.nullable(),
  requestedBy: text(),
  idempotencyKey: text().nullable(),
  /** What was asked, without secret values. */
  input: z.record(text(), z.unknown()),
  result: z.record(text(), z.unknown()).nullable(),
  error: OperationError.nullable(),
  /** 0..1, for progress bars. */
  progress: z.number().min(0).max(1),
  /** The step running now, e.g. "waiting for health check". */
  step: text().nullable(),
  createdAt: Timestamp,
  startedAt: Timestamp.nullable(),
  finishedAt: Timestamp.nullable(),
  updatedAt: Timestamp,
});
export type Operation = z.infer<typeof Operation>;

/** One line of an operation's live stream; `seq` orders them and resumes with `?after=`. */
export const OperationEvent = z.object({
  seq: z.number().int().positive(),
  operationId: text(),
  at: Timestamp,
  type: z.enum(['log', 'progress', 'status']),
  level: z.enum(['info', 'warn', 'error']).default('info'),
  message: z.string(),
  progress: z.number().min(0).max(1).nullable().default(null),
  status: OperationStatus.nullable().default(null),
});
export type OperationEvent = z.infer<typeof OperationEvent>;

export const OperationAccepted = z.object({ operationId: text() });
