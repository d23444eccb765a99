import { routePath } from '../../router/route-path';

/** The catalog's pages: `#/catalog` (also the home page) and `#/services/<id>`. */
export const catalogRoutes = {
  catalog: routePath('/catalog'),
  service: routePath('/services/:id'),
};
