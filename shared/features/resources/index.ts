import { defineSharedFeature } from '../../ipc/shared-feature';
import { Resource } from './api';
import { resourcesCommands } from './ipc';

/** The resources feature's share of the contract: its synced entities, IPC commands and events. */
export const resourcesShared = defineSharedFeature({
  name: 'resources',
  entities: { resource: Resource },
  commands: resourcesCommands,
  events: {},
});
