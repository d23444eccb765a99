import { z } from 'zod';
import { text } from '../../api/text';
import { Operation, OperationEvent, OperationKind, OperationStatus } from './api';

/** An operation as the app lists it: names resolved from the cache; `local` = still in this device's outbox. */
export const OperationView = Operation.extend({
  serviceName: text().nullable(),
  requestedByName: text().nullable(),
  local: z.boolean(),
});
export type OperationView = z.infer<typeof OperationView>;

/** An operation's log as far as known; `complete` = the final status event is in it. */
export const OperationLog = z.object({ events: z.array(OperationEvent), complete: z.boolean() });
export type OperationLog = z.infer<typeof OperationLog>;

/** Most rows one `operations:page` answers: the list asks per window, never for every job. */
export const OPERATIONS_WINDOW_MAX = 200;

export const OperationsSortColumn = z.enum(['created']);
export const OperationsSort = z.object({
  column: OperationsSortColumn,
  direction: z.enum(['asc', 'desc']),
});
export type OperationsSort = z.infer<typeof OperationsSort>;

/** The operations list's filters and sort, and the window of matching rows to return. */
export const OperationsQuery = z.object({
  statuses: z.array(OperationStatus).max(5).default([]),
  kinds: z.array(OperationKind).max(7).default([]),
  serviceId: text().min(1).max(100).optional(),
  sort: OperationsSort.default({ column: 'created', direction: 'desc' }),
  offset: z.number().int().min(0).max(10_000_000).default(0),
  limit: z.number().int().min(1).max(OPERATIONS_WINDOW_MAX).default(50),
});
export type OperationsQuery = z.input<typeof OperationsQuery>;

/** One window: matching rows `offset` … `offset + rows.length - 1`; `total` counts every match. */
export const OperationsPage = z.object({
  rows: z.array(OperationView),
  offset: z.number().int(),
  total: z.number().int(),
  totalAll: z.number().int(),
});
export type OperationsPage = z.infer<typeof OperationsPage>;

const OperationRef = z.object({ id: text().min(1).max(100) });
export const operationsCommands = {
  /** Operations from the cache (synced), newest first, with queued-offline placeholders. */
  'operations:list': {
    input: z.object({ serviceId: text().min(1).max(100).optional() }).default({}),
    output: z.array(OperationView),
  },
  /** One window of the operations list, filtered and sorted in SQLite along an index. */
  'operations:page': { input: OperationsQuery, output: OperationsPage },
  'operations:get': { input: OperationRef, output: OperationView.nullable() },
  /** Log events after `after` (cached; fetched from the platform when it is reachable). */
  'operations:events': {
    input: OperationRef.extend({ after: z.number().int().min(0).default(0) }),
    output: OperationLog,
  },
  /** Forwards the operation's live events as `operation:progress` until unwatched or finished. */
  'operations:watch': { input: OperationRef, output: z.object({ watchId: text() }) },
  'operations:unwatch': { input: z.object({ watchId: text().min(1).max(100) }), output: z.object({}) },
} as const;

export const operationsEvents = {
  /** A live event of a watched operation (see `operations:watch`). */
  'operation:progress': z.object({ operationId: text(), event: OperationEvent }),
} as const;
