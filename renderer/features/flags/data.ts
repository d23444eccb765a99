import { queryOptions } from '@tanstack/react-query';
import type { QueryKeysByTable } from '../../data/table-invalidation';
import { unwrap } from '../../data/ipc-error';
import { pave } from '../../data/pave';

export const flagKeys = {
  all: ['flags'] as const,
  list: (serviceId: string) => ['flags', 'list', serviceId] as const,
};

/** Cache tables → the flag queries that read them (the outbox: pending marks and refusals). */
export const flagQueryKeysByTable: QueryKeysByTable = {
  flags: [flagKeys.all],
  outbox: [flagKeys.all],
};

export const flagsQuery = (serviceId: string) =>
  queryOptions({
    queryKey: flagKeys.list(serviceId),
    queryFn: async () => unwrap(await pave().invoke('flags:list', { serviceId })),
  });
