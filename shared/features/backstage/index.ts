import { defineSharedFeature } from '../../ipc/shared-feature';
import { backstageCommands } from './ipc';

/** The Backstage import/export's share of the contract: IPC commands only (it owns no synced entity). */
export const backstageShared = defineSharedFeature({
  name: 'backstage',
  entities: {},
  commands: backstageCommands,
  events: {},
});
