import type { Database } from 'better-sqlite3';

/**
 * Local mutations not yet accepted by the platform (docs/architecture.md, "Sync and push"): pending ones and those
 * waiting for the user to confirm them. See electron/backend/outbox for the rest of the lifecycle.
 */
export function countPendingChanges(db: Database): number {
  const row = db
    .prepare(`SELECT COUNT(*) AS n FROM outbox WHERE status IN ('pending', 'needs_confirmation')`)
    .get() as { n: number };
  return row.n;
}
