import type { RendererFeature } from '../../shell/renderer-feature';
import { contribute } from '../../shell/slots';
import { serviceFacts, serviceSections } from '../catalog/public';
import { gitQueryKeysByTable } from './data';
import { RepositoryFact } from './RepositoryFact';
import { SourceSection } from './SourceSection';

/** Git hosting in the app: the Source section of the service page (clone URL, commits, what runs where). */
export const gitRenderer: RendererFeature = {
  name: 'git',
  queryKeysByTable: gitQueryKeysByTable,
  slots: [contribute(serviceSections, SourceSection), contribute(serviceFacts, RepositoryFact)],
};
