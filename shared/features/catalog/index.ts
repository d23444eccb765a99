import { defineSharedFeature } from '../../ipc/shared-feature';
import { Environment, Service } from './api';
import { catalogCommands } from './ipc';

/** The catalog feature's share of the contract: its synced entities, IPC commands and events. */
export const catalogShared = defineSharedFeature({
  name: 'catalog',
  entities: { service: Service, environment: Environment },
  commands: catalogCommands,
  events: {},
});
