import { defineSharedFeature } from '../../ipc/shared-feature';
import { tokensCommands } from './ipc';

/** Personal access tokens: created, listed and revoked from Settings (no synced entities). */
export const tokensShared = defineSharedFeature({
  name: 'tokens',
  entities: {},
  commands: tokensCommands,
  events: {},
});
