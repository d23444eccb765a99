/** What other backend features may use of the catalog (docs/architecture.md, "Rules"). */
export { serviceName } from './queries';
