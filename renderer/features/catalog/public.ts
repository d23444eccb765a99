/**
 * What other features may use of the catalog (docs/architecture.md, "Features"): its page
 * addresses, the service page's slots (sections, facts), and the list query (to find a service by name).
 */
export { catalogRoutes } from './routes';
export { serviceFacts, serviceSections } from './service-sections';
export { catalogListQuery } from './data';
export { servicePageAt } from './service-page-at';
