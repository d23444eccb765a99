import { defineSharedFeature } from '../../ipc/shared-feature';
import { SecretMeta } from './api';
import { secretsCommands } from './ipc';

/** The secrets feature's share of the contract: its synced entities, IPC commands and events. */
export const secretsShared = defineSharedFeature({
  name: 'secrets',
  entities: { secret: SecretMeta },
  commands: secretsCommands,
  events: {},
});
