import { eventsShared } from '../../../../shared/features/events';
import { defineBackendFeature } from '../../composition/backend-feature';
import { eventsCacheMigration } from './cache-migration';
import { eventsWriters } from './writers';

/** Platform events in the cache: written by sync, read by the metrics (no commands of its own yet). */
export const eventsBackend = defineBackendFeature({
  name: 'events',
  commands: eventsShared.commands,
  cacheMigrations: [eventsCacheMigration],
  syncedTables: ['platform_events'],
  entityWriters: eventsWriters,
  localMutators: [],
  handlers: () => ({ handlers: {} }),
});
