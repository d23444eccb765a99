import { pipelinesCommands } from '../../../../shared/features/pipelines/ipc';
import { defineBackendFeature } from '../../composition/backend-feature';
import { pipelinesCacheMigration } from './cache-migration';
import { createPipelinesHandlers } from './handlers';
import { pipelinesLocalMutators } from './local-mutators';
import { pipelinesWriters } from './writers';

/** Pipelines on the desktop: a service's runs (synced), "Run pipeline" (queued) and cancel. */
export const pipelinesBackend = defineBackendFeature({
  name: 'pipelines',
  commands: pipelinesCommands,
  cacheMigrations: [pipelinesCacheMigration],
  syncedTables: ['pipeline_runs'],
  entityWriters: pipelinesWriters,
  localMutators: pipelinesLocalMutators,
  handlers: createPipelinesHandlers,
});
