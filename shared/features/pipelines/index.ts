import { defineSharedFeature } from '../../ipc/shared-feature';
import { PipelineRun } from './api';
import { pipelinesCommands } from './ipc';

/** The pipelines feature's share of the contract: pipeline runs and their commands. */
export const pipelinesShared = defineSharedFeature({
  name: 'pipelines',
  entities: { pipeline_run: PipelineRun },
  commands: pipelinesCommands,
  events: {},
});
