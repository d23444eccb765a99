import { contribute } from '../../shell/slots';
import { pageRoute } from '../../router/page-route';
import { lazyPage } from '../../shell/lazy-page';
import type { RendererFeature } from '../../shell/renderer-feature';
import { servicePageAt, serviceSections } from '../catalog/public';
import { selfServiceQueryKeysByTable } from './data';
import { DeploymentsSection } from './DeploymentsSection';
import { IncidentNotifications } from './IncidentNotifications';
import { selfServiceRoutes } from './routes';

/**
 * Self-service: create a service from a template, deploy and roll back (the service page's
 * deployments section with its live log and alert rules), incidents and cost.
 */
export const selfServiceRenderer: RendererFeature = {
  name: 'self-service',
  routes: [
    pageRoute(
      selfServiceRoutes.createService,
      lazyPage(() => import('./CreateServicePage').then((module) => module.CreateServicePage)),
    ),
    pageRoute(
      selfServiceRoutes.incidents,
      lazyPage(() => import('./IncidentsPage').then((module) => module.IncidentsPage)),
    ),
    pageRoute(
      selfServiceRoutes.cost,
      lazyPage(() => import('./CostPage').then((module) => module.CostPage)),
    ),
  ],
  navEntries: [
    {
      group: 'Services',
      order: 20,
      label: 'Create service',
      icon: '+',
      href: selfServiceRoutes.createService.href(),
      activeOn: [selfServiceRoutes.createService],
      testId: 'nav-create-service',
    },
    {
      group: 'Services',
      order: 40,
      label: 'Incidents',
      icon: '⚠',
      href: selfServiceRoutes.incidents.href(),
      activeOn: [selfServiceRoutes.incidents],
      testId: 'nav-incidents',
    },
    {
      group: 'Services',
      order: 50,
      label: 'Cost',
      icon: '$',
      href: selfServiceRoutes.cost.href(),
      activeOn: [selfServiceRoutes.cost],
      testId: 'nav-cost',
    },
  ],
  paletteCommands: [
    {
      id: 'create-service',
      kind: 'action',
      label: 'Create a service',
      keywords: 'new template scaffold',
      href: selfServiceRoutes.createService.href(),
      then: { focus: '[data-testid="template-option"]' },
    },
    {
      id: 'deploy-this-service',
      kind: 'action',
      label: 'Deploy this service',
      keywords: 'release ship version canary rollback',
      href: servicePageAt,
      then: { focus: '#deploy-version-development' },
    },
  ],
  queryKeysByTable: selfServiceQueryKeysByTable,
  slots: [contribute(serviceSections, DeploymentsSection)],
  background: [IncidentNotifications],
};
