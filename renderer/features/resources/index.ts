import type { RendererFeature } from '../../shell/renderer-feature';
import { contribute } from '../../shell/slots';
import { servicePageAt, serviceSections } from '../catalog/public';
import { resourceQueryKeysByTable } from './data';
import { ResourcesSection } from './ResourcesSection';

/** Databases, caches and queues of a service: a section of the service page. */
export const resourcesRenderer: RendererFeature = {
  name: 'resources',
  paletteCommands: [
    {
      id: 'provision-resource',
      kind: 'action',
      label: 'Provision a database, cache or queue for this service',
      keywords: 'postgres postgresql redis queue resource',
      href: servicePageAt,
      then: { click: '[data-testid="provision-resource"]' },
    },
  ],
  queryKeysByTable: resourceQueryKeysByTable,
  slots: [contribute(serviceSections, ResourcesSection)],
};
