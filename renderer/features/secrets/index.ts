import type { RendererFeature } from '../../shell/renderer-feature';
import { contribute } from '../../shell/slots';
import { serviceSections } from '../catalog/public';
import { secretQueryKeysByTable } from './data';
import { SecretsSection } from './SecretsSection';

/** A service's secrets per environment (names only; values are write-only): a section of the service page. */
export const secretsRenderer: RendererFeature = {
  name: 'secrets',
  queryKeysByTable: secretQueryKeysByTable,
  slots: [contribute(serviceSections, SecretsSection)],
};
