import type { InvalidateQueryFilters, Query, QueryClient } from '@tanstack/react-query';

// The first fetches already due for one more round: a burst of changes asks once, not per change.
const askAgain = new WeakSet<Query>();

/**
 * `invalidateQueries` that also reaches a query's FIRST fetch in flight. TanStack reuses that
 * fetch instead of starting over (query-core's `Query.fetch` cancels only a query that already has
 * data), and its answer may have left the backend before the change we were just told about: the
 * stale answer would land as fresh and nothing would ask again. Such a query is invalidated once
 * more when its fetch settles. (Found by the Backstage import journey: a fast operation finished
 * while its progress view's first reads were on their way, and the view stayed at "running".)
 */
export function invalidateFresh(queryClient: QueryClient, filters: InvalidateQueryFilters = {}): void {
  const firstFetches = queryClient
    .getQueryCache()
    .findAll({ ...filters, fetchStatus: 'fetching' })
    .filter((query) => query.state.data === undefined && !askAgain.has(query));
  void queryClient.invalidateQueries(filters);
  for (const query of firstFetches) {
    const inFlight = query.promise;
    if (!inFlight) continue;
    askAgain.add(query);
    const again = () => {
      askAgain.delete(query);
      void queryClient.invalidateQueries({ queryKey: query.queryKey, exact: true });
    };
    inFlight.then(again, again);
  }
}
