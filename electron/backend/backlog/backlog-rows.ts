import type { Database } from 'better-sqlite3';
import type { BacklogItem, BacklogWeights } from '../../../shared/features/backlog/api';
import type { SupportRequest } from '../../../shared/features/support/api';
import { upsertSynced } from '../cache/upsert-synced';

/** Cache writes of the synced backlog entities; catalog-writes' applyChange calls them for pulls and optimistic writes alike. */

export function putBacklogItem(db: Database, item: BacklogItem): void {
  upsertSynced(
    db,
    'backlog_items',
    item.id,
    {
      title: item.title,
      capability: item.capability,
      status: item.status,
      phase: item.phase,
      rank: item.rank,
      rank_manual: item.rankManual ? 1 : 0,
      demand_teams: item.demandTeamIds.length,
      updated_at: item.updatedAt,
    },
    item,
  );
}

export function putBacklogWeights(db: Database, weights: BacklogWeights): void {
  upsertSynced(db, 'backlog_weights', weights.id, {}, weights);
}

export function putSupportRequest(db: Database, r: SupportRequest): void {
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
    },
    r,
  );
}

export const backlogTables = {
  backlog_item: 'backlog_items',
  backlog_weights: 'backlog_weights',
  support_request: 'support_requests',
} as const;
