import { routePath } from '../../router/route-path';

/** The platform backlog and the roadmap drawn from it. */
export const backlogRoutes = {
  backlog: routePath('/backlog'),
  roadmap: routePath('/roadmap'),
};
