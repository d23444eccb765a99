import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { OperationLog } from '../../../shared/features/operations/ipc';
import { invalidateFresh } from '../../data/invalidate-fresh';
import { pave } from '../../data/pave';
import { operationKeys, operationLogQuery } from './data';

/**
 * An operation's log, live: the cached events first, then `operation:progress` events appended
 * while this view is mounted (watch on mount, unwatch on unmount, so no stream outlives the view).
 * A gap in seqs (events missed during a reconnect) refetches from the backend, which resumed the
 * platform stream with `after=` and cached everything.
 */
export function useOperationLog(id: string, enabled: boolean) {
  const queryClient = useQueryClient();
  const log = useQuery({ ...operationLogQuery(id), enabled });

  useEffect(() => {
    if (!enabled) return;
    const api = pave();
    let watchId: string | null = null;
    let unmounted = false;
    void api.invoke('operations:watch', { id }).then((result) => {
      if (!result.ok) return;
      if (unmounted) void api.invoke('operations:unwatch', { watchId: result.value.watchId });
      else watchId = result.value.watchId;
    });
    const off = api.on('operation:progress', ({ operationId, event }) => {
      if (operationId !== id) return;
      const key = operationKeys.events(id);
      const current = queryClient.getQueryData<OperationLog>(key);
      const lastSeq = current?.events.at(-1)?.seq ?? 0;
      if (!current || event.seq > lastSeq + 1) {
        invalidateFresh(queryClient, { queryKey: key });
        return;
      }
      if (event.seq <= lastSeq) return;
      const finished =
        event.type === 'status' &&
        (event.status === 'succeeded' || event.status === 'failed' || event.status === 'cancelled');
      queryClient.setQueryData<OperationLog>(key, {
        events: [...current.events, event],
        complete: current.complete || finished,
      });
    });
    return () => {
      unmounted = true;
      off();
      if (watchId) void api.invoke('operations:unwatch', { watchId });
    };
  }, [id, enabled, queryClient]);

  return log;
}
