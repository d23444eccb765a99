import { backstageFeature } from './features/backstage';
import { eventsFeature } from './features/events';
import { gitFeature } from './features/git';
import { pipelinesFeature } from './features/pipelines';
import { flagsFeature } from './features/flags';
import { metricsFeature } from './features/metrics';
import { backlogFeature } from './features/backlog';
import { catalogFeature } from './features/catalog';
import { operationsFeature } from './features/operations';
import { resourcesFeature } from './features/resources';
import { secretsFeature } from './features/secrets';
import { selfServiceFeature } from './features/self-service';
import { supportFeature } from './features/support';
import { surveysFeature } from './features/surveys';
import { tokensFeature } from './features/tokens';
import type { ServerFeature } from './platform/server-feature';

/**
 * Every feature of the platform API, one line each (docs/architecture.md, "Add a feature"). The
 * order matters twice: a feature installs after the features whose services it uses, and the
 * demo seed runs in this order.
 */
export const serverFeatures: readonly ServerFeature[] = [
  catalogFeature,
  secretsFeature,
  operationsFeature,
  resourcesFeature,
  selfServiceFeature,
  gitFeature,
  pipelinesFeature,
  flagsFeature,
  backlogFeature,
  supportFeature,
  surveysFeature,
  eventsFeature,
  metricsFeature,
  backstageFeature,
  tokensFeature,
];
