import { routePath } from '../../router/route-path';

export const backstageRoutes = {
  importCatalog: routePath('/catalog-import'),
};
