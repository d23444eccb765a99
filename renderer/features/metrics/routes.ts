import { routePath } from '../../router/route-path';

export const metricsRoutes = {
  metrics: routePath('/metrics'),
};
