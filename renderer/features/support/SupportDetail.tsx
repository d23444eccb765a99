import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { SupportReplyCreate, type SupportRow } from '../../../shared/features/support/api';
import { useCommand } from '../../data/command';
import { backlogListQuery } from '../backlog/public';
import { fieldMessage, splitRefusal } from './refusal';

/** The API's own reply rule (trimmed, 1–10,000 characters), checked before anything is sent. */
const replyResolver = zodResolver(SupportReplyCreate.pick({ body: true }));
type ReplyDraft = { body: string };

/** The open request: replies, escalation, resolution, and linking it to the backlog. */
export function SupportDetail({ row }: { row: SupportRow }) {
  const run = useCommand();
  const [itemId, setItemId] = useState('');
  // The reply being written doubles as the resolution text when "Resolve" is pressed.
  const [draft, setDraft] = useState('');
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
          <li key={r.id} data-testid="support-reply">
            <small>{new Date(r.at).toLocaleString()}</small> {r.body}
          </li>
        ))}
      </ol>
      <ReplyForm requestId={row.id} onDraft={setDraft} />
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
            const resolution = draft.trim() || 'Resolved';
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

/**
 * The reply box: Ctrl/Cmd+Enter or "Send reply" sends; the backend applies the reply to the cache
 * at once and queues it (docs/architecture.md, "Sync and push"), so it shows before the platform
 * answers. A refusal keeps the text and shows the reason under it.
 */
function ReplyForm({ requestId, onDraft }: { requestId: string; onDraft(body: string): void }) {
  const run = useCommand();
  const [failure, setFailure] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<ReplyDraft>({ resolver: replyResolver, defaultValues: { body: '' } });

  const onValid = async ({ body }: ReplyDraft) => {
    setFailure(null);
    try {
      await run('support:reply', { id: requestId, body });
      reset({ body: '' });
      onDraft('');
    } catch (err) {
      const refusal = splitRefusal(err, ['body'] as const);
      for (const f of refusal.fields) setError(f.path, { message: f.message });
      setFailure(refusal.message);
    }
  };
  const submit = handleSubmit(onValid);
  const message = errors.body?.message;
  const body = register('body', { onChange: (e: { target: { value: string } }) => onDraft(e.target.value) });

  return (
    <form className="support-reply-form" noValidate onSubmit={(event) => void submit(event)}>
      <label>
        Reply
        <textarea
          {...body}
          data-testid="support-reply-body"
          placeholder="Write a reply (Ctrl+Enter sends)"
          aria-invalid={message ? true : undefined}
          aria-describedby={message ? 'support-reply-error' : undefined}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              void submit();
            }
          }}
        />
      </label>
      {message && (
        <span className="field-error" id="support-reply-error" role="alert">
          {fieldMessage('The reply', message)}
        </span>
      )}
      {failure && (
        <p className="form-error" role="alert">
          {failure}
        </p>
      )}
      <button type="submit" className="button" disabled={isSubmitting} data-testid="support-reply-send">
        Send reply
      </button>
    </form>
  );
}
