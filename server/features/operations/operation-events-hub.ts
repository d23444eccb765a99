import type { Pool } from 'pg';
import { listenToChannel } from '../../db/pg-listener';
import { OPERATION_EVENTS_CHANNEL } from './operation-events';

export interface OperationEventsHub {
  /** Calls `listener` after any commit that appended events to `operationId` (in any server process). */
  subscribe(operationId: string, listener: () => void): () => void;
  ready: Promise<void>;
  close(): Promise<void>;
}

/**
 * Operation events for this server process's SSE streams, by operation id. If the LISTEN breaks it
 * is retried, and a stream's first read (replay from the table) keeps a reconnecting client
 * consistent.
 */
export function startOperationEventsHub(pool: Pool, onError: (error: unknown) => void): OperationEventsHub {
  const listeners = new Map<string, Set<() => void>>();
  const channel = listenToChannel(
    pool,
    OPERATION_EVENTS_CHANNEL,
    (operationId) => {
      for (const listener of listeners.get(operationId) ?? []) listener();
    },
    onError,
  );
  return {
    ready: channel.ready,
    subscribe(operationId, listener) {
      let set = listeners.get(operationId);
      if (!set) listeners.set(operationId, (set = new Set()));
      set.add(listener);
      return () => {
        set.delete(listener);
        if (set.size === 0) listeners.delete(operationId);
      };
    },
    async close() {
      listeners.clear();
      await channel.close();
    },
  };
}
