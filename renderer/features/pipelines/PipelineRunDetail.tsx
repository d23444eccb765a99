import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { EnvironmentName } from '../../../shared/features/catalog/api';
import type { PipelineRun } from '../../../shared/features/pipelines/api';
import { errorMessage, unwrap } from '../../data/ipc-error';
import { pave } from '../../data/pave';
import { OperationStatusBadge, operationsWindowQuery, useOperationLog } from '../operations/public';
import { formatStepDuration } from './step-duration';
import { Button } from '../../components/ui/Button';

const PROMOTE_TO: readonly EnvironmentName[] = ['staging', 'production'];

/** One run opened: why it failed, its steps with durations, the live log, cancel and promote. */
export function PipelineRunDetail({ run }: { run: PipelineRun }) {
  const going = run.status === 'queued' || run.status === 'running';
  const cancel = useMutation({
    mutationFn: async () => unwrap(await pave().invoke('pipelines:cancel', { operationId: run.operationId })),
  });
  return (
    <div className="pipeline-run-detail" data-testid="pipeline-run-detail">
      {run.status === 'failed' && (
        <div className="pipeline-failure" role="alert" data-testid="pipeline-failure">
          <strong>{run.failedStep ? `Failed at step ${run.failedStep}` : 'Failed'}</strong>
          {run.error && <pre>{run.error}</pre>}
        </div>
      )}
      {run.status === 'cancelled' && <p className="muted">{run.error ?? 'Cancelled.'}</p>}
      <ol className="pipeline-steps" aria-label="Steps">
        {run.steps.map((step) => (
          <li key={step.name} data-testid="pipeline-step" data-step={step.name} data-status={step.status}>
            <span className={`run-status run-status-${step.status}`}>{step.status}</span>
            <span className="step-name">{step.name}</span>
            <span className="mono muted step-command" title={step.command}>
              {step.command}
            </span>
            <span className="muted">
              {step.durationMs !== null ? formatStepDuration(step.durationMs) : ''}
              {step.exitCode !== null && step.exitCode !== 0 ? ` · exit ${step.exitCode}` : ''}
            </span>
          </li>
        ))}
      </ol>
      {going && (
        <div className="pipeline-actions">
          <Button
            size="small"
            data-testid="cancel-run"
            disabled={cancel.isPending}
            onClick={() => cancel.mutate()}
          >
            Cancel run
          </Button>
          {cancel.isError && (
            <span className="ui-form-error" role="alert">
              {errorMessage(cancel.error).message}
            </span>
          )}
        </div>
      )}
      {run.status === 'succeeded' && <Promotion run={run} />}
      <RunLog operationId={run.operationId} />
    </div>
  );
}

/**
 * Promote a green run's version to staging or production: the same deploy as the deployments
 * section's, of this commit. The platform applies the template's policies; a refused promotion
 * shows the deploy operation's reason here.
 */
function Promotion({ run }: { run: PipelineRun }) {
  // This service's newest deploys: a run's promotions are among them.
  const deploys = useQuery(
    operationsWindowQuery({ serviceId: run.serviceId, kinds: ['service.deploy'], limit: 100 }),
  );
  const promote = useMutation({
    mutationFn: async (environment: EnvironmentName) =>
      unwrap(
        await pave().invoke('deployments:deploy', {
          serviceId: run.serviceId,
          environment,
          version: run.commitSha,
        }),
      ),
  });
  const latestDeploy = (environment: EnvironmentName) =>
    deploys.data?.rows.find(
      (op) =>
        op.kind === 'service.deploy' && op.environment === environment && op.input.version === run.commitSha,
    );
  return (
    <div className="pipeline-promotion" data-testid="pipeline-promotion">
      <span className="muted">Version {run.commitSha.slice(0, 7)} passed.</span>
      {PROMOTE_TO.map((environment) => {
        const deploy = latestDeploy(environment);
        return (
          <div key={environment} className="promotion-target" data-testid={`promotion-${environment}`}>
            <Button
              size="small"
              data-testid={`promote-${environment}`}
              disabled={promote.isPending || deploy?.status === 'queued' || deploy?.status === 'running'}
              onClick={() => promote.mutate(environment)}
            >
              Promote to {environment}
            </Button>
            {deploy && <OperationStatusBadge status={deploy.status} local={deploy.local} />}
            {deploy?.status === 'failed' && deploy.error && (
              <span className="ui-form-error" role="alert">
                {deploy.error.message}
              </span>
            )}
          </div>
        );
      })}
      {promote.isError && (
        <span className="ui-form-error" role="alert">
          {errorMessage(promote.error).message}
        </span>
      )}
    </div>
  );
}

/** The run's operation log, live while it runs; stays scrolled to the end unless scrolled up. */
function RunLog({ operationId }: { operationId: string }) {
  const log = useOperationLog(operationId, true);
  const ref = useRef<HTMLPreElement>(null);
  const lines = (log.data?.events ?? []).filter((event) => event.type === 'log');
  useEffect(() => {
    const el = ref.current;
    if (el && el.scrollHeight - el.scrollTop - el.clientHeight < 80) el.scrollTop = el.scrollHeight;
  }, [lines.length]);
  return (
    <pre
      ref={ref}
      className="pipeline-log"
      data-testid="pipeline-log"
      data-lines={lines.length}
      role="log"
      aria-label="Run log"
    >
      {lines.length === 0 ? 'Waiting for log lines…' : lines.map((event) => event.message).join('\n')}
    </pre>
  );
}
