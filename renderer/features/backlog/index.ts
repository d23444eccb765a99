import { pageRoute } from '../../router/page-route';
import { lazyPage } from '../../shell/lazy-page';
import type { RendererFeature } from '../../shell/renderer-feature';
import { backlogQueryKeysByTable } from './data';
import { backlogRoutes } from './routes';

/** The platform backlog (team demand, models, weights, manual order) and the roadmap. */
export const backlogRenderer: RendererFeature = {
  name: 'backlog',
  routes: [
    pageRoute(
      backlogRoutes.backlog,
      lazyPage(() => import('./BacklogPage').then((module) => module.BacklogPage)),
    ),
    pageRoute(
      backlogRoutes.roadmap,
      lazyPage(() => import('./RoadmapPage').then((module) => module.RoadmapPage)),
    ),
  ],
  navEntries: [
    {
      group: 'Platform',
      order: 10,
      label: 'Backlog',
      icon: '☰',
      href: backlogRoutes.backlog.href(),
      activeOn: [backlogRoutes.backlog],
      testId: 'nav-backlog',
    },
    {
      group: 'Platform',
      order: 20,
      label: 'Roadmap',
      icon: '➜',
      href: backlogRoutes.roadmap.href(),
      activeOn: [backlogRoutes.roadmap],
      testId: 'nav-roadmap',
    },
  ],
  paletteCommands: [
    {
      id: 'propose-backlog-item',
      kind: 'action',
      label: 'Propose a backlog item',
      keywords: 'idea request feature platform new',
      href: backlogRoutes.backlog.href(),
      then: { focus: 'input[aria-label="New item title"]' },
    },
  ],
  queryKeysByTable: backlogQueryKeysByTable,
};
