/** What other features may use of surveys: their page addresses. */
export { surveyRoutes } from './routes';
