import { queryOptions } from '@tanstack/react-query';
import type { QueryKeysByTable } from '../../data/table-invalidation';
import { unwrap } from '../../data/ipc-error';
import { pave } from '../../data/pave';

/** Operation query keys: prefixes first, so invalidating `all` hits every operation query. */
export const operationKeys = {
  all: ['operations'] as const,
  list: (serviceId: string | null) => ['operations', 'list', serviceId] as const,
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

export const operationsListQuery = (serviceId: string | null) =>
  queryOptions({
    queryKey: operationKeys.list(serviceId),
    queryFn: async () =>
      unwrap(await pave().invoke('operations:list', serviceId === null ? {} : { serviceId })),
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
