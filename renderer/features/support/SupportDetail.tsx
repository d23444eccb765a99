import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { SupportReplyCreate, type SupportRow } from '../../../shared/features/support/api';
import { Badge } from '../../components/ui/Badge';
import { Button } from '../../components/ui/Button';
import { ConfirmDialog } from '../../components/ui/Dialog';
import { FormError, TextArea } from '../../components/ui/Field';
import { SelectInput } from '../../components/ui/SelectField';
import { toast } from '../../components/ui/toast-store';
import { useCommand } from '../../data/command';
import { errorMessage } from '../../data/ipc-error';
import { backlogListQuery } from '../backlog/public';
import { fieldMessage, splitRefusal } from './refusal';
import { slaStateText, statusHint, statusText } from './support-text';

/** The API's own reply rule (trimmed, 1–10,000 characters), checked before anything is sent. */
const replyResolver = zodResolver(SupportReplyCreate.pick({ body: true }));
type ReplyDraft = { body: string };

/** Runs a queued support action and says so in a toast: the list may be far from the detail panel. */
async function act(done: string, action: () => Promise<unknown>): Promise<void> {
  try {
    await action();
    toast({ title: done });
  } catch (err) {
    toast({ title: 'Not done', description: errorMessage(err).message, tone: 'danger' });
  }
}

/** The open request: replies, escalation, resolution, and linking it to the backlog. */
export function SupportDetail({ row, onClose }: { row: SupportRow; onClose(): void }) {
  const run = useCommand();
  const [itemId, setItemId] = useState('');
  const [resolving, setResolving] = useState(false);
  // The reply being written doubles as the resolution text when "Resolve" is pressed.
  const [draft, setDraft] = useState('');
  const items = useQuery(backlogListQuery({ sort: { column: 'title', direction: 'asc' } }));
  const resolution = draft.trim() || 'Resolved';
  return (
    <aside className="support-detail" aria-label="Request details" data-testid="support-detail">
      <header className="support-detail-head">
        <h2>{row.title}</h2>
        <Button variant="ghost" size="small" aria-label="Close the request" onClick={onClose}>
          ×
        </Button>
      </header>
      <p className="support-meta">
        <Badge tone={row.status === 'open' ? 'accent' : 'neutral'}>
          <span title={statusHint[row.status]}>{statusText[row.status]}</span>
        </Badge>{' '}
        {row.teamName ?? 'no team'} · {row.capability} · {row.tier} · {row.kind} · SLA {slaStateText(row)}
        {row.sla.dueAt && ` · first response due ${new Date(row.sla.dueAt).toLocaleString()}`}
      </p>
      {row.body && <p className="support-body-text">{row.body}</p>}
      <ol className="support-replies">
        {row.replies.map((r) => (
          <li key={r.id} data-testid="support-reply">
            <small className="support-meta">{new Date(r.at).toLocaleString()}</small> {r.body}
          </li>
        ))}
      </ol>
      <ReplyForm requestId={row.id} onDraft={setDraft} />
      <div className="support-actions">
        <Button
          onClick={() => void act('Request escalated', () => run('support:escalate', { id: row.id }))}
          disabled={row.escalatedAt !== null}
        >
          Escalate
        </Button>
        <Button onClick={() => setResolving(true)} disabled={row.status === 'resolved'}>
          Resolve…
        </Button>
      </div>
      <ConfirmDialog
        open={resolving}
        onOpenChange={setResolving}
        title="Resolve this request?"
        description={`It closes with the resolution “${resolution}” (the reply being written, if any). The requester sees it.`}
        confirmLabel="Resolve"
        tone="primary"
        onConfirm={() =>
          void act('Request resolved', () => run('support:resolve', { id: row.id, resolution }))
        }
      />
      {row.linkedItemId ? (
        <p className="support-meta">Linked to backlog item: {row.linkedItemTitle ?? row.linkedItemId}</p>
      ) : (
        <div className="support-link">
          <SelectInput
            aria-label="Backlog item"
            placeholder="Link to a backlog item…"
            options={(items.data?.rows ?? []).map((i) => ({ value: i.id, label: i.title }))}
            value={itemId || null}
            onChange={setItemId}
          />
          <Button
            disabled={!itemId}
            onClick={() =>
              void act('Linked to the backlog item', () => run('support:link', { id: row.id, itemId }))
            }
          >
            Link
          </Button>
          <Button
            onClick={() =>
              void act('Backlog item created from the request', () => run('support:promote', { id: row.id }))
            }
          >
            Turn into backlog item
          </Button>
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
      toast({ title: 'Reply sent' });
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
      <TextArea
        label="Reply"
        {...body}
        error={message ? fieldMessage('The reply', message) : null}
        data-testid="support-reply-body"
        placeholder="Write a reply (Ctrl+Enter sends)"
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void submit();
          }
        }}
      />
      <FormError>{failure}</FormError>
      <Button type="submit" disabled={isSubmitting} data-testid="support-reply-send">
        Send reply
      </Button>
    </form>
  );
}
