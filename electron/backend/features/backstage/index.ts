import { backstageCommands } from '../../../../shared/features/backstage/ipc';
import { defineBackendFeature } from '../../composition/backend-feature';
import { createBackstageHandlers } from './handlers';

/** Backstage catalog import and export on the desktop: calls to the platform, nothing cached. */
export const backstageBackend = defineBackendFeature({
  name: 'backstage',
  commands: backstageCommands,
  cacheMigrations: [],
  syncedTables: [],
  entityWriters: [],
  localMutators: [],
  handlers: createBackstageHandlers,
});
