import type { Pool } from 'pg';
import type { OperationEvent, OperationStatus } from '../../../shared/features/operations/api';
import type { Tx } from '../../db/transaction';
import { toOperationEvent, type OperationEventRow } from './operation-rows';

/** pg_notify channel carrying an operation id whenever one of its events commits. */
export const OPERATION_EVENTS_CHANNEL = 'pave_operation_events';

export interface NewOperationEvent {
  type: OperationEvent['type'];
  message: string;
  level?: OperationEvent['level'];
  progress?: number | null;
  status?: OperationStatus | null;
}

/**
 * Appends one event in the caller's transaction. The seq comes from the operation row's counter, so
 * concurrent writers for one operation serialize on its row lock and seqs have no gaps. Callers pass
 * messages already redacted: values of secrets must never reach this table.
 */
export async function appendOperationEvent(
  tx: Tx,
  operationId: string,
  event: NewOperationEvent,
): Promise<OperationEvent> {
  const { rows } = await tx.query<OperationEventRow>(
    `WITH counter AS (
       UPDATE operations SET last_event_seq = last_event_seq + 1 WHERE id = $1 RETURNING last_event_seq
     )
     INSERT INTO operation_events (operation_id, seq, type, level, message, progress, status)
     SELECT $1, last_event_seq, $2, $3, $4, $5, $6 FROM counter
     RETURNING *`,
    [
      operationId,
      event.type,
      event.level ?? 'info',
      event.message,
      event.progress ?? null,
      event.status ?? null,
    ],
  );
  const row = rows[0];
  if (!row) throw new Error(`operation ${operationId} does not exist`);
  // Delivered at commit to every server process, whose SSE streams then read the new rows.
  await tx.query('SELECT pg_notify($1, $2)', [OPERATION_EVENTS_CHANNEL, operationId]);
  return toOperationEvent(row);
}

export async function listOperationEvents(
  db: Pool | Tx,
  operationId: string,
  after: number,
  limit = 1000,
): Promise<OperationEvent[]> {
  const { rows } = await db.query<OperationEventRow>(
    'SELECT * FROM operation_events WHERE operation_id = $1 AND seq > $2 ORDER BY seq LIMIT $3',
    [operationId, after, limit],
  );
  return rows.map(toOperationEvent);
}
