import { useState } from 'react';
import { Controller, useForm, type FieldErrors, type Resolver } from 'react-hook-form';
import { Lifecycle, ServiceEdit } from '../../../shared/features/catalog/api';
import type { ServiceDetail } from '../../../shared/features/catalog/ipc';
import { issueMessage, showRefusal } from '../../components/form-refusal';
import { Button } from '../../components/ui/Button';
import { FormError, TextArea, TextField } from '../../components/ui/Field';
import { SelectField } from '../../components/ui/SelectField';
import { unwrap } from '../../data/ipc-error';
import { pave } from '../../data/pave';
import './ServiceEditForm.css';

export interface ServiceEditDraft {
  title: string;
  description: string;
  tier: string;
  lifecycle: Lifecycle;
  tags: string;
}
const FIELDS = ['title', 'description', 'tier', 'lifecycle', 'tags'] as const;

const draftOf = (s: ServiceDetail): ServiceEditDraft => ({
  title: s.title,
  description: s.description,
  tier: String(s.tier),
  lifecycle: s.lifecycle,
  tags: s.tags.join(', '),
});

/** Only the fields the user changed: the server merges field by field (last writer wins per field). */
export function patchOf(service: ServiceDetail, draft: ServiceEditDraft): Record<string, unknown> {
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
 * Checks the draft with the API's own ServiceEdit schema, on the patch that would be sent; each
 * problem lands on the field it came from in plain words ("Tag 3 must be at most 50 characters").
 */
export function serviceEditResolver(
  service: ServiceDetail,
): Resolver<ServiceEditDraft, unknown, ServiceEdit> {
  return (draft) => {
    const parsed = ServiceEdit.safeParse(patchOf(service, draft));
    if (parsed.success) return { values: parsed.data, errors: {} };
    const errors: FieldErrors<ServiceEditDraft> = {};
    for (const issue of parsed.error.issues) {
      const field = FIELDS.find((name) => name === issue.path[0]);
      if (field && !errors[field]) errors[field] = { type: issue.code, message: issueMessage(issue) };
    }
    return { values: {}, errors };
  };
}

const tierOptions = [1, 2, 3, 4].map((t) => ({ value: String(t), label: `Tier ${t}` }));
const lifecycleOptions = Lifecycle.options.map((l) => ({ value: l, label: l }));

/**
 * Edits a service's catalog entry. The change is saved locally and shown at once (the backend
 * writes it to the outbox with its optimistic effect); it reaches the platform when online. A
 * refusal keeps the draft and puts each reason next to its field.
 */
export function ServiceEditForm({ service, onDone }: { service: ServiceDetail; onDone: () => void }) {
  const [failure, setFailure] = useState<string | null>(null);
  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<ServiceEditDraft, unknown, ServiceEdit>({
    resolver: serviceEditResolver(service),
    defaultValues: draftOf(service),
  });

  const onValid = async (patch: ServiceEdit) => {
    setFailure(null);
    if (Object.keys(patch).length === 0) return onDone();
    try {
      unwrap(await pave().invoke('services:update', { id: service.id, patch }));
      onDone();
    } catch (err) {
      setFailure(showRefusal(err, FIELDS, setError, { prefix: 'patch.' }));
    }
  };

  return (
    <form
      className="service-edit"
      data-testid="service-edit-form"
      aria-label={`Edit ${service.title}`}
      noValidate
      onSubmit={(event) => void handleSubmit(onValid)(event)}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onDone();
      }}
    >
      <TextField label="Title" autoFocus error={errors.title?.message} {...register('title')} />
      <TextArea
        label="Description"
        rows={4}
        error={errors.description?.message}
        {...register('description')}
      />
      <div className="service-edit-row">
        <Controller
          control={control}
          name="tier"
          render={({ field }) => (
            <SelectField
              label="Tier"
              options={tierOptions}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              name={field.name}
              data-testid="service-edit-tier"
              error={errors.tier?.message}
            />
          )}
        />
        <Controller
          control={control}
          name="lifecycle"
          render={({ field }) => (
            <SelectField
              label="Lifecycle"
              options={lifecycleOptions}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              name={field.name}
              data-testid="service-edit-lifecycle"
              error={errors.lifecycle?.message}
            />
          )}
        />
      </div>
      <TextField
        label="Tags"
        hint="Comma separated, up to 50 characters each"
        error={errors.tags?.message}
        {...register('tags')}
      />
      <FormError>{failure}</FormError>
      <div className="service-edit-actions">
        <Button type="submit" variant="primary" data-testid="service-edit-save" disabled={isSubmitting}>
          {isSubmitting ? 'Saving…' : 'Save'}
        </Button>
        <Button onClick={onDone}>Cancel</Button>
        <span className="muted">
          Saved on this device at once; sent to the platform when it is reachable.
        </span>
      </div>
    </form>
  );
}
