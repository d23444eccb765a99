import { defineSharedFeature } from '../../ipc/shared-feature';
import { PlatformEvent } from './api';

/** Platform events' share of the contract: one synced entity, read by the metrics. */
export const eventsShared = defineSharedFeature({
  name: 'events',
  entities: { platform_event: PlatformEvent },
  commands: {},
  events: {},
});
