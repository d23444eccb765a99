/** What other features may use of support: its page address. */
export { supportRoutes } from './routes';
