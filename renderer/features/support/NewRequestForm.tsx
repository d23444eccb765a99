import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm, type FieldPath } from 'react-hook-form';
import {
  SupportKind,
  SupportRequestCreate,
  SupportTier,
  type SupportRequest,
} from '../../../shared/features/support/api';
import { useCommand } from '../../data/command';
import { syncStatusQuery } from '../../data/ipc-queries';
import { fieldMessage, splitRefusal } from './refusal';

type Draft = SupportRequestCreate;
type Field = 'title' | 'body' | 'kind' | 'tier' | 'capability';

const FIELDS: readonly Field[] = ['title', 'body', 'kind', 'tier', 'capability'];
const LABEL: Record<Field, string> = {
  title: 'Title',
  body: 'Details',
  kind: 'Kind',
  tier: 'Tier',
  capability: 'Capability',
};

/** One line each, so the requester picks the kind whose response target fits. */
export const KIND_HELP: Record<SupportRequest['kind'], string> = {
  question: 'Question — you can keep working; an answer helps but nothing is stopped.',
  blocking: 'Blocking — your team cannot continue until the platform team helps.',
  production: 'Production — something running for customers is broken or degraded now.',
};
const TIER_HELP: Record<SupportRequest['tier'], string> = {
  documentation: 'Documentation — point me to the docs',
  community: 'Community — anyone on the platform channel may answer',
  direct: 'Direct — the platform team answers',
};

/** Validated with the API's own SupportRequestCreate schema before anything is sent. */
const resolver = zodResolver(SupportRequestCreate);

/**
 * Files a request through `support:create`; the backend applies it to the cache and queues it for
 * the platform, so it works offline too (docs/architecture.md, "Sync and push"). A refusal keeps the
 * draft and puts each reason next to its field.
 */
export function NewRequestForm({
  capabilities,
  onFiled,
  onClose,
}: {
  capabilities: readonly string[];
  onFiled(id: string, queued: boolean): void;
  onClose(): void;
}) {
  const run = useCommand();
  const online = useQuery(syncStatusQuery()).data?.state === 'online';
  const [failure, setFailure] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<Draft>({
    resolver,
    defaultValues: { title: '', body: '', kind: 'question', tier: 'community', capability: '' },
  });

  const onValid = async (values: Draft) => {
    setFailure(null);
    try {
      const { id } = await run('support:create', values);
      onFiled(id, !online);
    } catch (err) {
      const refusal = splitRefusal(err, FIELDS);
      for (const f of refusal.fields) setError(f.path as FieldPath<Draft>, { message: f.message });
      setFailure(refusal.message);
    }
  };

  const fieldError = (name: Field) => {
    const message = errors[name]?.message;
    return (
      message && (
        <span className="field-error" id={`support-new-${name}-error`} role="alert">
          {fieldMessage(LABEL[name], message)}
        </span>
      )
    );
  };
  const a11y = (name: Field) => ({
    'aria-invalid': errors[name] ? true : undefined,
    'aria-describedby': errors[name] ? `support-new-${name}-error` : undefined,
    'data-testid': `support-new-${name}`,
  });

  return (
    <form
      className="support-new-form"
      role="dialog"
      aria-modal="false"
      aria-labelledby="support-new-heading"
      noValidate
      data-testid="support-new-form"
      onSubmit={(event) => void handleSubmit(onValid)(event)}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
      }}
    >
      <h2 id="support-new-heading">New support request</h2>
      <label>
        {LABEL.title}
        <input {...register('title')} {...a11y('title')} autoFocus maxLength={200} />
        {fieldError('title')}
      </label>
      <label>
        {LABEL.body}
        <textarea {...register('body')} {...a11y('body')} rows={4} />
        {fieldError('body')}
      </label>
      <fieldset className="support-new-kind">
        <legend>{LABEL.kind}</legend>
        {SupportKind.options.map((kind) => (
          <label key={kind} className="support-new-choice">
            <input type="radio" value={kind} {...register('kind')} />
            {KIND_HELP[kind]}
          </label>
        ))}
        {fieldError('kind')}
      </fieldset>
      <div className="support-new-row">
        <label>
          {LABEL.tier}
          <select {...register('tier')} {...a11y('tier')}>
            {SupportTier.options.map((tier) => (
              <option key={tier} value={tier}>
                {TIER_HELP[tier]}
              </option>
            ))}
          </select>
          {fieldError('tier')}
        </label>
        <label>
          {LABEL.capability}
          <select {...register('capability')} {...a11y('capability')}>
            <option value="">Choose the capability…</option>
            {capabilities.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
          {fieldError('capability')}
        </label>
      </div>
      {failure && (
        <p className="form-error" role="alert" data-testid="support-new-failure">
          {failure}
        </p>
      )}
      <div className="support-new-actions">
        <button type="submit" className="button primary" disabled={isSubmitting} data-testid="support-file">
          {isSubmitting ? 'Filing…' : 'File request'}
        </button>
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </form>
  );
}
