import { routePath } from '../../router/route-path';

/** `#/operations` (every job) and `#/operations/<id>` (one job's live log). */
export const operationRoutes = {
  operations: routePath('/operations'),
  operation: routePath('/operations/:id'),
};
