import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { SupportRow } from '../../../shared/features/support/api';
import { useCommand } from '../../data/command';
import { backlogListQuery } from '../backlog/public';

/** The open request: replies, escalation, resolution, and linking it to the backlog. */
export function SupportDetail({ row }: { row: SupportRow }) {
  const run = useCommand();
  const [reply, setReply] = useState('');
  const [itemId, setItemId] = useState('');
  const items = useQuery(backlogListQuery({ sort: { column: 'title', direction: 'asc' } }));
  return (
    <aside className="support-detail" aria-label="Request details" data-testid="support-detail">
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
