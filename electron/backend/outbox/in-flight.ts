import type { Database } from 'better-sqlite3';

/**
 * Mutations of a cache whose push request is on the wire right now (docs/architecture.md,
 * "Sync and push"). Discarding one of them could not be honoured — the platform may be applying
 * it this instant — so the outbox panel refuses that, and only that, until the answer is in.
 */
const sending = new WeakMap<Database, Set<number>>();

/** Marks `ids` as being sent; call the returned function once the answer is recorded (or lost). */
export function markInFlight(db: Database, ids: readonly number[]): () => void {
  const set = sending.get(db) ?? new Set<number>();
  sending.set(db, set);
  for (const id of ids) set.add(id);
  return () => {
    for (const id of ids) set.delete(id);
  };
}

export const isInFlight = (db: Database, id: number): boolean => sending.get(db)?.has(id) ?? false;
