/** What other features may use of self-service: its page addresses. */
export { selfServiceRoutes } from './routes';
