// The catalog's public entry: what other features may use (docs/architecture.md, "Features").
export { assertCanActOnService } from './service-access';
export { createService, listServices, updateService } from './store';
