import type { Migration } from '../../cache/migrate';

/**
 * Cache migration 49 (issue 12): an index behind every order the backlog list offers, so reading
 * the ids of a sorted list walks an index instead of sorting the table first. The status order is
 * an expression index: its CASE must stay the same text as the list's ORDER BY
 * (electron/backend/features/backlog/queries.ts, sortSql). The lead's order already has one
 * (migration 20); the model score is computed, not stored, and sorted in memory.
 */
export const backlogSortIndexMigration: Migration = {
  version: 49,
  name: 'backlog: an index behind every list order',
  sql: `
      CREATE INDEX backlog_items_title ON backlog_items (title COLLATE NOCASE, id);
      CREATE INDEX backlog_items_demand ON backlog_items (demand_teams, rank, id);
      CREATE INDEX backlog_items_updated ON backlog_items (updated_at, id);
      CREATE INDEX backlog_items_status_order ON backlog_items (
        (CASE status WHEN 'in_progress' THEN 1 WHEN 'planned' THEN 2 WHEN 'proposed' THEN 3 WHEN 'done' THEN 4 ELSE 5 END),
        rank,
        id
      );
    `,
};
