import type { Pool, PoolClient } from 'pg';

export interface PgListener {
  /** Resolves once the first LISTEN is in place (or failed and is being retried). */
  ready: Promise<void>;
  close(): Promise<void>;
}

const RETRY_MS = 1000;

/**
 * One dedicated LISTEN connection on `channel` for this server process. Writers call pg_notify in
 * their transaction, so every process behind a load balancer hears every commit. Notifications are
 * a hint (readers also replay from their table), so a lost connection is retried in the background
 * rather than failing requests.
 */
export function listenToChannel(
  pool: Pool,
  channel: string,
  onNotify: (payload: string) => void,
  onError: (error: unknown) => void,
): PgListener {
  let client: PoolClient | null = null;
  let closed = false;
  let retryTimer: NodeJS.Timeout | null = null;
  // A LISTEN connection is never handed back to the pool, and it is dropped exactly once: its
  // 'error' (e.g. PostgreSQL shutting down) may fire after close() already let it go.
  const released = new WeakSet<PoolClient>();
  const drop = (connection: PoolClient) => {
    if (released.has(connection)) return;
    released.add(connection);
    connection.removeAllListeners('notification');
    connection.release(true);
  };

  const reconnect = (broken: PoolClient | null) => {
    if (broken) drop(broken);
    if (client === broken) client = null;
    if (closed || retryTimer) return;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      void connect();
    }, RETRY_MS);
    retryTimer.unref();
  };

  const connect = async (): Promise<void> => {
    if (closed) return;
    let next: PoolClient | null = null;
    try {
      next = await pool.connect();
      const current = next;
      current.on('notification', (message) => {
        if (message.channel === channel && message.payload) onNotify(message.payload);
      });
      current.on('error', (error) => {
        if (released.has(current)) return;
        onError(error);
        reconnect(current);
      });
      await current.query(`LISTEN ${channel}`);
      if (closed) {
        drop(current);
        return;
      }
      client = current;
    } catch (error) {
      onError(error);
      reconnect(next);
    }
  };

  const ready = connect();
  return {
    ready,
    async close() {
      closed = true;
      if (retryTimer) clearTimeout(retryTimer);
      await ready;
      const current = client;
      client = null;
      if (current) {
        await current.query(`UNLISTEN ${channel}`).catch(() => undefined);
        drop(current);
      }
    },
  };
}
