import { defineSlot } from '../../shell/slots';

/**
 * The service page's sections below its facts and links: other features add theirs
 * (deployments, resources, secrets) so the catalog never imports them.
 */
export const serviceSections = defineSlot<{ serviceId: string; serviceName: string }>(
  'catalog.service-sections',
);
