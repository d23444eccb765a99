import { flagsCommands } from '../../../../shared/features/flags/ipc';
import { defineBackendFeature } from '../../composition/backend-feature';
import { flagsCacheMigration } from './cache-migration';
import { createFlagsHandlers } from './handlers';
import { flagsLocalMutators } from './local-mutators';
import { flagsWriters } from './writers';

/** Feature flags on the desktop: read from the cache, created, toggled and rolled out through the outbox. */
export const flagsBackend = defineBackendFeature({
  name: 'flags',
  commands: flagsCommands,
  cacheMigrations: [flagsCacheMigration],
  syncedTables: ['flags'],
  entityWriters: flagsWriters,
  localMutators: flagsLocalMutators,
  handlers: createFlagsHandlers,
});
