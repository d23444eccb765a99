import { defineSharedFeature } from '../../ipc/shared-feature';
import { SupportRequest } from './api';
import { supportCommands } from './ipc';

/** The support feature's share of the contract: its synced entities, IPC commands and events. */
export const supportShared = defineSharedFeature({
  name: 'support',
  entities: { support_request: SupportRequest },
  commands: supportCommands,
  events: {},
});
