import type {
  Operation,
  OperationEvent,
  OperationKind,
  OperationStatus,
} from '../../../shared/features/operations/api';
import type { EnvironmentName } from '../../../shared/features/catalog/api';

export interface OperationRow {
  id: string;
  kind: OperationKind;
  status: OperationStatus;
  service_id: string | null;
  environment: EnvironmentName | null;
  requested_by: string;
  idempotency_key: string | null;
  input: Record<string, unknown>;
  result: Record<string, unknown> | null;
  error: { code: string; message: string } | null;
  progress: number;
  step: string | null;
  lease_owner: string | null;
  lease_until: Date | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  updated_at: Date;
}

export const toOperation = (row: OperationRow): Operation => ({
  id: row.id,
  kind: row.kind,
  status: row.status,
  serviceId: row.service_id,
  environment: row.environment,
  requestedBy: row.requested_by,
  idempotencyKey: row.idempotency_key,
  input: row.input,
  result: row.result,
  error: row.error,
  progress: row.progress,
  step: row.step,
  createdAt: row.created_at.toISOString(),
  startedAt: row.started_at?.toISOString() ?? null,
  finishedAt: row.finished_at?.toISOString() ?? null,
  updatedAt: row.updated_at.toISOString(),
});

export interface OperationEventRow {
  operation_id: string;
  seq: number;
  at: Date;
  type: OperationEvent['type'];
  level: OperationEvent['level'];
  message: string;
  progress: number | null;
  status: OperationStatus | null;
}

export const toOperationEvent = (row: OperationEventRow): OperationEvent => ({
  seq: row.seq,
  operationId: row.operation_id,
  at: row.at.toISOString(),
  type: row.type,
  level: row.level,
  message: row.message,
  progress: row.progress,
  status: row.status,
});
