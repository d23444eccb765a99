import type { Migration } from '../../cache/migrate';

/**
 * Cache migration 50 (issue 12, windowed reads): an index behind every support sort, so a window
 * of the list (rows 900–1,000 by SLA due time, say) is a walk along one index, never a sort of
 * every request (docs/architecture.md, "Core").
 *
 * `sla_due_ms`: when the running first-response clock is due (ms since the epoch); NO_RUNNING_CLOCK
 * (see sla-sort-key.ts) when the clock stopped or the request has no target, so those sort last
 * when soonest-due comes first. Kept by the support writer from the domain's clock; rows written
 * before this migration are filled once by `fillSlaSortKeys` (the SLA rules live in TypeScript,
 * never in a second copy in SQL). Ties fall to the newest request, then the id.
 */
export const supportSortIndexesMigration: Migration = {
  version: 50,
  name: 'support: SLA due column and an index per sort',
  sql: `
      ALTER TABLE support_requests ADD COLUMN sla_due_ms INTEGER;
      CREATE INDEX support_sort_created ON support_requests (created_at, id);
      CREATE INDEX support_sort_sla_asc ON support_requests (sla_due_ms, created_at DESC, id);
      CREATE INDEX support_sort_sla_desc ON support_requests (
        (CASE WHEN sla_due_ms >= 8640000000000000 THEN -1 ELSE sla_due_ms END) DESC, created_at DESC, id);
      CREATE INDEX support_sort_tier_asc ON support_requests (
        (CASE tier WHEN 'documentation' THEN 0 WHEN 'community' THEN 1 ELSE 2 END), created_at DESC, id);
      CREATE INDEX support_sort_tier_desc ON support_requests (
        (CASE tier WHEN 'documentation' THEN 0 WHEN 'community' THEN 1 ELSE 2 END) DESC, created_at DESC, id);
    `,
};
