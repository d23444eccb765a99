import { routePath } from '../../router/route-path';

/** Self-service pages: create a service, incidents, cost. */
export const selfServiceRoutes = {
  createService: routePath('/create-service'),
  incidents: routePath('/incidents'),
  cost: routePath('/cost'),
};
