import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useForm, useWatch } from 'react-hook-form';
import { EnvironmentName } from '../../../shared/features/catalog/api';
import { ResourceKind, ResourceProvision, ResourceSize } from '../../../shared/features/resources/api';
import { errorMessage, unwrap } from '../../data/ipc-error';
import { pave } from '../../data/pave';
import { estimateQuery, resourceKindsQuery } from './data';

const kindLabel: Record<ResourceKind, string> = {
  postgres: 'PostgreSQL database',
  cache: 'Redis cache',
  queue: 'Queue (Redis stream)',
};

/** Validated with the API's own ResourceProvision schema before anything is queued. */
const resolver = zodResolver(ResourceProvision);

/** Kind, size, environment; the monthly estimate is visible before Confirm. Enter confirms, Escape closes. */
export function ProvisionDialog({ serviceId, onClose }: { serviceId: string; onClose: () => void }) {
  const {
    register,
    handleSubmit,
    control,
    formState: { errors, isSubmitting },
  } = useForm<ResourceProvision>({
    resolver,
    defaultValues: { kind: 'postgres', size: 'small', environment: 'development' },
  });
  const [kind, size] = useWatch({ control, name: ['kind', 'size'] });
  const estimate = useQuery(estimateQuery(kind, size));
  const kinds = useQuery(resourceKindsQuery()).data?.items ?? [];
  const unavailable = kinds.find((k) => k.kind === kind && !k.available) ?? null;
  const provision = useMutation({
    mutationFn: async (values: ResourceProvision) =>
      unwrap(await pave().invoke('resources:provision', { serviceId, ...values })),
    onSuccess: onClose,
  });

  const onValid = async (values: ResourceProvision) => {
    try {
      await provision.mutateAsync(values);
    } catch {
      // Shown below from provision.error; the dialog stays open for another try.
    }
  };
  const fieldError = (name: keyof ResourceProvision) =>
    errors[name]?.message && (
      <span className="field-error" id={`resource-${name}-error`} role="alert">
        {errors[name].message}
      </span>
    );

  return (
    <form
      className="provision-dialog"
      role="dialog"
      aria-modal="false"
      aria-labelledby="provision-title"
      noValidate
      onSubmit={(event) => void handleSubmit(onValid)(event)}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
      }}
    >
      <h3 id="provision-title">Provision a resource</h3>
      <div className="provision-fields">
        <label>
          Kind
          <select
            {...register('kind')}
            // The dialog opens on its first field, so the keyboard starts where the choices are.
            autoFocus
            data-testid="resource-kind"
            aria-invalid={errors.kind ? true : undefined}
          >
            {ResourceKind.options.map((k) => {
              const off = kinds.some((other) => other.kind === k && !other.available);
              return (
                // Offered but marked, not hidden: people learn caches exist and why they cannot have one.
                <option key={k} value={k} disabled={off} data-available={!off}>
                  {off ? `${kindLabel[k]} — not on this platform` : kindLabel[k]}
                </option>
              );
            })}
          </select>
          {fieldError('kind')}
        </label>
        <label>
          Size
          <select
            {...register('size')}
            data-testid="resource-size"
            aria-invalid={errors.size ? true : undefined}
          >
            {ResourceSize.options.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
          {fieldError('size')}
        </label>
        <label>
          Environment
          <select
            {...register('environment')}
            data-testid="resource-environment"
            aria-invalid={errors.environment ? true : undefined}
          >
            {EnvironmentName.options.map((env) => (
              <option key={env} value={env}>
                {env}
              </option>
            ))}
          </select>
          {fieldError('environment')}
        </label>
      </div>
      {unavailable && (
        <p className="form-error" role="alert" data-testid="resource-kind-unavailable">
          {unavailable.reason}
        </p>
      )}
      <p className="provision-estimate" data-testid="resource-cost-estimate" aria-live="polite">
        {unavailable
          ? 'No estimate: this platform cannot provision it'
          : estimate.data
            ? `Estimated $${estimate.data.monthlyCostUsd} / month`
            : estimate.isError
              ? 'No estimate available'
              : 'Estimating…'}
      </p>
      {estimate.data && <p className="muted provision-note">{estimate.data.note}</p>}
      {provision.isError && (
        <p className="form-error" role="alert">
          {errorMessage(provision.error).message}
        </p>
      )}
      <div className="provision-actions">
        <button
          type="submit"
          className="button primary"
          data-testid="resource-confirm"
          disabled={isSubmitting || provision.isPending || !estimate.data || unavailable !== null}
        >
          Confirm
        </button>
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </form>
  );
}
