import { backstageShared } from './features/backstage';
import { eventsShared } from './features/events';
import { gitShared } from './features/git';
import { metricsShared } from './features/metrics';
import { pipelinesShared } from './features/pipelines';
import { flagsShared } from './features/flags';
import { backlogShared } from './features/backlog';
import { catalogShared } from './features/catalog';
import { operationsShared } from './features/operations';
import { resourcesShared } from './features/resources';
import { secretsShared } from './features/secrets';
import { selfServiceShared } from './features/self-service';
import { supportShared } from './features/support';
import { surveysShared } from './features/surveys';
import { tokensShared } from './features/tokens';

/**
 * Every feature's share of the contract, one line each (docs/architecture.md, "Add a
 * feature"). shared/contract.ts composes them into the IPC map and the sync entities.
 */
export const sharedFeatures = [
  catalogShared,
  operationsShared,
  gitShared,
  pipelinesShared,
  selfServiceShared,
  resourcesShared,
  secretsShared,
  surveysShared,
  backlogShared,
  supportShared,
  eventsShared,
  flagsShared,
  metricsShared,
  backstageShared,
  tokensShared,
] as const;
