import type { Database } from 'better-sqlite3';
import { firstResponseTargetMs, type SlaInput } from '../../../../shared/domain/support-sla';
import type { SupportRequest } from '../../../../shared/features/support/api';

/**
 * The largest time a JS Date holds: the SLA sort key of a request whose first-response clock does
 * not run (answered, resolved, or no target), so it sorts after every running clock. The literal is
 * repeated in cache migration 50's descending index, which must match the query's expression.
 */
export const NO_RUNNING_CLOCK = 8_640_000_000_000_000;

/**
 * When the running first-response clock is due, or NO_RUNNING_CLOCK: the same rule as the domain's
 * clock (shared/domain/support-sla.ts) for which states run (on_track, at_risk, breached). It does
 * not depend on the current time, so it can be stored and indexed.
 */
export function slaSortKey(request: Omit<SlaInput, 'escalatedAt'>): number {
  const target = firstResponseTargetMs(request.tier, request.kind);
  const created = Date.parse(request.createdAt);
  if (target === null || Number.isNaN(created)) return NO_RUNNING_CLOCK;
  if (request.firstResponseAt !== null || request.resolvedAt !== null) return NO_RUNNING_CLOCK;
  return created + target;
}

const filled = new WeakSet<Database>();

/**
 * Fills the key for rows written before cache migration 50 (NULL there); the writer keeps it
 * afterwards. Runs once per connection, before the first support read.
 */
export function fillSlaSortKeys(db: Database): void {
  if (filled.has(db)) return;
  filled.add(db);
  const rows = db.prepare('SELECT id, data FROM support_requests WHERE sla_due_ms IS NULL').all() as {
    id: string;
    data: string;
  }[];
  if (rows.length === 0) return;
  const update = db.prepare('UPDATE support_requests SET sla_due_ms = ? WHERE id = ?');
  db.transaction(() => {
    for (const row of rows) update.run(slaSortKey(JSON.parse(row.data) as SupportRequest), row.id);
  })();
}
