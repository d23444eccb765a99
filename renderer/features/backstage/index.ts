import { pageRoute } from '../../router/page-route';
import { lazyPage } from '../../shell/lazy-page';
import type { RendererFeature } from '../../shell/renderer-feature';
import { backstageRoutes } from './routes';

/** Backstage catalog import and export: one page, online only. */
export const backstageRenderer: RendererFeature = {
  name: 'backstage',
  routes: [
    pageRoute(
      backstageRoutes.importCatalog,
      lazyPage(() => import('./ImportCatalogPage').then((module) => module.ImportCatalogPage)),
    ),
  ],
  navEntries: [
    {
      group: 'Platform',
      order: 55,
      label: 'Import catalog',
      icon: '⇅',
      href: backstageRoutes.importCatalog.href(),
      activeOn: [backstageRoutes.importCatalog],
      testId: 'nav-catalog-import',
    },
  ],
  paletteCommands: [
    {
      id: 'catalog-import',
      label: 'Import catalog (Backstage)',
      keywords: 'backstage catalog-info yaml import export',
      // Everyone may export; the page itself says importing is for leads and admins.
      href: backstageRoutes.importCatalog.href(),
    },
  ],
  queryKeysByTable: {},
};
