import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import type { EnvironmentName } from '../../../shared/features/catalog/api';
import type { Operation, OperationKind, OperationStatus } from '../../../shared/features/operations/api';
import { writeAudit } from '../../audit/audit-log';
import type { Principal } from '../../auth/tokens';
import type { Tx } from '../../db/transaction';
import { ApiError, conflict, notFound } from '../../http/api-error';
import { recordChange } from '../../sync/change-log';
import { appendOperationEvent } from './operation-events';
import { toOperation, type OperationRow } from './operation-rows';

/** pg_notify channel that wakes workers when a job is queued. */
export const OPERATIONS_QUEUED_CHANNEL = 'pave_operations_queued';

export interface NewOperation {
  kind: OperationKind;
  serviceId: string | null;
  environment: EnvironmentName | null;
  /** What was asked, WITHOUT secret values: it is synced to clients and shown in the app. */
  input: Record<string, unknown>;
  /** REST Idempotency-Key or the pushed mutation's id; null = always a new operation. */
  idempotencyKey: string | null;
}

export interface CreatedOperation {
  operation: Operation;
  /** False when the idempotency key matched an existing operation (nothing new was queued). */
  created: boolean;
}

/**
 * Queues an operation in the caller's transaction (so it exists iff the caller's write commits) and
 * logs it for sync. The same principal + idempotency key returns the existing operation instead.
 * Authorization is the caller's job (see the catalog's assertCanActOnService).
 */
export async function createOperation(
  tx: Tx,
  principal: Principal,
  request: NewOperation,
): Promise<CreatedOperation> {
  const { rows } = await tx.query<OperationRow>(
    `INSERT INTO operations (id, kind, status, service_id, environment, requested_by, idempotency_key, input)
     VALUES ($1, $2, 'queued', $3, $4, $5, $6, $7)
     ON CONFLICT (requested_by, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
     RETURNING *`,
    [
      randomUUID(),
      request.kind,
      request.serviceId,
      request.environment,
      principal.userId,
      request.idempotencyKey,
      JSON.stringify(request.input),
    ],
  );
  const inserted = rows[0];
  if (!inserted) {
    const existing = await tx.query<OperationRow>(
      'SELECT * FROM operations WHERE requested_by = $1 AND idempotency_key = $2',
      [principal.userId, request.idempotencyKey],
    );
    const row = existing.rows[0];
    if (!row) throw conflict('an operation with this idempotency key is being created; retry');
    if (
      row.kind !== request.kind ||
      row.service_id !== request.serviceId ||
      row.environment !== request.environment
    ) {
      throw new ApiError(
        422,
        'idempotency_key_reused',
        'this idempotency key was already used for a different request; use a new key',
      );
    }
    return { operation: toOperation(row), created: false };
  }
  const operation = toOperation(inserted);
  await recordChange(tx, 'operation', operation.id, 'put', operation);
  await appendOperationEvent(tx, operation.id, { type: 'status', status: 'queued', message: 'queued' });
  await writeAudit(tx, principal.userId, request.kind, 'operation', operation.id, {
    serviceId: request.serviceId,
    environment: request.environment,
    input: request.input,
  });
  await tx.query('SELECT pg_notify($1, $2)', [OPERATIONS_QUEUED_CHANNEL, operation.id]);
  return { operation, created: true };
}

export async function getOperation(db: Pool | Tx, id: string): Promise<Operation> {
  const { rows } = await db.query<OperationRow>('SELECT * FROM operations WHERE id = $1', [id]);
  if (!rows[0]) throw notFound(`operation ${id}`);
  return toOperation(rows[0]);
}

export async function listOperations(
  db: Pool | Tx,
  filter: { serviceId?: string; status?: OperationStatus; limit: number },
): Promise<Operation[]> {
  const { rows } = await db.query<OperationRow>(
    `SELECT * FROM operations
      WHERE ($1::text IS NULL OR service_id = $1) AND ($2::text IS NULL OR status = $2)
      ORDER BY created_at DESC, id LIMIT $3`,
    [filter.serviceId ?? null, filter.status ?? null, filter.limit],
  );
  return rows.map(toOperation);
}

/** Applies a row UPDATE (…RETURNING *), then logs the new state for sync. Null if no row matched. */
export async function updateOperationRow(tx: Tx, sql: string, params: unknown[]): Promise<Operation | null> {
  const { rows } = await tx.query<OperationRow>(sql, params);
  const row = rows[0];
  if (!row) return null;
  const operation = toOperation(row);
  await recordChange(tx, 'operation', operation.id, 'put', operation);
  return operation;
}

/** Finished state + its status event, in the caller's transaction; guarded so only `fromStatus` moves. */
export async function finishOperation(
  tx: Tx,
  id: string,
  outcome:
    | { status: 'succeeded'; result: Record<string, unknown> | null }
    | { status: 'failed' | 'cancelled'; error: { code: string; message: string } },
  guard: { fromStatus: OperationStatus; leaseOwner?: string },
): Promise<Operation | null> {
  const operation = await updateOperationRow(
    tx,
    `UPDATE operations SET status = $2, result = $3, error = $4, finished_at = now(), updated_at = now(),
            progress = CASE WHEN $2 = 'succeeded' THEN 1 ELSE progress END,
            step = NULL, lease_owner = NULL, lease_until = NULL
      WHERE id = $1 AND status = $5 AND ($6::text IS NULL OR lease_owner = $6)
      RETURNING *`,
    [
      id,
      outcome.status,
      outcome.status === 'succeeded' && outcome.result ? JSON.stringify(outcome.result) : null,
      outcome.status === 'succeeded' ? null : JSON.stringify(outcome.error),
      guard.fromStatus,
      guard.leaseOwner ?? null,
    ],
  );
  if (!operation) return null;
  const message =
    outcome.status === 'succeeded' ? 'succeeded' : `${outcome.status}: ${outcome.error.message}`;
  await appendOperationEvent(tx, id, {
    type: 'status',
    status: outcome.status,
    level: outcome.status === 'failed' ? 'error' : 'info',
    message,
    progress: operation.progress,
  });
  return operation;
}
