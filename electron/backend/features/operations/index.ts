import { operationsCommands } from '../../../../shared/features/operations/ipc';
import { defineBackendFeature } from '../../composition/backend-feature';
import { operationsCacheMigration } from './cache-migration';
import { createOperationHandlers } from './handlers';
import { operationsSortIndexesMigration } from './sort-indexes-migration';
import { operationWriters } from './writers';

/**
 * Operations (the platform's jobs) on the desktop: the synced list, live logs, and the queued
 * placeholders other features show for a job they enqueued (public.ts). Cache migration 10 shipped
 * before features had folders: it also creates the resources and secrets features' tables;
 * migration 51 adds the list's sort indexes.
 */
export const operationsBackend = defineBackendFeature({
  name: 'operations',
  commands: operationsCommands,
  cacheMigrations: [operationsCacheMigration, operationsSortIndexesMigration],
  // operation_events is not in the change log, but it describes synced operations: cleared with them.
  syncedTables: ['operations', 'operation_events'],
  entityWriters: operationWriters,
  localMutators: [],
  handlers: createOperationHandlers,
});
