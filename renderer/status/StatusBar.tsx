import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from '../components/ui/Button';
import { errorMessage, unwrap } from '../data/ipc-error';
import { outboxQuery, syncStatusQuery } from '../data/ipc-queries';
import { pave } from '../data/pave';
import { queryKeys } from '../data/query-keys';
import { OutboxPanel } from './OutboxPanel';
import { lastSyncedLabel, offlineDetail, pendingLabel, syncStateLabel } from './sync-status-text';
import { useNow } from '../components/use-now';
import './StatusBar.css';

/**
 * The sync status is server data: it lives in react-query, fed by `sync:status` events (see
 * data/live-updates.ts) and, in browser mode while the event stream is down, by the bridge's poll.
 */
export function StatusBar() {
  const queryClient = useQueryClient();
  const status = useQuery(syncStatusQuery());
  const data = status.data;
  // Refused or expired changes wait for the user, not for the platform: counted apart.
  const needAttention = (useQuery(outboxQuery()).data ?? []).filter(
    (item) => item.status !== 'pending',
  ).length;
  // A countdown to the next retry needs seconds; "2 min ago" is fine at a coarser tick.
  const now = useNow(data?.state === 'offline' && data.nextRetryAt ? 1_000 : 10_000);

  const syncNow = useMutation({
    mutationFn: async () => unwrap(await pave().invoke('sync:now', {})),
    onSuccess: (next) => queryClient.setQueryData(queryKeys.syncStatus, next),
  });

  const [outboxOpen, setOutboxOpen] = useState(false);
  const state = data?.state ?? 'starting';
  const detail = data ? offlineDetail(data, now) : null;

  return (
    <footer className="status-bar" aria-label="Sync status">
      <div
        className={`status-state state-${state}`}
        data-testid="sync-status"
        data-state={state}
        title={detail ?? undefined}
      >
        <span className="status-dot" aria-hidden="true" />
        <span className="status-label">{syncStateLabel(state)}</span>
        {detail && <span className="status-detail">{detail}</span>}
      </div>
      {status.isError && !data && <span className="status-error">{errorMessage(status.error).message}</span>}
      {data && (
        <span
          className="status-item"
          title={data.lastSyncedAt ? new Date(data.lastSyncedAt).toLocaleString() : undefined}
        >
          {lastSyncedLabel(data, now)}
        </span>
      )}
      <button
        type="button"
        className="status-item pending-toggle"
        data-testid="pending-changes"
        data-count={data?.pendingChanges ?? 0}
        aria-expanded={outboxOpen}
        title="Show pending changes"
        onClick={() => setOutboxOpen((open) => !open)}
      >
        {pendingLabel(data?.pendingChanges ?? 0, needAttention)}
      </button>
      {outboxOpen && <OutboxPanel onClose={() => setOutboxOpen(false)} />}
      <span className="status-spacer" />
      {syncNow.isError && (
        <span className="status-error" title={errorMessage(syncNow.error).message}>
          Sync failed: {errorMessage(syncNow.error).message}
        </span>
      )}
      <Button
        size="small"
        data-testid="sync-now"
        disabled={syncNow.isPending}
        onClick={() => syncNow.mutate()}
      >
        {syncNow.isPending ? 'Syncing…' : 'Sync now'}
      </Button>
    </footer>
  );
}
