import type { RendererFeature } from '../../shell/renderer-feature';
import { contribute } from '../../shell/slots';
import { serviceSections } from '../catalog/public';
import { pipelineQueryKeysByTable } from './data';
import { PipelineSection } from './PipelineSection';

/** A service's pipeline runs, their steps and live logs, and promotion: a section of the service page. */
export const pipelinesRenderer: RendererFeature = {
  name: 'pipelines',
  queryKeysByTable: pipelineQueryKeysByTable,
  slots: [contribute(serviceSections, PipelineSection)],
};
