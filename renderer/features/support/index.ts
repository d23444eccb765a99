import { pageRoute } from '../../router/page-route';
import { lazyPage } from '../../shell/lazy-page';
import type { RendererFeature } from '../../shell/renderer-feature';
import { supportQueryKeysByTable } from './data';
import { supportRoutes } from './routes';

/** Support intake: requests with their SLA clock, escalation, resolution and backlog links. */
export const supportRenderer: RendererFeature = {
  name: 'support',
  routes: [
    pageRoute(
      supportRoutes.support,
      lazyPage(() => import('./SupportPage').then((module) => module.SupportPage)),
    ),
  ],
  navEntries: [
    {
      group: 'Platform',
      order: 30,
      label: 'Support',
      icon: '?',
      href: supportRoutes.support.href(),
      activeOn: [supportRoutes.support],
      testId: 'nav-support',
    },
  ],
  paletteCommands: [
    {
      id: 'file-support-request',
      kind: 'action',
      label: 'File a support request',
      keywords: 'help ask platform team ticket',
      href: supportRoutes.support.href(),
      then: { click: '[data-testid="support-new"]' },
    },
  ],
  queryKeysByTable: supportQueryKeysByTable,
};
