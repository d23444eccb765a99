import type { QueryClient } from '@tanstack/react-query';
import { catalogListQuery } from './data';
import { toCatalogQuery, useCatalogStore } from './store';

/**
 * A keystroke in the catalog search (docs/architecture.md, "Core"): the box shows the text at once
 * (it alone re-renders), the `catalog:list` window for it is asked for before anything else, and
 * the table switches to the new search only once those rows are in the query cache. So the page
 * renders once per keystroke, with the answer, instead of once for the keystroke (previous rows
 * as placeholder) and again for the answer; and the answer is shown from the fetch's own
 * continuation rather than after TanStack Query's deferred notification. A cached search (Escape
 * back to all rows) shows within the same task. If the box has moved on when an answer lands,
 * the answer stays cached and the table waits for the text the box shows. A failed request shows
 * the search all the same: the page's query then carries the error and its retry.
 */
export function typeCatalogSearch(queryClient: QueryClient, text: string): Promise<void> {
  const state = useCatalogStore.getState();
  // The request leaves first; the box's re-render is scheduled after it.
  const answered = queryClient.prefetchQuery(catalogListQuery(toCatalogQuery(state, text)));
  state.type(text);
  return answered.then(() => useCatalogStore.getState().showTyped(text));
}
