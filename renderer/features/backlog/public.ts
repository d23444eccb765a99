/**
 * What other features may use of the backlog: its page addresses and the list query (support
 * links requests to items).
 */
export { backlogRoutes } from './routes';
export { backlogListQuery } from './data';
