import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { EnvironmentName } from '../../../shared/features/catalog/api';
import { ResourceKind, ResourceProvision, ResourceSize } from '../../../shared/features/resources/api';
import { showRefusal } from '../../components/form-refusal';
import { Button } from '../../components/ui/Button';
import { Dialog } from '../../components/ui/Dialog';
import { FormError } from '../../components/ui/Field';
import { FormSelect } from '../../components/ui/FormSelect';
import { unwrap } from '../../data/ipc-error';
import { pave } from '../../data/pave';
import { estimateQuery, resourceKindsQuery } from './data';

const kindLabel: Record<ResourceKind, string> = {
  postgres: 'PostgreSQL database',
  cache: 'Redis cache',
  queue: 'Queue (Redis stream)',
};
const FIELDS = ['kind', 'size', 'environment'] as const;
const sizeOptions = ResourceSize.options.map((s) => ({ value: s, label: s }));
const environmentOptions = EnvironmentName.options.map((env) => ({ value: env, label: env }));

/** Validated with the API's own ResourceProvision schema before anything is queued. */
const resolver = zodResolver(ResourceProvision);

/**
 * Kind, size, environment in a modal dialog; the monthly estimate is visible before Confirm. Enter
 * confirms, Escape closes, focus returns to "Provision…". A refusal keeps the choices.
 */
export function ProvisionDialog({
  serviceId,
  open,
  onOpenChange,
}: {
  serviceId: string;
  open: boolean;
  onOpenChange(open: boolean): void;
}) {
  const [failure, setFailure] = useState<string | null>(null);
  const {
    control,
    handleSubmit,
    setError,
    reset,
    formState: { isSubmitting },
  } = useForm<ResourceProvision>({
    resolver,
    defaultValues: { kind: 'postgres', size: 'small', environment: 'development' },
  });
  const [kind, size] = useWatch({ control, name: ['kind', 'size'] });
  const estimate = useQuery({ ...estimateQuery(kind, size), enabled: open });
  const kinds = useQuery({ ...resourceKindsQuery(), enabled: open }).data?.items ?? [];
  const unavailable = kinds.find((k) => k.kind === kind && !k.available) ?? null;
  // Offered but marked, not hidden: people learn caches exist and why they cannot have one.
  const kindOptions = ResourceKind.options.map((k) => {
    const off = kinds.some((other) => other.kind === k && !other.available);
    return { value: k, label: off ? `${kindLabel[k]} — not on this platform` : kindLabel[k], disabled: off };
  });

  const onValid = async (values: ResourceProvision) => {
    setFailure(null);
    try {
      unwrap(await pave().invoke('resources:provision', { serviceId, ...values }));
      reset();
      onOpenChange(false);
    } catch (err) {
      setFailure(showRefusal(err, FIELDS, setError));
    }
  };

  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title="Provision a resource"
      description="It is created by the platform; its credentials land in this service's secrets."
      testId="provision-dialog"
    >
      <form noValidate onSubmit={(event) => void handleSubmit(onValid)(event)}>
        <div className="section-form-fields">
          <FormSelect
            control={control}
            name="kind"
            label="Kind"
            className="provision-kind"
            options={kindOptions}
            data-testid="resource-kind"
          />
          <FormSelect
            control={control}
            name="size"
            label="Size"
            options={sizeOptions}
            data-testid="resource-size"
          />
          <FormSelect
            control={control}
            name="environment"
            label="Environment"
            options={environmentOptions}
            data-testid="resource-environment"
          />
        </div>
        {unavailable && (
          <p className="ui-form-error" role="alert" data-testid="resource-kind-unavailable">
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
        <FormError>{failure}</FormError>
        <div className="ui-dialog-actions">
          <Button onClick={() => onOpenChange(false)}>Cancel</Button>
          <Button
            type="submit"
            variant="primary"
            data-testid="resource-confirm"
            disabled={isSubmitting || !estimate.data || unavailable !== null}
          >
            {isSubmitting ? 'Provisioning…' : 'Confirm'}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
