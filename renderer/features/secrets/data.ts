import { queryOptions } from '@tanstack/react-query';
import type { QueryKeysByTable } from '../../data/table-invalidation';
import { unwrap } from '../../data/ipc-error';
import { pave } from '../../data/pave';

export const secretKeys = {
  all: ['secrets'] as const,
  list: (serviceId: string) => ['secrets', 'list', serviceId] as const,
};

/** Cache tables → the secret queries that read them. */
export const secretQueryKeysByTable: QueryKeysByTable = {
  secrets: [secretKeys.all],
};

/** Names and change times only: values never leave the platform. */
export const secretsQuery = (serviceId: string) =>
  queryOptions({
    queryKey: secretKeys.list(serviceId),
    queryFn: async () => unwrap(await pave().invoke('secrets:list', { serviceId })),
  });
