import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { EnvironmentName } from '../../shared/api/catalog';
import { ResourceKind, ResourceSize } from '../../shared/api/resources';
import { errorMessage, unwrap } from '../data/ipc-error';
import { pave } from '../data/pave';
import { estimateQuery } from './resource-queries';

const kindLabel: Record<ResourceKind, string> = {
  postgres: 'PostgreSQL database',
  cache: 'Redis cache',
  queue: 'Queue (Redis stream)',
};

/** Kind, size, environment; the monthly estimate is visible before Confirm. Escape closes. */
export function ProvisionDialog({ serviceId, onClose }: { serviceId: string; onClose: () => void }) {
  const [kind, setKind] = useState<ResourceKind>('postgres');
  const [size, setSize] = useState<ResourceSize>('small');
  const [environment, setEnvironment] = useState<EnvironmentName>('development');
  const estimate = useQuery(estimateQuery(kind, size));
  const firstField = useRef<HTMLSelectElement>(null);
  const provision = useMutation({
    mutationFn: async () =>
      unwrap(await pave().invoke('resources:provision', { serviceId, kind, size, environment })),
    onSuccess: onClose,
  });

  useEffect(() => firstField.current?.focus(), []);

  return (
    <div
      className="provision-dialog"
      role="dialog"
      aria-modal="false"
      aria-labelledby="provision-title"
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
      }}
    >
      <h3 id="provision-title">Provision a resource</h3>
      <div className="provision-fields">
        <label>
          Kind
          <select
            ref={firstField}
            data-testid="resource-kind"
            value={kind}
            onChange={(e) => setKind(ResourceKind.parse(e.target.value))}
          >
            {ResourceKind.options.map((k) => (
              <option key={k} value={k}>
                {kindLabel[k]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Size
          <select
            data-testid="resource-size"
            value={size}
            onChange={(e) => setSize(ResourceSize.parse(e.target.value))}
          >
            {ResourceSize.options.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <label>
          Environment
          <select
            data-testid="resource-environment"
            value={environment}
            onChange={(e) => setEnvironment(EnvironmentName.parse(e.target.value))}
          >
            {EnvironmentName.options.map((env) => (
              <option key={env} value={env}>
                {env}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="provision-estimate" data-testid="resource-cost-estimate" aria-live="polite">
        {estimate.data
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
          type="button"
          className="button primary"
          data-testid="resource-confirm"
          disabled={provision.isPending || !estimate.data}
          onClick={() => provision.mutate()}
        >
          Confirm
        </button>
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </div>
  );
}
