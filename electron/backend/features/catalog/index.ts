import { catalogCommands } from '../../../../shared/features/catalog/ipc';
import { defineBackendFeature } from '../../composition/backend-feature';
import { catalogSortIndexesMigration } from './cache-migration';
import { createCatalogHandlers } from './handlers';
import { catalogLocalMutators } from './local-mutators';
import { catalogWriteHooks, catalogWriters } from './writers';

/**
 * The catalog on the desktop: services (with full-text search) and environments. Its tables were
 * created by core migration 1, which shipped before features had folders; its own migration 46
 * adds the sort indexes.
 */
export const catalogBackend = defineBackendFeature({
  name: 'catalog',
  commands: catalogCommands,
  cacheMigrations: [catalogSortIndexesMigration],
  syncedTables: ['services', 'environments'],
  indexTables: ['services_fts'],
  entityWriters: catalogWriters,
  entityWriteHooks: catalogWriteHooks,
  localMutators: catalogLocalMutators,
  handlers: createCatalogHandlers,
});
