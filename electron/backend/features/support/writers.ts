import { entityWriter } from '../../cache/synced-entities';
import { upsertSynced } from '../../cache/upsert-synced';
import { slaSortKey } from './sla-sort-key';

/**
 * Synced support requests (their table comes from cache migration 20, see backlog/index.ts; the SLA
 * sort key from migration 50).
 */
export const supportWriters = [
  entityWriter({
    entity: 'support_request',
    table: 'support_requests',
    put: (db, r) =>
      upsertSynced(
        db,
        'support_requests',
        r.id,
        {
          title: r.title,
          status: r.status,
          tier: r.tier,
          kind: r.kind,
          capability: r.capability,
          team_id: r.teamId,
          linked_item_id: r.linkedItemId,
          created_at: r.createdAt,
          sla_due_ms: slaSortKey(r),
        },
        r,
      ),
  }),
];
