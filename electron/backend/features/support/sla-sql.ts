import type { Database } from 'better-sqlite3';
import {
  firstResponseTargetMs,
  slaClock,
  type SupportKind,
  type SupportTier,
} from '../../../../shared/domain/support-sla';

/**
 * The SLA clock as SQLite functions, so the support list filters and sorts by SLA state and due time
 * inside one query — with the very rules of shared/domain/support-sla.ts, never a second copy in SQL.
 *
 *   support_sla_state(tier, kind, created_at, first_response_at, resolved_at, escalated_at, now_ms)
 *   support_sla_due_ms(tier, kind, created_at)   -- NULL without a first-response target
 */

const registered = new WeakSet<Database>();

const TIERS: readonly string[] = ['documentation', 'community', 'direct'] satisfies SupportTier[];
const KINDS: readonly string[] = ['question', 'blocking', 'production'] satisfies SupportKind[];

const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const tierOf = (v: unknown): SupportTier =>
  TIERS.includes(String(v)) ? (v as SupportTier) : 'documentation';
const kindOf = (v: unknown): SupportKind => (KINDS.includes(String(v)) ? (v as SupportKind) : 'question');

export function registerSupportSlaFunctions(db: Database): void {
  if (registered.has(db)) return;
  db.function(
    'support_sla_state',
    { deterministic: true },
    (tier, kind, created, first, resolved, escalated, now) =>
      slaClock(
        {
          tier: tierOf(tier),
          kind: kindOf(kind),
          createdAt: text(created) ?? new Date(0).toISOString(),
          firstResponseAt: text(first),
          resolvedAt: text(resolved),
          escalatedAt: text(escalated),
        },
        new Date(Number(now)),
      ).state,
  );
  db.function('support_sla_due_ms', { deterministic: true }, (tier, kind, created) => {
    const target = firstResponseTargetMs(tierOf(tier), kindOf(kind));
    const at = Date.parse(text(created) ?? '');
    return target === null || Number.isNaN(at) ? null : at + target;
  });
  registered.add(db);
}
