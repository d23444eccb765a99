import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, useState } from 'react';
import type { SupportRow } from '../../shared/api/support';
import { backlogKeys, backlogListQuery, useCommand } from '../backlog/backlog-data';
import { unwrap } from '../data/ipc-error';
import { pave } from '../data/pave';
import './SupportPage.css';

const ROW_HEIGHT = 40;

const slaText = (row: SupportRow) => {
  const { state, remainingMs } = row.sla;
  if (state === 'none') return 'no SLA';
  if (remainingMs === null) return state === 'met' ? 'answered in time' : 'answered late';
  const minutes = Math.round(Math.abs(remainingMs) / 60_000);
  const span = minutes >= 120 ? `${Math.round(minutes / 60)} h` : `${minutes} min`;
  return remainingMs < 0 ? `overdue ${span}` : `${span} left`;
};

/** Support intake: requests with their SLA clock, escalation and resolution; load per capability. */
export function SupportPage() {
  const [search, setSearch] = useState('');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const query = { search, statuses: [], capabilities: [], escalatedOnly: false };
  const page = useQuery({
    queryKey: backlogKeys.support(query),
    queryFn: async () => unwrap(await pave().invoke('support:list', query)),
    placeholderData: keepPreviousData,
  });
  const rows = page.data?.rows ?? [];
  const selected = rows.find((r) => r.id === selectedId) ?? null;
  const scrollRef = useRef<HTMLDivElement>(null);
  // The React Compiler lint flags TanStack Virtual's mutable instance; we do not memoize around it.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });

  return (
    <div className="support-page" data-testid="support-page">
      <header className="support-toolbar">
        <h1>Support intake</h1>
        <input
          type="search"
          aria-label="Filter requests"
          placeholder="Filter"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <span className="support-count">
          {page.data ? `${page.data.total} of ${page.data.totalAll}` : 'Loading…'}
        </span>
      </header>
      <div className="support-load" aria-label="Support load per capability">
        {(page.data?.load ?? []).slice(0, 8).map((l) => (
          <span
            key={l.capability}
            className={l.high ? 'load-high' : 'load'}
            title={l.high ? 'High load: likely a usability problem' : ''}
          >
            {l.capability}: {l.requests}
            {l.high && ' ⚠ usability'}
          </span>
        ))}
      </div>
      <div className="support-body">
        <div ref={scrollRef} className="support-list" role="listbox" aria-label="Support requests">
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((v) => {
              const row = rows[v.index];
              if (!row) return null;
              return (
                <div
                  key={row.id}
                  role="option"
                  aria-selected={row.id === selectedId}
                  className={`support-row sla-${row.sla.state}`}
                  onClick={() => setSelectedId(row.id)}
                  style={{
                    position: 'absolute',
                    top: 0,
                    left: 0,
                    right: 0,
                    height: ROW_HEIGHT,
                    transform: `translateY(${v.start}px)`,
                  }}
                >
                  <span className="support-kind">{row.kind}</span>
                  <span className="support-title">{row.title}</span>
                  <span className="support-tier">{row.tier}</span>
                  <span className="support-sla">{row.status === 'resolved' ? 'resolved' : slaText(row)}</span>
                  {row.sla.escalate && row.status !== 'resolved' && (
                    <span className="support-escalated">escalated</span>
                  )}
                </div>
              );
            })}
          </div>
        </div>
        {selected && <SupportDetail row={selected} />}
      </div>
    </div>
  );
}

function SupportDetail({ row }: { row: SupportRow }) {
  const run = useCommand();
  const [reply, setReply] = useState('');
  const [itemId, setItemId] = useState('');
  const items = useQuery(backlogListQuery({ sort: { column: 'title', direction: 'asc' } }));
  return (
    <aside className="support-detail" aria-label="Request details">
      <h2>{row.title}</h2>
      <p className="support-meta">
        {row.teamName ?? 'no team'} · {row.capability} · {row.tier} · {row.kind}
        {row.sla.dueAt && ` · first response due ${new Date(row.sla.dueAt).toLocaleString()}`}
      </p>
      <p>{row.body}</p>
      <ol className="support-replies">
        {row.replies.map((r) => (
          <li key={r.id}>
            <small>{new Date(r.at).toLocaleString()}</small> {r.body}
          </li>
        ))}
      </ol>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (reply.trim())
            void run('support:reply', { id: row.id, body: reply.trim() }).then(() => setReply(''));
        }}
      >
        <textarea aria-label="Reply" value={reply} onChange={(e) => setReply(e.target.value)} />
        <button type="submit">Reply</button>
      </form>
      <div className="support-actions">
        <button
          type="button"
          onClick={() => void run('support:escalate', { id: row.id })}
          disabled={row.escalatedAt !== null}
        >
          Escalate
        </button>
        <button
          type="button"
          onClick={() => {
            const resolution = reply.trim() || 'Resolved';
            void run('support:resolve', { id: row.id, resolution });
          }}
          disabled={row.status === 'resolved'}
        >
          Resolve
        </button>
      </div>
      {row.linkedItemId ? (
        <p>Linked to backlog item: {row.linkedItemTitle ?? row.linkedItemId}</p>
      ) : (
        <div className="support-link">
          <select aria-label="Backlog item" value={itemId} onChange={(e) => setItemId(e.target.value)}>
            <option value="">Link to a backlog item…</option>
            {(items.data?.rows ?? []).map((i) => (
              <option key={i.id} value={i.id}>
                {i.title}
              </option>
            ))}
          </select>
          <button
            type="button"
            disabled={!itemId}
            onClick={() => void run('support:link', { id: row.id, itemId })}
          >
            Link
          </button>
          <button type="button" onClick={() => void run('support:promote', { id: row.id })}>
            Turn into backlog item
          </button>
        </div>
      )}
    </aside>
  );
}
