import { z } from 'zod';
import { text } from '../../api/text';
import { Operation, OperationEvent } from './api';

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

const OperationRef = z.object({ id: text().min(1).max(100) });
export const operationsCommands = {
  /** Operations from the cache (synced), newest first, with queued-offline placeholders. */
  'operations:list': {
    input: z.object({ serviceId: text().min(1).max(100).optional() }).default({}),
    output: z.array(OperationView),
  },
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
