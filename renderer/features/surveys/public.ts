/**
 * What other features may use of surveys: their page addresses, and the NPS-per-quarter chart
 * (the Metrics page shows the same chart as the survey results).
 */
export { surveyRoutes } from './routes';
export { NpsTrendChart } from './NpsTrendChart';
export { LatestNpsTrend } from './LatestNpsTrend';
export { npsTrendRows, type NpsTrendRow } from './nps-trend-rows';
