import { queryOptions } from '@tanstack/react-query';
import type { ResourceKind, ResourceSize } from '../../../shared/features/resources/api';
import type { QueryKeysByTable } from '../../data/table-invalidation';
import { unwrap } from '../../data/ipc-error';
import { pave } from '../../data/pave';

export const resourceKeys = {
  all: ['resources'] as const,
  list: (serviceId: string) => ['resources', 'list', serviceId] as const,
  /** Queued or refused provisioning requests (read from the outbox). */
  requests: ['resources', 'requests'] as const,
};

/** Cache tables → the resource queries that read them. */
export const resourceQueryKeysByTable: QueryKeysByTable = {
  resources: [resourceKeys.all],
  // Resource rows show their operation's live state.
  operations: [resourceKeys.all],
  outbox: [resourceKeys.requests],
};
export const resourcesQuery = (serviceId: string) =>
  queryOptions({
    queryKey: resourceKeys.list(serviceId),
    queryFn: async () => unwrap(await pave().invoke('resources:list', { serviceId })),
  });

/** Pure on the backend (price table), so it answers offline too. */
export const estimateQuery = (kind: ResourceKind, size: ResourceSize) =>
  queryOptions({
    queryKey: ['resources', 'estimate', kind, size] as const,
    queryFn: async () => unwrap(await pave().invoke('resources:estimate', { kind, size })),
  });

/** What the platform can provision (no Redis: no caches or queues); the last answer offline. */
export const resourceKindsQuery = () =>
  queryOptions({
    queryKey: ['resources', 'kinds'] as const,
    queryFn: async () => unwrap(await pave().invoke('resources:kinds', {})),
    staleTime: 60_000,
  });

/** Provisioning requests the platform refused or that wait for a new confirmation. */
export const resourceRequestsQuery = () =>
  queryOptions({
    queryKey: resourceKeys.requests,
    queryFn: async () =>
      unwrap(await pave().invoke('outbox:list', {})).filter(
        (item) => item.name.startsWith('resource.') && item.status !== 'pending',
      ),
  });
