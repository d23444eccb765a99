import { infiniteQueryOptions, keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { OperationsQuery } from '../../../shared/features/operations/ipc';
import type { QueryKeysByTable } from '../../data/table-invalidation';
import { unwrap } from '../../data/ipc-error';
import { pave } from '../../data/pave';

/** Operation query keys: prefixes first, so invalidating `all` hits every operation query. */
export const operationKeys = {
  all: ['operations'] as const,
  page: (query: OperationsQuery) => ['operations', 'page', query] as const,
  window: (query: OperationsQuery) => ['operations', 'window', query] as const,
  get: (id: string) => ['operations', 'get', id] as const,
  eventsAll: ['operations', 'events'] as const,
  events: (id: string) => ['operations', 'events', id] as const,
};

/** Cache tables → the operation queries that read them. */
export const operationQueryKeysByTable: QueryKeysByTable = {
  operations: [operationKeys.all],
  operation_events: [operationKeys.eventsAll],
  // Operation rows show service and requester names.
  services: [operationKeys.all],
  users: [operationKeys.all],
};

/** Rows per page of the operations list. */
export const OPERATIONS_PAGE = 50;

/**
 * The operations list, one window per page (docs/architecture.md, "Core"): the first 50 rows, and
 * 50 more each time the user asks; no answer grows with the number of operations.
 */
export const operationsPagesQuery = (query: Omit<OperationsQuery, 'offset' | 'limit'>) =>
  infiniteQueryOptions({
    queryKey: operationKeys.page(query),
    queryFn: async ({ pageParam }) =>
      unwrap(await pave().invoke('operations:page', { ...query, offset: pageParam, limit: OPERATIONS_PAGE })),
    initialPageParam: 0,
    getNextPageParam: (last) => {
      const next = last.offset + last.rows.length;
      return last.rows.length > 0 && next < last.total ? next : undefined;
    },
    placeholderData: keepPreviousData,
  });

/**
 * One window of operations (newest first unless sorted otherwise), for views that show a few
 * operations of one kind or service — a job's own status, a pipeline's promotions — rather than the
 * whole list.
 */
export const operationsWindowQuery = (query: OperationsQuery) =>
  queryOptions({
    queryKey: operationKeys.window(query),
    queryFn: async () => unwrap(await pave().invoke('operations:page', query)),
  });

export const operationQuery = (id: string) =>
  queryOptions({
    queryKey: operationKeys.get(id),
    queryFn: async () => unwrap(await pave().invoke('operations:get', { id })),
  });

export const operationLogQuery = (id: string) =>
  queryOptions({
    queryKey: operationKeys.events(id),
    queryFn: async () => unwrap(await pave().invoke('operations:events', { id, after: 0 })),
  });
