import type { RendererFeature } from '../../shell/renderer-feature';
import { contribute } from '../../shell/slots';
import { serviceSections } from '../catalog/public';
import { resourceQueryKeysByTable } from './data';
import { ResourcesSection } from './ResourcesSection';

/** Databases, caches and queues of a service: a section of the service page. */
export const resourcesRenderer: RendererFeature = {
  name: 'resources',
  queryKeysByTable: resourceQueryKeysByTable,
  slots: [contribute(serviceSections, ResourcesSection)],
};
