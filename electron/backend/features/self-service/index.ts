import { selfServiceCommands } from '../../../../shared/features/self-service/ipc';
import { defineBackendFeature } from '../../composition/backend-feature';
import { selfServiceCacheMigration } from './cache-migration';
import { versionsCacheMigration } from './versions-cache-migration';
import { createSelfServiceHandlers } from './handlers';
import { selfServiceMutators } from './local-mutators';
import { selfServiceWriters } from './writers';

/**
 * Self-service on the desktop: templates (cached for offline create), create service, deploy (a
 * chosen version, optionally as a canary) and roll back (queued), canary promote/abort (online),
 * published versions, incidents, alert rules, cost and live logs.
 */
export const selfServiceBackend = defineBackendFeature({
  name: 'self-service',
  commands: selfServiceCommands,
  cacheMigrations: [selfServiceCacheMigration, versionsCacheMigration],
  syncedTables: ['deployments', 'alert_rules', 'incidents', 'templates', 'versions'],
  entityWriters: selfServiceWriters,
  localMutators: selfServiceMutators,
  handlers: createSelfServiceHandlers,
});
