import { entityWriter } from '../../cache/synced-entities';
import { upsertSynced } from '../../cache/upsert-synced';

/** Synced backlog items and the prioritization weights. */
export const backlogWriters = [
  entityWriter({
    entity: 'backlog_item',
    table: 'backlog_items',
    put: (db, item) =>
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
      ),
  }),
  entityWriter({
    entity: 'backlog_weights',
    table: 'backlog_weights',
    put: (db, weights) => upsertSynced(db, 'backlog_weights', weights.id, {}, weights),
  }),
];
