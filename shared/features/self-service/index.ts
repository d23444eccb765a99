import { defineSharedFeature } from '../../ipc/shared-feature';
import { AlertRule, Deployment, Incident, ServiceVersion } from './api';
import { selfServiceCommands, selfServiceEvents } from './ipc';

/** The self-service feature's share of the contract: its synced entities, IPC commands and events. */
export const selfServiceShared = defineSharedFeature({
  name: 'self-service',
  entities: {
    deployment: Deployment,
    alert_rule: AlertRule,
    incident: Incident,
    version: ServiceVersion,
  },
  commands: selfServiceCommands,
  events: selfServiceEvents,
});
