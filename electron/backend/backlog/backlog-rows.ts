import type { Database } from 'better-sqlite3';
import type { BacklogItem, BacklogWeights } from '../../../shared/api/backlog';
import type { SupportRequest } from '../../../shared/api/support';
import { prepared } from '../cache/prepared';

/** Cache writes of the synced backlog entities; catalog-writes' applyChange calls them for pulls and optimistic writes alike. */

export function putBacklogItem(db: Database, item: BacklogItem): void {
  prepared(
    db,
    `INSERT INTO backlog_items (id, title, capability, status, phase, rank, rank_manual, demand_teams, updated_at, data)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET title = excluded.title, capability = excluded.capability,
       status = excluded.status, phase = excluded.phase, rank = excluded.rank, rank_manual = excluded.rank_manual,
       demand_teams = excluded.demand_teams, updated_at = excluded.updated_at, data = excluded.data`,
  ).run(
    item.id,
    item.title,
    item.capability,
    item.status,
    item.phase,
    item.rank,
    item.rankManual ? 1 : 0,
    item.demandTeamIds.length,
    item.updatedAt,
    JSON.stringify(item),
  );
}

export function putBacklogWeights(db: Database, weights: BacklogWeights): void {
  prepared(
    db,
    'INSERT INTO backlog_weights (id, data) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET data = excluded.data',
  ).run(weights.id, JSON.stringify(weights));
}

export function putSupportRequest(db: Database, r: SupportRequest): void {
  prepared(
    db,
    `INSERT INTO support_requests (id, title, status, tier, kind, capability, team_id, linked_item_id, created_at, data)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET title = excluded.title, status = excluded.status, tier = excluded.tier,
       kind = excluded.kind, capability = excluded.capability, team_id = excluded.team_id,
       linked_item_id = excluded.linked_item_id, created_at = excluded.created_at, data = excluded.data`,
  ).run(
    r.id,
    r.title,
    r.status,
    r.tier,
    r.kind,
    r.capability,
    r.teamId,
    r.linkedItemId,
    r.createdAt,
    JSON.stringify(r),
  );
}

export const backlogTables = {
  backlog_item: 'backlog_items',
  backlog_weights: 'backlog_weights',
  support_request: 'support_requests',
} as const;
