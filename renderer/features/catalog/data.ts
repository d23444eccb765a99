import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { CatalogQuery } from '../../../shared/features/catalog/ipc';
import type { QueryKeysByTable } from '../../data/table-invalidation';
import { unwrap } from '../../data/ipc-error';
import { pave } from '../../data/pave';

/** The catalog's query keys: prefix arrays first, so invalidating `list` hits every list query. */
export const catalogKeys = {
  list: ['catalog', 'list'] as const,
  listFor: (query: CatalogQuery) => ['catalog', 'list', query] as const,
  service: ['catalog', 'get'] as const,
  serviceFor: (id: string) => ['catalog', 'get', id] as const,
};

/** Cache tables → the catalog queries that read them. */
export const catalogQueryKeysByTable: QueryKeysByTable = {
  services_fts: [catalogKeys.list],
  // The facet counts the list's filter menus show.
  service_facet_counts: [catalogKeys.list],
  services: [catalogKeys.list, catalogKeys.service],
  // Team names appear in catalog rows, facets and the service page's owner block.
  teams: [catalogKeys.list, catalogKeys.service],
  environments: [catalogKeys.service],
};

/** Rows per window: the table asks for the windows its visible rows fall in. */
export const CATALOG_WINDOW = 100;

/**
 * One window of the catalog (docs/architecture.md, "Core"): rows `block × 100 …` of the query,
 * with the counts and facets. Window 0 is also the page's counts; the table asks for the others
 * as they scroll into view, each cached under its own key.
 */
export const catalogListQuery = (query: CatalogQuery, block = 0) =>
  queryOptions({
    queryKey: catalogKeys.listFor({ ...query, offset: block * CATALOG_WINDOW, limit: CATALOG_WINDOW }),
    // The page carries the query that produced it: while a newer query loads, the previous
    // page stays on screen (placeholder) and its labels must describe that page, not the new one.
    queryFn: async () => ({
      ...unwrap(
        await pave().invoke('catalog:list', {
          ...query,
          offset: block * CATALOG_WINDOW,
          limit: CATALOG_WINDOW,
        }),
      ),
      query,
    }),
    // Keep the old rows on screen while a new search/filter loads: no flicker to empty.
    placeholderData: keepPreviousData,
  });

export const serviceQuery = (id: string) =>
  queryOptions({
    queryKey: catalogKeys.serviceFor(id),
    queryFn: async () => unwrap(await pave().invoke('catalog:get', { id })),
  });
