import { whenRendered } from '../../components/when-rendered';
import { navigate } from '../../router/hash-location';
import { catalogRoutes } from './routes';

export const catalogSearchId = 'catalog-search';

/** `/` focuses the catalog search, going to the catalog first from any other page. */
export function focusCatalogSearch(): void {
  const search = document.getElementById(catalogSearchId);
  if (search) search.focus();
  else {
    navigate(catalogRoutes.catalog.href());
    whenRendered(`#${catalogSearchId}`, (element) => element.focus());
  }
}
