import type { QueryClient, QueryKey } from '@tanstack/react-query';
import type { PaveApi } from '../../shared/contract';
import type { SyncStatus } from '../../shared/ipc/contract';
import { invalidateFresh } from './invalidate-fresh';
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
  // A pushed status is newer than any `sync:status` read still on its way, whose answer would
  // otherwise overwrite it (and nothing would correct it until the next push, up to 30 s later).
  let latest: SyncStatus | null = null;
  const offStatus = api.on('sync:status', (status) => {
    latest = status;
    void queryClient.cancelQueries({ queryKey: queryKeys.syncStatus, exact: true }).then(() => {
      if (latest) queryClient.setQueryData(queryKeys.syncStatus, latest);
    });
  });
  const offTables = api.on('tables:changed', ({ tables }) => {
    const keys = queryKeysForTables(queriesByTable, tables);
    if (keys === null) {
      invalidateFresh(queryClient);
      return;
    }
    for (const queryKey of keys) invalidateFresh(queryClient, { queryKey });
  });
  return () => {
    offStatus();
    offTables();
  };
}
