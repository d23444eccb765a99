import { resourcesCommands } from '../../../../shared/features/resources/ipc';
import { defineBackendFeature } from '../../composition/backend-feature';
import { createResourceHandlers } from './handlers';
import { resourceMutators } from './local-mutators';
import { resourceWriters } from './writers';

/** Resources on the desktop: listed from the cache, provisioned offline-first. Tables: cache migration 10 (operations). */
export const resourcesBackend = defineBackendFeature({
  name: 'resources',
  commands: resourcesCommands,
  cacheMigrations: [],
  syncedTables: ['resources'],
  entityWriters: resourceWriters,
  localMutators: resourceMutators,
  handlers: createResourceHandlers,
});
