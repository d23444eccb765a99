import { useMutation } from '@tanstack/react-query';
import type { EnvironmentName } from '../../../shared/features/catalog/api';
import type { CanaryDecision, CanaryState } from '../../../shared/features/self-service/api';
import { useNow } from '../../components/use-now';
import { errorMessage, unwrap } from '../../data/ipc-error';
import { pave } from '../../data/pave';
import { canaryView, formatSecondsLeft, type TrafficView } from './canary-view';
import { Button } from '../../components/ui/Button';
import { Table, Td, Th } from '../../components/ui/Table';

function TrafficRow({ label, weight, traffic }: { label: string; weight: number; traffic: TrafficView }) {
  return (
    <tr data-testid={`canary-traffic-${label}`}>
      <th scope="row">{label}</th>
      <Td numeric>{weight} %</Td>
      <Td numeric>{traffic.requests}</Td>
      <Td numeric>
        {traffic.failures} <span className="muted">({traffic.errorRate})</span>
      </Td>
    </tr>
  );
}

/**
 * A running canary: traffic split, requests and failures of stable vs canary, time left, and
 * Promote / Abort. Both act at once and need the platform (never queued); neither can be undone.
 */
export function CanaryPanel({
  serviceId,
  environment,
  canary,
}: {
  serviceId: string;
  environment: EnvironmentName;
  canary: CanaryState;
}) {
  const now = useNow(1000);
  const view = canaryView(canary, now);
  const decide = useMutation({
    mutationFn: async (decision: CanaryDecision) =>
      unwrap(await pave().invoke('deployments:canaryDecide', { serviceId, environment, decision })),
  });
  const requested = decide.isSuccess ? decide.data.decision : null;
  return (
    <section
      className="canary-panel"
      data-testid="canary-panel"
      data-environment={environment}
      data-status={canary.status}
      aria-label={`Canary in ${environment}`}
    >
      <div className="canary-head">
        <strong>Canary</strong> <span data-testid="canary-phase">{view.phase}</span>
        {view.secondsLeft !== null && (
          <span className="muted" data-testid="canary-time-left">
            {' '}
            · {formatSecondsLeft(view.secondsLeft)} left of {canary.windowSeconds} s
          </span>
        )}
      </div>
      <Table label={`Canary traffic in ${environment}`} className="canary-traffic">
        <thead>
          <tr>
            <Th>Target</Th>
            <Th numeric>Weight</Th>
            <Th numeric>Requests</Th>
            <Th numeric>Failed (rate)</Th>
          </tr>
        </thead>
        <tbody>
          <TrafficRow label="stable" weight={view.stableWeight} traffic={view.stable} />
          <TrafficRow label="canary" weight={view.canaryWeight} traffic={view.canary} />
        </tbody>
      </Table>
      <div className="environment-actions">
        <Button
          size="small"
          variant="primary"
          data-testid="canary-promote"
          disabled={!view.canPromote || decide.isPending || requested !== null}
          title={view.canPromote ? 'Make the canary the live version now' : 'The canary takes no traffic yet'}
          onClick={() => decide.mutate('promote')}
        >
          Promote
        </Button>
        <Button
          size="small"
          data-testid="canary-abort"
          disabled={!view.canAbort || decide.isPending || requested !== null}
          title="Send all traffic back to the stable version and stop the canary"
          onClick={() => decide.mutate('abort')}
        >
          Abort
        </Button>
      </div>
      <p className="muted canary-note">
        Acts at once, no undo: Promote makes the canary live (Roll back returns to the previous version);
        Abort sends all traffic to stable and stops the canary. Needs the platform: a decision is never
        queued.
      </p>
      {requested && (
        <div className="muted" role="status" data-testid="canary-requested">
          {requested === 'promote' ? 'Promoting…' : 'Aborting…'}
        </div>
      )}
      {decide.isError && (
        <div className="ui-form-error" role="alert" data-testid="canary-error">
          {errorMessage(decide.error).message}
        </div>
      )}
    </section>
  );
}
