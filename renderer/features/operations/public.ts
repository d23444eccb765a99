/**
 * What other features may use of operations: the job pages' addresses, the status badge and
 * progress bar every job-backed view shows, and the list query.
 */
export { operationRoutes } from './routes';
export { OperationProgress, OperationStatusBadge } from './OperationStatusBadge';
export { operationsListQuery } from './data';
