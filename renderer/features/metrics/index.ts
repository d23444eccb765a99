import { pageRoute } from '../../router/page-route';
import { lazyPage } from '../../shell/lazy-page';
import type { RendererFeature } from '../../shell/renderer-feature';
import { metricsQueryKeysByTable } from './data';
import { metricsRoutes } from './routes';

/** Delivery metrics: adoption, DORA before and after the platform, onboarding, NPS and ROI. */
export const metricsRenderer: RendererFeature = {
  name: 'metrics',
  routes: [
    pageRoute(
      metricsRoutes.metrics,
      lazyPage(() => import('./MetricsPage').then((module) => module.MetricsPage)),
    ),
  ],
  navEntries: [
    {
      group: 'Platform',
      order: 50,
      label: 'Metrics',
      icon: '▮',
      href: metricsRoutes.metrics.href(),
      activeOn: [metricsRoutes.metrics],
      testId: 'nav-metrics',
    },
  ],
  paletteCommands: [
    {
      id: 'metrics',
      label: 'Metrics',
      keywords: 'dora adoption roi onboarding lead time deploys nps platform value',
      href: metricsRoutes.metrics.href(),
    },
  ],
  queryKeysByTable: metricsQueryKeysByTable,
};
