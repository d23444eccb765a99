import { catalogCommands } from '../../../../shared/features/catalog/ipc';
import { defineBackendFeature } from '../../composition/backend-feature';
import { catalogSortIndexesMigration } from './cache-migration';
import { catalogFacetCountsMigration } from './facet-counts-migration';
import { createCatalogHandlers } from './handlers';
import { catalogLocalMutators } from './local-mutators';
import { catalogSearchPrefixMigration } from './search-prefix-migration';
import { catalogWriteHooks, catalogWriters } from './writers';

/**
 * The catalog on the desktop: services (with full-text search) and environments. Its tables were
 * created by core migration 1, which shipped before features had folders; its own migrations add
 * the sort indexes (46), the facet counts (47) and the search index's prefix lists (48).
 */
export const catalogBackend = defineBackendFeature({
  name: 'catalog',
  commands: catalogCommands,
  cacheMigrations: [catalogSortIndexesMigration, catalogFacetCountsMigration, catalogSearchPrefixMigration],
  syncedTables: ['services', 'environments'],
  // Derived from services: emptied with them when a resync clears the cache.
  indexTables: ['services_fts', 'service_facet_counts'],
  entityWriters: catalogWriters,
  entityWriteHooks: catalogWriteHooks,
  localMutators: catalogLocalMutators,
  handlers: createCatalogHandlers,
});
