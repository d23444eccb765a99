import { pageRoute } from '../../router/page-route';
import { lazyPage } from '../../shell/lazy-page';
import type { RendererFeature } from '../../shell/renderer-feature';
import { operationQueryKeysByTable } from './data';
import { operationRoutes } from './routes';

/** Platform jobs (deploys, provisioning, …): the list, one job's detail and its live log. */
export const operationsRenderer: RendererFeature = {
  name: 'operations',
  routes: [
    pageRoute(
      operationRoutes.operations,
      lazyPage(() => import('./OperationsPage').then((module) => module.OperationsPage)),
    ),
    pageRoute(
      operationRoutes.operation,
      lazyPage(() => import('./OperationDetailPage').then((module) => module.OperationDetailPage)),
    ),
  ],
  navEntries: [
    {
      group: 'Services',
      order: 30,
      label: 'Operations',
      icon: '◷',
      href: operationRoutes.operations.href(),
      activeOn: [operationRoutes.operations, operationRoutes.operation],
      testId: 'nav-operations',
    },
  ],
  queryKeysByTable: operationQueryKeysByTable,
};
