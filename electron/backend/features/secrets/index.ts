import { secretsCommands } from '../../../../shared/features/secrets/ipc';
import { defineBackendFeature } from '../../composition/backend-feature';
import { createSecretHandlers } from './handlers';
import { secretWriters } from './writers';

/** Secrets on the desktop: metadata from the cache, values straight to the platform (never queued). */
export const secretsBackend = defineBackendFeature({
  name: 'secrets',
  commands: secretsCommands,
  cacheMigrations: [],
  syncedTables: ['secrets'],
  entityWriters: secretWriters,
  localMutators: [],
  handlers: createSecretHandlers,
});
