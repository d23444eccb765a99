import { pageRoute } from '../../router/page-route';
import type { RendererFeature } from '../../shell/renderer-feature';
import { CatalogPage } from './CatalogPage';
import { catalogKeys, catalogListQuery, catalogQueryKeysByTable } from './data';
import { catalogRoutes } from './routes';
import { focusCatalogSearch } from './search-shortcut';
import { serviceSearch } from './service-search';
import { ServicePage } from './ServicePage';
import { toCatalogQuery, useCatalogStore } from './store';

/** The service catalog: list, filters, search, the service page and its edit form. */
export const catalogRenderer: RendererFeature = {
  name: 'catalog',
  routes: [pageRoute(catalogRoutes.catalog, CatalogPage), pageRoute(catalogRoutes.service, ServicePage)],
  navEntries: [
    {
      group: 'Services',
      order: 10,
      label: 'Catalog',
      icon: '▦',
      href: catalogRoutes.catalog.href(),
      activeOn: [catalogRoutes.catalog, catalogRoutes.service],
    },
  ],
  paletteCommands: [
    { id: 'catalog', label: 'Catalog', keywords: 'services list search', href: catalogRoutes.catalog.href() },
  ],
  paletteSearches: [serviceSearch],
  queryKeysByTable: catalogQueryKeysByTable,
  shortcuts: [{ key: '/', label: 'Search the catalog', run: focusCatalogSearch }],
  startup: {
    // The catalog is the home page: its first page is part of "ready".
    prefetch: (queryClient) =>
      queryClient.prefetchQuery(catalogListQuery(toCatalogQuery(useCatalogStore.getState(), ''))),
    queryKey: catalogKeys.list,
  },
};
