import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import type { EnvironmentName } from '../../../shared/features/catalog/api';
import type {
  Deployment,
  EnvironmentDeployments,
  QueuedAction,
  ServiceVersion,
} from '../../../shared/features/self-service/api';
import { QueryErrorNotice } from '../../components/QueryErrorNotice';
import { Badge, type Tone } from '../../components/ui/Badge';
import { Button } from '../../components/ui/Button';
import { ConfirmDialog } from '../../components/ui/Dialog';
import { FormError } from '../../components/ui/Field';
import { Table, Td, Th } from '../../components/ui/Table';
import { toast } from '../../components/ui/toast-store';
import { errorMessage, unwrap } from '../../data/ipc-error';
import { pave } from '../../data/pave';
import { formatRelativeTime } from '../../components/relative-time';
import { useNow } from '../../components/use-now';
import { AlertRuleEditor } from './AlertRuleEditor';
import { CanaryPanel } from './CanaryPanel';
import { DeployControls, type DeployChoice } from './DeployControls';
import { rollbackButtonState, versionLabel } from './rollback-button';
import { currentQueuedActions, deploymentProblems } from './deployment-messages';
import { LiveLog } from './LiveLog';
import { deploymentsQuery } from './data';
import './DeploymentsSection.css';

const short = (sha: string) => sha.slice(0, 7);

const statusTone: Record<Deployment['status'], Tone> = {
  pending: 'neutral',
  deploying: 'warn',
  live: 'ok',
  superseded: 'neutral',
  failed: 'danger',
  rolled_back: 'danger',
  stopped: 'neutral',
};
const healthTone: Record<EnvironmentDeployments['health'], Tone> = {
  healthy: 'ok',
  unhealthy: 'danger',
  unknown: 'neutral',
};

/**
 * Per environment: live version and health, deploy a chosen version (production: as a canary),
 * the running canary, Roll back (or why not), history with versions and guardrail findings.
 */
export function DeploymentsSection({ serviceId }: { serviceId: string }) {
  const deployments = useQuery(deploymentsQuery(serviceId));
  // One message at a time: starting either action clears what the other one last said.
  const deploy = useMutation({
    onMutate: (): void => rollback.reset(),
    mutationFn: async ({ environment, ...choice }: DeployChoice & { environment: EnvironmentName }) =>
      unwrap(await pave().invoke('deployments:deploy', { serviceId, environment, ...choice })),
    // The deploy runs away from where the person looks (the operation, then the card): say it started.
    onSuccess: (_result, { environment }) =>
      toast({ title: `Deploy to ${environment} started`, description: 'Its progress shows in the card.' }),
  });
  const rollback = useMutation({
    onMutate: (): void => deploy.reset(),
    mutationFn: async (environment: EnvironmentDeployments['environment']) =>
      unwrap(await pave().invoke('deployments:rollback', { serviceId, environment })),
    onSuccess: (_result, environment) => toast({ title: `Roll back of ${environment} started` }),
  });

  if (deployments.isPending) return <div className="muted">Loading deployments…</div>;
  if (deployments.isError) {
    return (
      <QueryErrorNotice
        title="Could not load deployments"
        error={deployments.error}
        onRetry={() => void deployments.refetch()}
      />
    );
  }
  const { environments, versions } = deployments.data;
  const queued = currentQueuedActions(deployments.data.queued, environments);
  const anyDeployed = environments.some((e) => e.history.length > 0);
  return (
    <section className="deployments-section" data-testid="deployments-section">
      <h2>Deployments</h2>
      <FormError>
        {deploy.isError || rollback.isError ? errorMessage(deploy.error ?? rollback.error).message : null}
      </FormError>
      {queued.length > 0 && <QueuedActions actions={queued} />}
      <div className="environment-cards">
        {environments.map((env) => (
          <EnvironmentCard
            key={env.environment}
            env={env}
            versions={versions}
            busy={queued.some((q) => q.environment === env.environment && q.status === 'pending')}
            onDeploy={(choice) => deploy.mutate({ environment: env.environment, ...choice })}
            onRollback={() => rollback.mutate(env.environment)}
          >
            {env.canary && (
              <CanaryPanel serviceId={serviceId} environment={env.environment} canary={env.canary} />
            )}
            <AlertRuleEditor serviceId={serviceId} environment={env.environment} />
          </EnvironmentCard>
        ))}
      </div>
      {anyDeployed && <LiveLog serviceId={serviceId} environments={environments} />}
    </section>
  );
}

function QueuedActions({ actions }: { actions: QueuedAction[] }) {
  return (
    <ul className="queued-actions" aria-label="Queued actions">
      {actions.map((action) => (
        <li key={action.mutationId} data-testid="queued-action" data-status={action.status}>
          <Badge tone={action.status === 'rejected' ? 'danger' : 'warn'}>
            {action.status === 'pending' ? 'queued' : action.status.replace('_', ' ')}
          </Badge>{' '}
          {action.name === 'service.rollback' ? 'Roll back' : 'Deploy'} {action.environment}{' '}
          <span className="muted mono" title="Idempotency key: it runs at most once">
            key {action.idempotencyKey.slice(0, 8)}
          </span>
          {action.reason && <span className="ui-field-error"> — {action.reason.message}</span>}
        </li>
      ))}
    </ul>
  );
}

function EnvironmentCard({
  env,
  versions,
  busy,
  onDeploy,
  onRollback,
  children,
}: {
  env: EnvironmentDeployments;
  versions: ServiceVersion[];
  busy: boolean;
  onDeploy(choice: DeployChoice): void;
  onRollback(): void;
  children?: ReactNode;
}) {
  const now = useNow(30_000);
  const rollback = rollbackButtonState(env.rollback, busy);
  const [confirming, setConfirming] = useState(false);
  return (
    <div className="environment-card">
      <div className="environment-head">
        <span className="environment-name">{env.environment}</span>
        <span data-testid="environment-health" data-environment={env.environment} data-state={env.health}>
          <Badge tone={healthTone[env.health]}>{env.health}</Badge>
        </span>
      </div>
      <div className="environment-live">
        {env.live ? (
          <>
            <span
              data-testid="live-version"
              data-environment={env.environment}
              data-version={env.live.version}
            >
              {versionLabel(env.live)} {env.live.commitMessage}
            </span>{' '}
            <span className="muted">
              · {formatRelativeTime(env.live.finishedAt ?? env.live.startedAt, now)}
            </span>
            {env.live.stablePort && <div className="muted mono">http://127.0.0.1:{env.live.stablePort}</div>}
          </>
        ) : (
          <span className="muted">Nothing deployed</span>
        )}
      </div>
      <DeployControls environment={env.environment} versions={versions} busy={busy} onDeploy={onDeploy} />
      <div className="environment-actions rollback-action">
        <Button
          size="small"
          data-testid="rollback-button"
          data-environment={env.environment}
          disabled={!rollback.enabled}
          title={rollback.title}
          aria-describedby={rollback.reason ? `rollback-reason-${env.environment}` : undefined}
          onClick={() => setConfirming(true)}
        >
          Roll back…
        </Button>
        <ConfirmDialog
          open={confirming}
          onOpenChange={setConfirming}
          title={`Roll back ${env.environment}?`}
          description={`${rollback.title}. The version that runs there now stops serving.`}
          confirmLabel="Roll back"
          onConfirm={onRollback}
        />
        {rollback.reason && (
          <span
            className="muted rollback-reason"
            id={`rollback-reason-${env.environment}`}
            data-testid="rollback-reason"
            data-environment={env.environment}
          >
            {rollback.reason}
          </span>
        )}
      </div>
      {children}
      {/* A fixed height, scrolled inside: a deploy arriving (a pipeline's own, another person's)
          must not move the buttons below while someone aims at them. */}
      <div className="deployment-history-area" data-testid="deployment-history-area">
        {env.history.length === 0 ? (
          <p className="muted deployment-history-empty">No deployments yet.</p>
        ) : (
          <Table label={`Deployments to ${env.environment}`} className="deployment-history">
            <thead>
              <tr>
                <Th>Version</Th>
                <Th>Status</Th>
                <Th>Started</Th>
              </tr>
            </thead>
            <tbody>
              {env.history.map((d) => (
                <DeploymentRow key={d.id} deployment={d} now={now} />
              ))}
            </tbody>
          </Table>
        )}
      </div>
    </div>
  );
}

function DeploymentRow({ deployment: d, now }: { deployment: Deployment; now: number }) {
  const problems = deploymentProblems(d);
  return (
    <>
      <tr
        data-testid="deployment-row"
        data-status={d.status}
        data-version={d.version}
        data-environment={d.environment}
      >
        <Td className="mono">
          {d.versionNumber !== null && <span className="version-number">v{d.versionNumber} </span>}
          {short(d.version)}
        </Td>
        <Td>
          <Badge tone={statusTone[d.status]}>{d.status.replace('_', ' ')}</Badge>
          {d.rolledBackFromId && <span className="muted"> (rollback)</span>}
          {d.canary && <span className="muted"> (canary {d.canary.weightPercent} %)</span>}
        </Td>
        <Td className="muted">{formatRelativeTime(d.startedAt, now)}</Td>
      </tr>
      {(problems.error || problems.findings.length > 0) && (
        <tr className="deployment-detail">
          <Td colSpan={3}>
            {problems.error && <div className="ui-field-error">{problems.error}</div>}
            {problems.findings.map((f, i) => (
              <div key={i} className={`finding severity-${f.severity}`} data-testid="guardrail-finding">
                {f.severity}: {f.message}
                {f.location && <span className="mono muted"> {f.location}</span>}
              </div>
            ))}
          </Td>
        </tr>
      )}
    </>
  );
}
