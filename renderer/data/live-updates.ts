import type { QueryClient, QueryKey } from '@tanstack/react-query';
import type { PaveApi } from '../../shared/contract';
import { queryKeys } from './query-keys';
import { queryKeysForTables } from './table-invalidation';

/**
 * Wires backend events into the query cache: status events replace the sync status, table
 * events invalidate the queries that read those tables (`queriesByTable`, see
 * table-invalidation.ts). Returns the unsubscribe function.
 */
export function connectLiveUpdates(
  api: PaveApi,
  queryClient: QueryClient,
  queriesByTable: Readonly<Record<string, readonly QueryKey[]>>,
): () => void {
  const offStatus = api.on('sync:status', (status) => {
    queryClient.setQueryData(queryKeys.syncStatus, status);
  });
  const offTables = api.on('tables:changed', ({ tables }) => {
    const keys = queryKeysForTables(queriesByTable, tables);
    if (keys === null) {
      void queryClient.invalidateQueries();
      return;
    }
    for (const queryKey of keys) void queryClient.invalidateQueries({ queryKey });
  });
  return () => {
    offStatus();
    offTables();
  };
}
