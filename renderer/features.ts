import { backstageRenderer } from './features/backstage';
import { backlogRenderer } from './features/backlog';
import { catalogRenderer } from './features/catalog';
import { catalogRoutes } from './features/catalog/public';
import { flagsRenderer } from './features/flags';
import { gitRenderer } from './features/git';
import { metricsRenderer } from './features/metrics';
import { pipelinesRenderer } from './features/pipelines';
import { operationsRenderer } from './features/operations';
import { resourcesRenderer } from './features/resources';
import { secretsRenderer } from './features/secrets';
import { selfServiceRenderer } from './features/self-service';
import { supportRenderer } from './features/support';
import { surveysRenderer } from './features/surveys';
import type { Home, RendererFeature } from './shell/renderer-feature';

/**
 * The renderer's features (docs/architecture.md, "Add a feature"): one import and one entry each.
 * The order is the order of their palette pages and of their parts in a shared slot: the service
 * page shows what runs first (deployments), then the everyday loop (pipeline, flags), then where
 * the code lives (source), then what it uses (resources, secrets).
 */
export const rendererFeatures: readonly RendererFeature[] = [
  catalogRenderer,
  operationsRenderer,
  selfServiceRenderer,
  pipelinesRenderer,
  flagsRenderer,
  gitRenderer,
  resourcesRenderer,
  secretsRenderer,
  backlogRenderer,
  supportRenderer,
  surveysRenderer,
  metricsRenderer,
  backstageRenderer,
];

/** `#/` opens the catalog, and the not-found page leads back to it. */
export const home: Home = {
  path: catalogRoutes.catalog.pattern,
  href: catalogRoutes.catalog.href(),
  label: 'Go to the catalog',
};
