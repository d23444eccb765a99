import { defineSharedFeature } from '../../ipc/shared-feature';
import { Survey } from './api';
import { surveysCommands } from './ipc';

/** The surveys feature's share of the contract: its synced entities, IPC commands and events. */
export const surveysShared = defineSharedFeature({
  name: 'surveys',
  entities: { survey: Survey },
  commands: surveysCommands,
  events: {},
});
