/**
 * What other features may use of operations: the job pages' addresses, the status badge and
 * progress bar every job-backed view shows, the queries of one operation and of a window of them,
 * and an operation's live log.
 */
export { operationRoutes } from './routes';
export { OperationProgress, OperationStatusBadge } from './OperationStatusBadge';
export { operationQuery, operationsWindowQuery } from './data';
export { useOperationLog } from './use-operation-log';
