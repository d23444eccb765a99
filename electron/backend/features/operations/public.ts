/**
 * What other backend features may use of operations (docs/architecture.md, "Rules"): the queued
 * placeholder a job-creating intent shows at once, and how to tell a local-only id.
 */
export { intentFacts, isLocalId, LOCAL_ID_PREFIX, placeholderOperation } from './placeholders';
