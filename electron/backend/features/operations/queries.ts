import type { Database } from 'better-sqlite3';
import { Operation, OperationEvent, isFinished } from '../../../../shared/features/operations/api';
import {
  OperationsQuery,
  type OperationLog,
  type OperationsPage,
  type OperationView,
} from '../../../../shared/features/operations/ipc';
import { prepared } from '../../cache/prepared';
import { isLocalId } from './placeholders';

const LIST_LIMIT = 500;

interface Row {
  data: string;
  service_name: string | null;
  requested_by_name: string | null;
}

// A service.create operation names its service only in its result (the service did not exist
// when it was queued), so the join falls back to that.
const SELECT_VIEW = `SELECT o.data, s.name AS service_name, u.name AS requested_by_name
  FROM operations o
  LEFT JOIN services s ON s.id = COALESCE(o.service_id, json_extract(o.data, '$.result.serviceId'))
  LEFT JOIN users u ON u.id = json_extract(o.data, '$.requestedBy')`;

const toView = (row: Row): OperationView => {
  const operation = Operation.parse(JSON.parse(row.data));
  const created = operation.result?.serviceId;
  return {
    ...operation,
    serviceId: operation.serviceId ?? (typeof created === 'string' ? created : null),
    serviceName: row.service_name,
    requestedByName: row.requested_by_name,
    local: isLocalId(operation.id),
  };
};

/** Newest first; queued-offline placeholders are rows too (see placeholders.ts). */
export function listOperationViews(db: Database, serviceId?: string): OperationView[] {
  const rows = (
    serviceId === undefined
      ? prepared(db, `${SELECT_VIEW} ORDER BY o.created_at DESC, o.id LIMIT ?`).all(LIST_LIMIT)
      : prepared(db, `${SELECT_VIEW} WHERE o.service_id = ? ORDER BY o.created_at DESC, o.id LIMIT ?`).all(
          serviceId,
          LIST_LIMIT,
        )
  ) as Row[];
  return rows.map(toView);
}

/** The SQL of one window of the operations list (exported for the query-plan test). */
export function operationsWindowSql(input: OperationsQuery): {
  sql: string;
  countSql: string;
  params: unknown[];
  window: [number, number];
} {
  const q = OperationsQuery.parse(input);
  const where: string[] = [];
  const params: unknown[] = [];
  const oneOf = (column: string, values: readonly string[]) => {
    if (values.length === 0) return;
    where.push(`o.${column} IN (${values.map(() => '?').join(', ')})`);
    params.push(...values);
  };
  oneOf('status', q.statuses);
  oneOf('kind', q.kinds);
  if (q.serviceId !== undefined) oneOf('service_id', [q.serviceId]);
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  // Written as the indexes of cache migration 51 are, so a window is a walk along one of them.
  const dir = q.sort.direction === 'asc' ? 'ASC' : 'DESC';
  return {
    sql: `${SELECT_VIEW} ${clause} ORDER BY o.created_at ${dir}, o.id ${dir} LIMIT ? OFFSET ?`,
    countSql: `SELECT COUNT(*) AS n FROM operations o ${clause}`,
    params,
    window: [q.limit, q.offset],
  };
}

/** One window of the list with its counts: the answer's size is the window's, not the organization's. */
export function operationsPage(db: Database, input: OperationsQuery): OperationsPage {
  const { sql, countSql, params, window } = operationsWindowSql(input);
  const rows = (prepared(db, sql).all(...params, ...window) as Row[]).map(toView);
  const total = (prepared(db, countSql).get(...params) as { n: number }).n;
  const totalAll = (prepared(db, 'SELECT COUNT(*) AS n FROM operations').get() as { n: number }).n;
  return { rows, offset: window[1], total, totalAll };
}

export function getOperationView(db: Database, id: string): OperationView | null {
  const row = prepared(db, `${SELECT_VIEW} WHERE o.id = ?`).get(id) as Row | undefined;
  return row ? toView(row) : null;
}

export function cachedOperationLog(db: Database, operationId: string, after: number): OperationLog {
  const rows = prepared(
    db,
    'SELECT data FROM operation_events WHERE operation_id = ? AND seq > ? ORDER BY seq',
  ).all(operationId, after) as { data: string }[];
  const events = rows.map((r) => OperationEvent.parse(JSON.parse(r.data)));
  return { events, complete: logComplete(db, operationId) };
}

/** The cached log ends with the final status event: nothing more will come. */
export function logComplete(db: Database, operationId: string): boolean {
  const last = prepared(
    db,
    'SELECT data FROM operation_events WHERE operation_id = ? ORDER BY seq DESC LIMIT 1',
  ).get(operationId) as { data: string } | undefined;
  if (!last) return false;
  const event = OperationEvent.parse(JSON.parse(last.data));
  return event.type === 'status' && event.status !== null && isFinished(event.status);
}

export function lastCachedSeq(db: Database, operationId: string): number {
  const row = prepared(db, 'SELECT MAX(seq) AS seq FROM operation_events WHERE operation_id = ?').get(
    operationId,
  ) as { seq: number | null };
  return row.seq ?? 0;
}

/** Stores events as they arrive; a replayed one (resumed stream) is ignored. Returns the new ones. */
export function storeOperationEvents(db: Database, events: OperationEvent[]): OperationEvent[] {
  const insert = prepared(
    db,
    'INSERT INTO operation_events (operation_id, seq, data) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
  );
  return db.transaction(() =>
    events.filter((e) => insert.run(e.operationId, e.seq, JSON.stringify(e)).changes > 0),
  )();
}
