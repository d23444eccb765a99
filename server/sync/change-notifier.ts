import type { Pool, PoolClient } from 'pg';
import { CHANGES_CHANNEL } from './change-log';

export type ChangesListener = (seq: number) => void;

export interface ChangeNotifier {
  subscribe(listener: ChangesListener): () => void;
  /** Resolves once the first LISTEN is in place (or failed and is being retried). */
  ready: Promise<void>;
  close(): Promise<void>;
}

/**
 * One dedicated LISTEN connection per server process. Writers call pg_notify in their
 * transaction (recordChange), so every process behind a load balancer hears every commit and can
 * poke its own SSE clients. Notifications that arrive together (one transaction logging several
 * changes) are coalesced into one poke with the highest seq.
 */
export function startChangeNotifier(pool: Pool, onError: (error: unknown) => void): ChangeNotifier {
  const listeners = new Set<ChangesListener>();
  let client: PoolClient | null = null;
  let closed = false;
  let pendingSeq = 0;
  let flushScheduled = false;
  let retryTimer: NodeJS.Timeout | null = null;
  const released = new WeakSet<PoolClient>();

  const flush = () => {
    flushScheduled = false;
    const seq = pendingSeq;
    pendingSeq = 0;
    for (const listener of listeners) listener(seq);
  };

  const connect = async (): Promise<void> => {
    if (closed) return;
    let next: PoolClient | null = null;
    try {
      next = await pool.connect();
      next.on('notification', (message) => {
        const seq = Number(message.payload);
        if (message.channel !== CHANGES_CHANNEL || !Number.isSafeInteger(seq) || seq <= 0) return;
        pendingSeq = Math.max(pendingSeq, seq);
        if (!flushScheduled) {
          flushScheduled = true;
          setImmediate(flush);
        }
      });
      next.on('error', (error) => {
        // Fired after close() let the connection go (e.g. PostgreSQL shutting down): nothing to do.
        if (next && released.has(next)) return;
        onError(error);
        reconnect(next);
      });
      await next.query(`LISTEN ${CHANGES_CHANNEL}`);
      if (closed) {
        released.add(next);
        next.release(true);
        return;
      }
      client = next;
    } catch (error) {
      onError(error);
      reconnect(next);
    }
  };

  // Pokes are an optimization (clients also pull periodically), so a lost LISTEN connection is
  // retried in the background rather than failing requests.
  const reconnect = (broken: PoolClient | null) => {
    if (broken && !released.has(broken)) {
      released.add(broken);
      broken.removeAllListeners('notification');
      broken.release(true);
    }
    if (client === broken) client = null;
    if (closed || retryTimer) return;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      void connect();
    }, 1000);
    retryTimer.unref();
  };

  const ready = connect();

  return {
    ready,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      closed = true;
      if (retryTimer) clearTimeout(retryTimer);
      await ready;
      listeners.clear();
      if (client) {
        const current = client;
        client = null;
        await current.query(`UNLISTEN ${CHANGES_CHANNEL}`).catch(() => undefined);
        // Destroyed, not pooled: a LISTEN connection is not a general-purpose one.
        released.add(current);
        current.release(true);
      }
    },
  };
}
