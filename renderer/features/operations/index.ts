import { pageRoute } from '../../router/page-route';
import type { RendererFeature } from '../../shell/renderer-feature';
import { operationQueryKeysByTable } from './data';
import { OperationDetailPage } from './OperationDetailPage';
import { OperationsPage } from './OperationsPage';
import { operationRoutes } from './routes';

/** Platform jobs (deploys, provisioning, …): the list, one job's detail and its live log. */
export const operationsRenderer: RendererFeature = {
  name: 'operations',
  routes: [
    pageRoute(operationRoutes.operations, OperationsPage),
    pageRoute(operationRoutes.operation, OperationDetailPage),
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
