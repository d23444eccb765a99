import { navigate } from '../../router/hash-location';
import { catalogRoutes } from './routes';

export const catalogSearchId = 'catalog-search';

/** `/` focuses the catalog search, going to the catalog first from any other page. */
export function focusCatalogSearch(): void {
  const search = document.getElementById(catalogSearchId);
  if (search) search.focus();
  else {
    navigate(catalogRoutes.catalog.href());
    focusWhenRendered(catalogSearchId);
  }
}

/** The catalog renders after the hash change is handled; wait a few frames for its search box. */
function focusWhenRendered(id: string, framesLeft = 30): void {
  requestAnimationFrame(() => {
    const element = document.getElementById(id);
    if (element) element.focus();
    else if (framesLeft > 0) focusWhenRendered(id, framesLeft - 1);
  });
}
