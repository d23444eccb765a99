import { defineSlot } from '../../shell/slots';

/**
 * The service page's sections below its facts and links: other features add theirs
 * (deployments, resources, secrets) so the catalog never imports them.
 */
export const serviceSections = defineSlot<{ serviceId: string; serviceName: string }>(
  'catalog.service-sections',
);

/**
 * Extra facts in the service page's details list (a `<dt>`/`<dd>` pair each, or nothing): git
 * hosting adds the platform repository's clone URL there.
 */
export const serviceFacts = defineSlot<{ serviceId: string }>('catalog.service-facts');
