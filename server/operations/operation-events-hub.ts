import type { Pool, PoolClient } from 'pg';
import { OPERATION_EVENTS_CHANNEL } from './operation-events';

export interface OperationEventsHub {
  /** Calls `listener` after any commit that appended events to `operationId` (in any server process). */
  subscribe(operationId: string, listener: () => void): () => void;
  ready: Promise<void>;
  close(): Promise<void>;
}

/**
 * One LISTEN connection per server process for operation events; SSE streams subscribe by id.
 * The LISTEN is taken lazily-but-once at start; if it breaks, it is retried, and a stream's
 * first read (replay from the table) keeps a reconnecting client consistent.
 */
export function startOperationEventsHub(pool: Pool, onError: (error: unknown) => void): OperationEventsHub {
  const listeners = new Map<string, Set<() => void>>();
  let client: PoolClient | null = null;
  let closed = false;
  let retry: NodeJS.Timeout | null = null;
  // A LISTEN connection is never handed back to the pool, and it is dropped exactly once: its
  // 'error' (e.g. the server shutting down) may fire after close() already let it go.
  const released = new WeakSet<PoolClient>();
  const drop = (connection: PoolClient) => {
    if (released.has(connection)) return;
    released.add(connection);
    connection.removeAllListeners('notification');
    connection.release(true);
  };

  const connect = async (): Promise<void> => {
    if (closed) return;
    let next: PoolClient | null = null;
    try {
      next = await pool.connect();
      next.on('notification', (message) => {
        if (message.channel !== OPERATION_EVENTS_CHANNEL || !message.payload) return;
        for (const listener of listeners.get(message.payload) ?? []) listener();
      });
      const current = next;
      next.on('error', (error) => {
        if (released.has(current)) return;
        onError(error);
        drop(current);
        if (client === current) client = null;
        if (!closed) retry = setTimeout(() => void connect(), 1000);
      });
      await next.query(`LISTEN ${OPERATION_EVENTS_CHANNEL}`);
      if (closed) {
        drop(next);
        return;
      }
      client = next;
    } catch (error) {
      onError(error);
      if (next) drop(next);
      if (!closed) retry = setTimeout(() => void connect(), 1000);
    }
  };
  const ready = connect();

  return {
    ready,
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
      closed = true;
      if (retry) clearTimeout(retry);
      await ready;
      listeners.clear();
      const current = client;
      client = null;
      if (current) {
        await current.query(`UNLISTEN ${OPERATION_EVENTS_CHANNEL}`).catch(() => undefined);
        drop(current);
      }
    },
  };
}
