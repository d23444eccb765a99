import { defineSharedFeature } from '../../ipc/shared-feature';
import { metricsCommands } from './ipc';

/** Delivery metrics' share of the contract: commands only (reports are computed, not synced). */
export const metricsShared = defineSharedFeature({
  name: 'metrics',
  entities: {},
  commands: metricsCommands,
  events: {},
});
