import { routePath } from '../../router/route-path';

export const supportRoutes = {
  support: routePath('/support'),
};
