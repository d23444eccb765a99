import type { RendererFeature } from '../../shell/renderer-feature';
import { contribute } from '../../shell/slots';
import { serviceSections } from '../catalog/public';
import { flagQueryKeysByTable } from './data';
import { FlagsSection } from './FlagsSection';

/** A service's feature flags per environment: a section of the service page. */
export const flagsRenderer: RendererFeature = {
  name: 'flags',
  queryKeysByTable: flagQueryKeysByTable,
  slots: [contribute(serviceSections, FlagsSection)],
};
