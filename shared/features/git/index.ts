import { defineSharedFeature } from '../../ipc/shared-feature';
import { gitCommands } from './ipc';

/** Git hosting's share of the contract: one command (its pushes sync as platform events). */
export const gitShared = defineSharedFeature({
  name: 'git',
  entities: {},
  commands: gitCommands,
  events: {},
});
