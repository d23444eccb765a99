import type { Pool } from 'pg';
import { listenToChannel } from '../db/pg-listener';
import { CHANGES_CHANNEL } from './change-log';

export type ChangesListener = (seq: number) => void;

export interface ChangeNotifier {
  subscribe(listener: ChangesListener): () => void;
  /** Resolves once the first LISTEN is in place (or failed and is being retried). */
  ready: Promise<void>;
  close(): Promise<void>;
}

/**
 * Pokes this process's SSE clients after every commit that logged changes (recordChange notifies
 * in its transaction). Notifications that arrive together (one transaction logging several
 * changes) are coalesced into one poke with the highest seq.
 */
export function startChangeNotifier(pool: Pool, onError: (error: unknown) => void): ChangeNotifier {
  const listeners = new Set<ChangesListener>();
  let pendingSeq = 0;
  let flushScheduled = false;

  const flush = () => {
    flushScheduled = false;
    const seq = pendingSeq;
    pendingSeq = 0;
    for (const listener of listeners) listener(seq);
  };

  const channel = listenToChannel(
    pool,
    CHANGES_CHANNEL,
    (payload) => {
      const seq = Number(payload);
      if (!Number.isSafeInteger(seq) || seq <= 0) return;
      pendingSeq = Math.max(pendingSeq, seq);
      if (!flushScheduled) {
        flushScheduled = true;
        setImmediate(flush);
      }
    },
    onError,
  );

  return {
    ready: channel.ready,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      listeners.clear();
      await channel.close();
    },
  };
}
