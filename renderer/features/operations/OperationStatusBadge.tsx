import type { OperationStatus } from '../../../shared/features/operations/api';
import { Badge, type Tone } from '../../components/ui/Badge';
import './Operations.css';

const tone: Record<OperationStatus, Tone> = {
  queued: 'warn',
  running: 'accent',
  succeeded: 'ok',
  failed: 'danger',
  cancelled: 'danger',
};

/** Status as a word and a colour (never colour alone). */
export function OperationStatusBadge({
  status,
  local = false,
}: {
  status: OperationStatus;
  local?: boolean;
}) {
  return (
    <span
      className="op-status"
      data-status={local ? 'local' : status}
      title={local ? 'Queued on this device; sent when online' : status}
    >
      <Badge tone={local ? 'neutral' : tone[status]}>{local ? 'queued locally' : status}</Badge>
    </span>
  );
}

export function OperationProgress({ value, label }: { value: number; label: string }) {
  return (
    <progress className="op-progress" max={1} value={value} aria-label={label}>
      {Math.round(value * 100)}%
    </progress>
  );
}

export const operationKindLabel: Record<string, string> = {
  'service.create': 'Create service',
  'service.deploy': 'Deploy',
  'service.rollback': 'Roll back',
  'resource.provision': 'Provision',
  'resource.deprovision': 'Deprovision',
  'pipeline.run': 'Pipeline run',
  'catalog.import': 'Catalog import',
};
