import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { SupportQuery } from '../../../shared/features/support/api';
import { unwrap } from '../../data/ipc-error';
import { pave } from '../../data/pave';
import type { QueryKeysByTable } from '../../data/table-invalidation';

export const supportKeys = {
  all: ['support'] as const,
  list: (query: SupportQuery) => ['support', 'list', query] as const,
};

/** Cache tables → the support queries that read them. */
export const supportQueryKeysByTable: QueryKeysByTable = {
  support_requests: [supportKeys.all],
  // Rows show the backlog item a request is linked to; SLA weights and team names too.
  backlog_items: [supportKeys.all],
  backlog_weights: [supportKeys.all],
  teams: [supportKeys.all],
};

export const supportListQuery = (query: SupportQuery) =>
  queryOptions({
    queryKey: supportKeys.list(query),
    queryFn: async () => unwrap(await pave().invoke('support:list', query)),
    placeholderData: keepPreviousData,
  });
