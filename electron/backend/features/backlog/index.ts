import { backlogCommands } from '../../../../shared/features/backlog/ipc';
import { defineBackendFeature } from '../../composition/backend-feature';
import { backlogCacheMigration } from './cache-migration';
import { createBacklogHandlers } from './handlers';
import { backlogLocalMutators } from './local-mutators';
import { backlogSortIndexMigration } from './sort-index-migration';
import { backlogWriters } from './writers';

/**
 * The backlog on the desktop: items, prioritization weights, the roadmap and the CSV export.
 * Cache migration 20 shipped before features had folders: it also creates the support feature's
 * `support_requests` table. Migration 49 puts an index behind every list order.
 */
export const backlogBackend = defineBackendFeature({
  name: 'backlog',
  commands: backlogCommands,
  cacheMigrations: [backlogCacheMigration, backlogSortIndexMigration],
  syncedTables: ['backlog_items', 'backlog_weights'],
  entityWriters: backlogWriters,
  localMutators: backlogLocalMutators,
  handlers: createBacklogHandlers,
});
