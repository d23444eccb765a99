import type { Migration } from '../../cache/migrate';

/**
 * Cache migration 20 (issue 4): the synced backlog, weights and support requests. Disposable like every
 * synced table. Columns hold what SQLite filters and sorts on; `data` keeps the full API shape.
 */
export const backlogCacheMigration: Migration = {
  version: 20,
  name: 'backlog items, weights, support requests',
  sql: `
      CREATE TABLE backlog_items (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        capability TEXT NOT NULL,
        status TEXT NOT NULL,
        phase TEXT NOT NULL,
        rank TEXT NOT NULL,
        rank_manual INTEGER NOT NULL,
        demand_teams INTEGER NOT NULL,
        updated_at TEXT NOT NULL,
        data TEXT NOT NULL
      );
      -- Fractional keys compare byte-wise: SQLite's default BINARY collation does exactly that.
      CREATE INDEX backlog_items_rank ON backlog_items (rank, id);
      CREATE INDEX backlog_items_status ON backlog_items (status, phase);
      CREATE TABLE backlog_weights (
        id TEXT PRIMARY KEY,
        data TEXT NOT NULL
      );
      CREATE TABLE support_requests (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        status TEXT NOT NULL,
        tier TEXT NOT NULL,
        kind TEXT NOT NULL,
        capability TEXT NOT NULL,
        team_id TEXT,
        linked_item_id TEXT,
        created_at TEXT NOT NULL,
        data TEXT NOT NULL
      );
      CREATE INDEX support_requests_created ON support_requests (created_at DESC);
      CREATE INDEX support_requests_capability ON support_requests (capability, created_at);
    `,
};
