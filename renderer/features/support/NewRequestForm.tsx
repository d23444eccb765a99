import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm, type FieldPath } from 'react-hook-form';
import {
  SupportKind,
  SupportRequestCreate,
  SupportTier,
  type SupportRequest,
} from '../../../shared/features/support/api';
import { RadioCards } from '../../components/ui/Choice';
import { Button } from '../../components/ui/Button';
import { Dialog } from '../../components/ui/Dialog';
import { FormError, TextArea, TextField } from '../../components/ui/Field';
import { SelectField } from '../../components/ui/SelectField';
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
  question: 'You can keep working; an answer helps but nothing is stopped.',
  blocking: 'Your team cannot continue until the platform team helps (answer within a day).',
  production: 'Something running for customers is broken or degraded now (someone is paged).',
};
const KIND_LABEL: Record<SupportRequest['kind'], string> = {
  question: 'Question',
  blocking: 'Blocking',
  production: 'Production',
};
const TIER_HELP: Record<SupportRequest['tier'], string> = {
  documentation: 'Documentation — point me to the docs',
  community: 'Community — anyone on the platform channel may answer',
  direct: 'Direct — the platform team answers',
};

/** Validated with the API's own SupportRequestCreate schema before anything is sent. */
const resolver = zodResolver(SupportRequestCreate);
const FORM_ID = 'support-new-form';

/**
 * Files a request through `support:create` from a dialog; the backend applies it to the cache and
 * queues it for the platform, so it works offline too (docs/architecture.md, "Sync and push"). A
 * refusal keeps the draft and puts each reason next to its field; Escape or Cancel closes.
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
    control,
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

  const problem = (name: Field): string | null => {
    const message = errors[name]?.message;
    return message ? fieldMessage(LABEL[name], message) : null;
  };

  return (
    <Dialog
      open
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      title="New support request"
      description="The platform team sees it at once; its first-response clock starts when it is filed."
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button
            type="submit"
            form={FORM_ID}
            variant="primary"
            disabled={isSubmitting}
            data-testid="support-file"
          >
            {isSubmitting ? 'Filing…' : 'File request'}
          </Button>
        </>
      }
    >
      <form
        id={FORM_ID}
        className="support-new-form"
        noValidate
        data-testid="support-new-form"
        onSubmit={(event) => void handleSubmit(onValid)(event)}
      >
        <TextField
          label={LABEL.title}
          {...register('title')}
          error={problem('title')}
          maxLength={200}
          data-testid="support-new-title"
        />
        <TextArea
          label={LABEL.body}
          {...register('body')}
          error={problem('body')}
          rows={4}
          data-testid="support-new-body"
        />
        <Controller
          control={control}
          name="kind"
          render={({ field }) => (
            <div className="support-new-kind">
              <RadioCards
                legend={LABEL.kind}
                options={SupportKind.options.map((kind) => ({
                  value: kind,
                  label: KIND_LABEL[kind],
                  description: KIND_HELP[kind],
                }))}
                value={field.value}
                onChange={field.onChange}
                error={problem('kind')}
                testId="support-new-kind"
              />
              <span className="ui-field-hint">{KIND_HELP[field.value ?? 'question']}</span>
            </div>
          )}
        />
        <div className="support-new-row">
          <Controller
            control={control}
            name="tier"
            render={({ field }) => (
              <SelectField
                label={LABEL.tier}
                options={SupportTier.options.map((tier) => ({ value: tier, label: TIER_HELP[tier] }))}
                value={field.value}
                onChange={(value) => field.onChange(value || undefined)}
                onBlur={field.onBlur}
                error={problem('tier')}
                data-testid="support-new-tier"
              />
            )}
          />
          <Controller
            control={control}
            name="capability"
            render={({ field }) => (
              <SelectField
                label={LABEL.capability}
                placeholder="Choose the capability…"
                options={capabilities.map((c) => ({ value: c, label: c }))}
                // Nothing chosen yet shows the placeholder.
                value={field.value || null}
                onChange={field.onChange}
                onBlur={field.onBlur}
                error={problem('capability')}
                data-testid="support-new-capability"
              />
            )}
          />
        </div>
        <FormError>{failure && <span data-testid="support-new-failure">{failure}</span>}</FormError>
      </form>
    </Dialog>
  );
}
