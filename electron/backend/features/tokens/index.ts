import { tokensCommands } from '../../../../shared/features/tokens/ipc';
import { defineBackendFeature } from '../../composition/backend-feature';
import { createTokenHandlers } from './handlers';

/** Personal access tokens on the desktop: online-only commands, no cache tables. */
export const tokensBackend = defineBackendFeature({
  name: 'tokens',
  commands: tokensCommands,
  cacheMigrations: [],
  syncedTables: [],
  entityWriters: [],
  localMutators: [],
  handlers: createTokenHandlers,
});
