import type { Database } from 'better-sqlite3';

/** Local mutations not yet accepted by the platform (DESIGN.md §2, push). */
export function countPendingChanges(db: Database): number {
  const row = db.prepare(`SELECT COUNT(*) AS n FROM outbox WHERE status = 'pending'`).get() as { n: number };
  return row.n;
}
