import { defineSharedFeature } from '../../ipc/shared-feature';
import { Operation } from './api';
import { operationsCommands, operationsEvents } from './ipc';

/** The operations feature's share of the contract: its synced entities, IPC commands and events. */
export const operationsShared = defineSharedFeature({
  name: 'operations',
  entities: { operation: Operation },
  commands: operationsCommands,
  events: operationsEvents,
});
