import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { SupportQuery } from '../../../shared/features/support/api';
import { unwrap } from '../../data/ipc-error';
import { pave } from '../../data/pave';
import type { QueryKeysByTable } from '../../data/table-invalidation';

export const supportKeys = {
  all: ['support'] as const,
  list: (query: SupportQuery, block: number) => ['support', 'list', query, block] as const,
  get: (id: string) => ['support', 'get', id] as const,
};

/** Cache tables → the support queries that read them. */
export const supportQueryKeysByTable: QueryKeysByTable = {
  support_requests: [supportKeys.all],
  // Rows show the backlog item a request is linked to; SLA weights and team names too.
  backlog_items: [supportKeys.all],
  backlog_weights: [supportKeys.all],
  teams: [supportKeys.all],
};

/** Rows per window: the table asks for the windows its visible rows fall in. */
export const SUPPORT_WINDOW = 100;

/**
 * One window of the support list (docs/architecture.md, "Core"): rows `block × 100 …` of the
 * query with the counts, capabilities and load. Window 0 is also the page's counts; the table asks
 * for the others as they scroll into view, each cached under its own key. The page carries the
 * query that produced it, so rows kept on screen while a new query loads are labelled truthfully.
 */
export const supportListQuery = (query: SupportQuery, block = 0) =>
  queryOptions({
    queryKey: supportKeys.list(query, block),
    queryFn: async () => ({
      ...unwrap(
        await pave().invoke('support:list', {
          ...query,
          offset: block * SUPPORT_WINDOW,
          limit: SUPPORT_WINDOW,
        }),
      ),
      query,
    }),
    // Keep the old rows on screen while a new search/filter loads: no flicker to empty.
    placeholderData: keepPreviousData,
  });

/** The open request, wherever it lies in the list (it may be outside every loaded window). */
export const supportRequestQuery = (id: string) =>
  queryOptions({
    queryKey: supportKeys.get(id),
    queryFn: async () => unwrap(await pave().invoke('support:get', { id })),
  });
