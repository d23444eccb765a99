import { defineSharedFeature } from '../../ipc/shared-feature';
import { Flag } from './api';
import { flagsCommands } from './ipc';

/** Feature flags' share of the contract: the synced entity `flag` and the desktop's commands. */
export const flagsShared = defineSharedFeature({
  name: 'flags',
  entities: { flag: Flag },
  commands: flagsCommands,
  events: {},
});
