import { useMutation, useQuery } from '@tanstack/react-query';
import { Button, IconButton } from '../components/ui/Button';
import type { OutboxItem } from '../../shared/ipc/contract';
import { errorMessage, unwrap } from '../data/ipc-error';
import { outboxQuery } from '../data/ipc-queries';
import { pave } from '../data/pave';
import { formatRelativeTime } from '../components/relative-time';
import { useNow } from '../components/use-now';
import './OutboxPanel.css';

const statusLabel: Record<OutboxItem['status'], string> = {
  pending: 'Waiting to send',
  needs_confirmation: 'Needs confirmation',
  rejected: 'Rejected',
};

/** "Sent 3 times, last 2 min ago" — how long a waiting change has been trying. */
export function attemptsLabel(item: Pick<OutboxItem, 'attempts' | 'lastSentAt'>, now: number): string | null {
  if (item.attempts === 0 || item.lastSentAt === null) return null;
  const times = item.attempts === 1 ? 'once' : `${item.attempts.toLocaleString('en-US')} times`;
  return `sent ${times}, last ${formatRelativeTime(item.lastSentAt, now)}`;
}

/**
 * The user's offline changes the platform has not accepted yet (docs/architecture.md, "Sync and
 * push"). Each shows what (summary, and the exact arguments on demand), when, and why it waits:
 * expired ones wait for a decision (send anyway or discard), rejected ones say why and can be
 * dismissed, and a pending one that keeps failing can be discarded (the backend refuses while it
 * is on the wire). Lists refresh through `tables:changed` (outbox), so actions need no refetch.
 */
export function OutboxPanel({ onClose }: { onClose: () => void }) {
  const outbox = useQuery(outboxQuery());
  const now = useNow(10_000);
  const act = useMutation({
    mutationFn: async ({ verb, mutationId }: { verb: 'confirm' | 'discard'; mutationId: number }) =>
      verb === 'confirm'
        ? unwrap(await pave().invoke('outbox:confirm', { mutationId }))
        : unwrap(await pave().invoke('outbox:discard', { mutationId })),
  });
  const items = outbox.data ?? [];

  return (
    <section className="outbox-panel" data-testid="outbox-panel" aria-label="Pending changes">
      <header className="outbox-panel-header">
        <strong>Pending changes</strong>
        <IconButton label="Close" size="small" variant="ghost" onClick={onClose}>
          ×
        </IconButton>
      </header>
      {outbox.isError && <p className="outbox-error">{errorMessage(outbox.error).message}</p>}
      {act.isError && <p className="outbox-error">{errorMessage(act.error).message}</p>}
      {outbox.isSuccess && items.length === 0 && <p className="muted outbox-empty">Everything is synced.</p>}
      <ul className="outbox-list">
        {items.map((item) => (
          <li
            key={item.mutationId}
            className={`outbox-item outbox-${item.status}`}
            data-testid="outbox-item"
            data-status={item.status}
          >
            <div className="outbox-summary">{item.summary}</div>
            <div className="outbox-meta muted">
              {statusLabel[item.status]} · made {formatRelativeTime(item.createdAt, now)}
              {attemptsLabel(item, now) && <> · {attemptsLabel(item, now)}</>}
            </div>
            {item.reason && (
              <div className="outbox-reason" data-testid="outbox-reason">
                {item.status === 'pending' ? 'Last try failed: ' : ''}
                {item.reason.message}
              </div>
            )}
            <details className="outbox-details">
              <summary>Details</summary>
              <dl>
                <dt>Change</dt>
                <dd>
                  <code>{item.name}</code> #{item.mutationId}
                </dd>
                <dt>Made</dt>
                <dd>{new Date(item.createdAt).toLocaleString()}</dd>
                {item.reason && (
                  <>
                    <dt>Reason</dt>
                    <dd>
                      <code>{item.reason.code}</code>
                    </dd>
                  </>
                )}
              </dl>
              <pre className="outbox-args">{JSON.stringify(item.args, null, 2)}</pre>
            </details>
            {(item.status !== 'pending' || item.attempts > 0) && (
              <div className="outbox-actions">
                {item.status === 'needs_confirmation' && (
                  <Button
                    variant="primary"
                    size="small"
                    disabled={act.isPending}
                    onClick={() => act.mutate({ verb: 'confirm', mutationId: item.mutationId })}
                  >
                    Send anyway
                  </Button>
                )}
                <Button
                  size="small"
                  disabled={act.isPending}
                  onClick={() => act.mutate({ verb: 'discard', mutationId: item.mutationId })}
                >
                  {item.status === 'rejected' ? 'Dismiss' : 'Discard'}
                </Button>
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
