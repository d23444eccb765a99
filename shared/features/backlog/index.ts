import { defineSharedFeature } from '../../ipc/shared-feature';
import { BacklogItem, BacklogWeights } from './api';
import { backlogCommands } from './ipc';

/** The backlog feature's share of the contract: its synced entities, IPC commands and events. */
export const backlogShared = defineSharedFeature({
  name: 'backlog',
  entities: { backlog_item: BacklogItem, backlog_weights: BacklogWeights },
  commands: backlogCommands,
  events: {},
});
