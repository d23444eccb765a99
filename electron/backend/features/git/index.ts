import { gitCommands } from '../../../../shared/features/git/ipc';
import { defineBackendFeature } from '../../composition/backend-feature';
import { gitCacheMigration } from './cache-migration';
import { createGitHandlers } from './handlers';

/** Git hosting on the desktop: the Source view of a service, fetched online and kept for offline. */
export const gitBackend = defineBackendFeature({
  name: 'git',
  commands: gitCommands,
  cacheMigrations: [gitCacheMigration],
  // Cleared on a resync: another platform means other repositories.
  syncedTables: ['git_repositories'],
  entityWriters: [],
  localMutators: [],
  handlers: createGitHandlers,
});
