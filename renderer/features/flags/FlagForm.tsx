import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { EnvironmentName } from '../../../shared/features/catalog/api';
import type { FlagView } from '../../../shared/features/flags/api';
import { showRefusal } from '../../components/form-refusal';
import { Button } from '../../components/ui/Button';
import { FormError, TextField } from '../../components/ui/Field';
import { FormSelect } from '../../components/ui/FormSelect';
import { unwrap } from '../../data/ipc-error';
import { pave } from '../../data/pave';
import { flagFormResolver, type FlagChecked, type FlagDraft } from './flag-form';

const environmentOptions = EnvironmentName.options.map((env) => ({ value: env, label: env }));

/**
 * Creates a flag (off). Each field is checked while typing, a key the environment already has
 * included; a refusal from the backend keeps the draft and is shown at the field it is about.
 */
export function FlagForm({
  serviceId,
  environment,
  flags,
  onDone,
}: {
  serviceId: string;
  environment: EnvironmentName;
  flags: readonly FlagView[];
  onDone(created: { key: string; environment: EnvironmentName } | null): void;
}) {
  const [failure, setFailure] = useState<string | null>(null);
  const {
    register,
    control,
    handleSubmit,
    setError,
    trigger,
    getValues,
    formState: { errors, isSubmitting },
  } = useForm<FlagDraft, unknown, FlagChecked>({
    resolver: flagFormResolver(flags),
    mode: 'onChange',
    defaultValues: { environment, key: '', description: '', rollout: '100' },
  });

  const onValid = async (values: FlagChecked) => {
    setFailure(null);
    try {
      unwrap(await pave().invoke('flags:create', { serviceId, ...values, enabled: false }));
      onDone({ key: values.key, environment: values.environment });
    } catch (err) {
      setFailure(
        showRefusal(err, ['environment', 'key', 'description', 'rollout'], setError, {
          byCode: { flag_exists: 'key' },
        }),
      );
    }
  };
  const keyField = register('key', { setValueAs: (value: string) => value.trim() });

  return (
    <form
      className="section-form flag-form"
      noValidate
      onSubmit={(event) => void handleSubmit(onValid)(event)}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onDone(null);
      }}
      aria-label="New feature flag"
      data-testid="flag-form"
    >
      <div className="section-form-fields">
        <FormSelect
          control={control}
          name="environment"
          label="Environment"
          options={environmentOptions}
          // The same key may be free in one environment and taken in another.
          onPicked={() => {
            if (getValues('key')) void trigger('key');
          }}
          data-testid="flag-environment"
        />
        <TextField
          label="Key"
          className="mono-field"
          data-testid="flag-key"
          autoFocus
          placeholder="new-checkout"
          spellCheck={false}
          autoComplete="off"
          error={errors.key?.message}
          {...keyField}
        />
        <TextField
          label="Description"
          className="flag-form-description"
          data-testid="flag-description"
          placeholder="What it turns on"
          error={errors.description?.message}
          {...register('description')}
        />
        <TextField
          label="Rollout %"
          className="flag-form-rollout"
          data-testid="flag-new-rollout"
          inputMode="numeric"
          error={errors.rollout?.message}
          {...register('rollout')}
        />
      </div>
      <FormError>{failure}</FormError>
      <div className="section-form-actions">
        <Button
          type="submit"
          variant="primary"
          data-testid="flag-create"
          disabled={Boolean(errors.key || errors.description || errors.rollout) || isSubmitting}
        >
          Create flag
        </Button>
        <Button onClick={() => onDone(null)}>Cancel</Button>
      </div>
    </form>
  );
}
