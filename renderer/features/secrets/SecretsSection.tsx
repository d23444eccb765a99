import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { EnvironmentName } from '../../../shared/features/catalog/api';
import { SecretName, SecretValue, type SecretMeta } from '../../../shared/features/secrets/api';
import { plainResolver, showRefusal } from '../../components/form-refusal';
import { QueryErrorNotice } from '../../components/QueryErrorNotice';
import { formatRelativeTime } from '../../components/relative-time';
import { Badge } from '../../components/ui/Badge';
import { Button } from '../../components/ui/Button';
import { ConfirmDialog } from '../../components/ui/Dialog';
import { FormError, TextField } from '../../components/ui/Field';
import { FormSelect } from '../../components/ui/FormSelect';
import { EmptyState } from '../../components/ui/States';
import { Table, Td, Th } from '../../components/ui/Table';
import { toast } from '../../components/ui/toast-store';
import { useNow } from '../../components/use-now';
import { errorMessage, unwrap } from '../../data/ipc-error';
import { pave } from '../../data/pave';
import { secretsQuery } from './data';
import '../../components/section-form.css';
import './Secrets.css';

/** The set-a-secret form, checked with the API's own name and value rules before anything is sent. */
export const SecretDraft = z.object({
  environment: EnvironmentName,
  name: SecretName,
  value: SecretValue.shape.value,
});
type Draft = z.infer<typeof SecretDraft>;
const resolver = plainResolver(SecretDraft);
const environmentOptions = EnvironmentName.options.map((env) => ({ value: env, label: env }));
const environmentOrder = (s: SecretMeta) => EnvironmentName.options.indexOf(s.environment);

/**
 * Names per environment and when each changed. Values are write-only: typed into a password field,
 * sent straight to the platform, cleared from the form, and never shown again.
 */
export function SecretsSection({ serviceId }: { serviceId: string }) {
  const secrets = useQuery(secretsQuery(serviceId));
  const [editing, setEditing] = useState(false);
  const [rotating, setRotating] = useState<SecretMeta | null>(null);
  const now = useNow(60_000);
  const rotate = useMutation({
    mutationFn: async (target: { environment: EnvironmentName; name: string }) =>
      unwrap(await pave().invoke('secrets:rotate', { serviceId, ...target })),
    onSuccess: (meta) => toast({ title: `${meta.name} in ${meta.environment} rotated` }),
  });
  const rows = [...(secrets.data ?? [])].sort(
    (a, b) => environmentOrder(a) - environmentOrder(b) || a.name.localeCompare(b.name),
  );

  return (
    <section className="service-section secrets-section" aria-labelledby="secrets-title">
      <div className="section-heading">
        <h2 id="secrets-title">Secrets</h2>
        {!editing && (
          <Button size="small" data-testid="secret-set" onClick={() => setEditing(true)}>
            Set a secret…
          </Button>
        )}
      </div>
      {editing && (
        <SecretForm
          serviceId={serviceId}
          onDone={(saved) => {
            setEditing(false);
            if (saved) {
              toast({
                title: `${saved.name} saved in ${saved.environment}`,
                description: 'Its value is not shown again.',
              });
            }
          }}
        />
      )}
      <FormError>{rotate.isError ? errorMessage(rotate.error).message : null}</FormError>
      {secrets.isError && (
        <QueryErrorNotice
          title="Could not load secrets"
          error={secrets.error}
          onRetry={() => void secrets.refetch()}
        />
      )}
      {secrets.isPending && <p className="muted">Loading secrets…</p>}
      {secrets.data?.length === 0 && (
        <EmptyState title="No secrets yet">
          Set one for an environment; the service reads it as an environment variable.
        </EmptyState>
      )}
      {rows.length > 0 && (
        <Table label="Secrets">
          <thead>
            <tr>
              <Th>Name</Th>
              <Th>Environment</Th>
              <Th>Value</Th>
              <Th>Updated</Th>
              <Th>
                <span className="visually-hidden">Actions</span>
              </Th>
            </tr>
          </thead>
          <tbody>
            {rows.map((secret) => (
              <tr
                key={secret.id}
                data-testid="secret-row"
                data-name={secret.name}
                data-environment={secret.environment}
              >
                <Td className="mono secret-name">{secret.name}</Td>
                <Td>{secret.environment}</Td>
                <Td>
                  <span className="muted" aria-label="hidden">
                    ••••••
                  </span>{' '}
                  {secret.resourceId && <Badge tone="accent">resource credentials</Badge>}
                </Td>
                <Td className="muted" title={new Date(secret.updatedAt).toLocaleString()}>
                  {formatRelativeTime(secret.updatedAt, now)}
                </Td>
                <Td>
                  <Button
                    size="small"
                    data-testid="secret-rotate"
                    disabled={rotate.isPending}
                    onClick={() => setRotating(secret)}
                  >
                    Rotate…
                  </Button>
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <ConfirmDialog
        open={rotating !== null}
        onOpenChange={(open) => {
          if (!open) setRotating(null);
        }}
        title={`Rotate ${rotating?.name ?? ''}?`}
        description={
          rotating?.resourceId
            ? `The platform sets a new password on the resource in ${rotating.environment}; the old one stops working.`
            : `The platform generates a new value in ${rotating?.environment ?? ''}; the old one is gone.`
        }
        confirmLabel="Rotate"
        tone="primary"
        onConfirm={() => {
          if (rotating) rotate.mutate({ environment: rotating.environment, name: rotating.name });
        }}
      />
    </section>
  );
}

function SecretForm({
  serviceId,
  onDone,
}: {
  serviceId: string;
  onDone: (saved: { name: string; environment: EnvironmentName } | null) => void;
}) {
  const [failure, setFailure] = useState<string | null>(null);
  const {
    register,
    control,
    handleSubmit,
    setError,
    setValue,
    formState: { errors, isSubmitting },
  } = useForm<Draft>({ resolver, defaultValues: { environment: 'development', name: '', value: '' } });

  const onValid = async (draft: Draft) => {
    setFailure(null);
    try {
      unwrap(await pave().invoke('secrets:set', { serviceId, ...draft }));
      // The value leaves memory as soon as it is sent.
      setValue('value', '');
      onDone({ name: draft.name, environment: draft.environment });
    } catch (err) {
      // The draft stays (value included) so a refusal can be fixed and sent again.
      setFailure(showRefusal(err, ['environment', 'name', 'value'], setError));
    }
  };
  const nameField = register('name');

  return (
    <form
      className="section-form secret-form"
      noValidate
      onSubmit={(event) => void handleSubmit(onValid)(event)}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onDone(null);
      }}
      aria-label="Set a secret"
      data-testid="secret-form"
    >
      <div className="section-form-fields">
        <FormSelect
          control={control}
          name="environment"
          label="Environment"
          options={environmentOptions}
          data-testid="secret-environment"
        />
        <TextField
          label="Name"
          className="mono-field"
          data-testid="secret-name"
          autoFocus
          placeholder="API_KEY"
          spellCheck={false}
          autoComplete="off"
          error={errors.name?.message}
          {...nameField}
          // Names are environment variables: typed in capitals whatever the keyboard says.
          onChange={(event) => {
            event.target.value = event.target.value.toUpperCase();
            void nameField.onChange(event);
          }}
        />
        <TextField
          label="Value"
          data-testid="secret-value"
          type="password"
          autoComplete="new-password"
          error={errors.value?.message}
          {...register('value')}
        />
      </div>
      <FormError>{failure}</FormError>
      <div className="section-form-actions">
        <Button type="submit" variant="primary" data-testid="secret-save" disabled={isSubmitting}>
          {isSubmitting ? 'Saving…' : 'Save'}
        </Button>
        <Button onClick={() => onDone(null)}>Cancel</Button>
      </div>
    </form>
  );
}
