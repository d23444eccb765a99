import { queryOptions } from '@tanstack/react-query';
import { unwrap } from '../data/ipc-error';
import { pave } from '../data/pave';
import { operationKeys } from './operation-keys';

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
