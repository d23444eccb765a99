import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Lifecycle } from '../../../shared/features/catalog/api';
import { ServiceEdit } from '../../../shared/features/catalog/api';
import type { ServiceDetail } from '../../../shared/features/catalog/ipc';
import { errorMessage, unwrap } from '../../data/ipc-error';
import { pave } from '../../data/pave';
import './ServiceEditForm.css';

interface Draft {
  title: string;
  description: string;
  tier: string;
  lifecycle: string;
  tags: string;
}

const draftOf = (s: ServiceDetail): Draft => ({
  title: s.title,
  description: s.description,
  tier: String(s.tier),
  lifecycle: s.lifecycle,
  tags: s.tags.join(', '),
});

/** Only the fields the user changed: the server merges field by field (last writer wins per field). */
function patchOf(service: ServiceDetail, draft: Draft): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  if (draft.title.trim() !== service.title) patch.title = draft.title.trim();
  if (draft.description !== service.description) patch.description = draft.description;
  if (Number(draft.tier) !== service.tier) patch.tier = Number(draft.tier);
  if (draft.lifecycle !== service.lifecycle) patch.lifecycle = draft.lifecycle;
  const tags = draft.tags
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  if (tags.join('\n') !== service.tags.join('\n')) patch.tags = tags;
  return patch;
}

/**
 * Edits a service's catalog entry. The change is saved locally and shown at once (the backend
 * writes it to the outbox with its optimistic effect); it reaches the platform when online.
 */
export function ServiceEditForm({ service, onDone }: { service: ServiceDetail; onDone: () => void }) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(service));
  const [invalid, setInvalid] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: async (patch: ServiceEdit) =>
      unwrap(await pave().invoke('services:update', { id: service.id, patch })),
    onSuccess: onDone,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = ServiceEdit.safeParse(patchOf(service, draft));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      setInvalid(`${issue?.path.join('.') || 'form'}: ${issue?.message ?? 'invalid'}`);
      return;
    }
    setInvalid(null);
    if (Object.keys(parsed.data).length === 0) return onDone();
    save.mutate(parsed.data);
  };
  const field = (name: keyof Draft) => ({
    value: draft[name],
    onChange: (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [name]: e.target.value })),
  });

  return (
    <form className="service-edit" data-testid="service-edit-form" onSubmit={submit}>
      <label>
        <span>Title</span>
        <input className="input" name="title" required maxLength={200} autoFocus {...field('title')} />
      </label>
      <label>
        <span>Description</span>
        <textarea className="input" name="description" rows={4} maxLength={5000} {...field('description')} />
      </label>
      <div className="service-edit-row">
        <label>
          <span>Tier</span>
          <select className="input" name="tier" {...field('tier')}>
            {[1, 2, 3, 4].map((t) => (
              <option key={t} value={t}>
                Tier {t}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>Lifecycle</span>
          <select className="input" name="lifecycle" {...field('lifecycle')}>
            {Lifecycle.options.map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label>
        <span>Tags (comma separated)</span>
        <input className="input" name="tags" {...field('tags')} />
      </label>
      {(invalid ?? save.error) && (
        <p className="service-edit-error" role="alert">
          {invalid ?? errorMessage(save.error).message}
        </p>
      )}
      <div className="service-edit-actions">
        <button
          type="submit"
          className="button primary small"
          data-testid="service-edit-save"
          disabled={save.isPending}
        >
          Save
        </button>
        <button type="button" className="button small" onClick={onDone}>
          Cancel
        </button>
        <span className="muted">
          Saved on this device at once; sent to the platform when it is reachable.
        </span>
      </div>
    </form>
  );
}
