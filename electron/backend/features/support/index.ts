import { supportCommands } from '../../../../shared/features/support/ipc';
import { defineBackendFeature } from '../../composition/backend-feature';
import { supportSortIndexesMigration } from './cache-migration';
import { createSupportHandlers } from './handlers';
import { supportLocalMutators } from './local-mutators';
import { supportWriters } from './writers';

/**
 * Support intake on the desktop: requests with their SLA clock, replies, escalation, and linking or
 * promoting a request to a backlog item (through the backlog's public entry). Its table comes from
 * cache migration 20 (backlog); its sort indexes from migration 50.
 */
export const supportBackend = defineBackendFeature({
  name: 'support',
  commands: supportCommands,
  cacheMigrations: [supportSortIndexesMigration],
  syncedTables: ['support_requests'],
  entityWriters: supportWriters,
  localMutators: supportLocalMutators,
  handlers: createSupportHandlers,
});
