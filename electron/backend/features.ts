import { backstageBackend } from './features/backstage';
import { eventsBackend } from './features/events';
import { flagsBackend } from './features/flags';
import { gitBackend } from './features/git';
import { metricsBackend } from './features/metrics';
import { pipelinesBackend } from './features/pipelines';
import { composeBackendFeatures } from './composition/compose-features';
import { backlogBackend } from './features/backlog';
import { catalogBackend } from './features/catalog';
import { operationsBackend } from './features/operations';
import { resourcesBackend } from './features/resources';
import { secretsBackend } from './features/secrets';
import { selfServiceBackend } from './features/self-service';
import { supportBackend } from './features/support';
import { surveysBackend } from './features/surveys';
import { tokensBackend } from './features/tokens';

/** Every feature of the desktop backend, one line each (docs/architecture.md, "Add a feature"). */
export const backendFeatureList = [
  catalogBackend,
  operationsBackend,
  gitBackend,
  pipelinesBackend,
  selfServiceBackend,
  resourcesBackend,
  secretsBackend,
  surveysBackend,
  backlogBackend,
  supportBackend,
  eventsBackend,
  flagsBackend,
  metricsBackend,
  backstageBackend,
  tokensBackend,
] as const;

/** Composed once: `tsc` fails here if a command of the contract has no feature to serve it. */
export const backendFeatures = composeBackendFeatures(backendFeatureList);
