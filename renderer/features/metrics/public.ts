/** What other renderer features may use of metrics: its page address. */
export { metricsRoutes } from './routes';
