import { useMutation, useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type {
  Deployment,
  EnvironmentDeployments,
  QueuedAction,
} from '../../../shared/features/self-service/api';
import { QueryErrorNotice } from '../../components/QueryErrorNotice';
import { errorMessage, unwrap } from '../../data/ipc-error';
import { pave } from '../../data/pave';
import { formatRelativeTime } from '../../components/relative-time';
import { useNow } from '../../components/use-now';
import { AlertRuleEditor } from './AlertRuleEditor';
import { LiveLog } from './LiveLog';
import { deploymentsQuery } from './data';
import './DeploymentsSection.css';

const short = (sha: string) => sha.slice(0, 7);

/** Per environment: live version and health, Deploy / Roll back, history with guardrail findings. */
export function DeploymentsSection({ serviceId }: { serviceId: string }) {
  const deployments = useQuery(deploymentsQuery(serviceId));
  const deploy = useMutation({
    mutationFn: async (environment: EnvironmentDeployments['environment']) =>
      unwrap(await pave().invoke('deployments:deploy', { serviceId, environment })),
  });
  const rollback = useMutation({
    mutationFn: async (environment: EnvironmentDeployments['environment']) =>
      unwrap(await pave().invoke('deployments:rollback', { serviceId, environment })),
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
  const { environments, queued } = deployments.data;
  const anyDeployed = environments.some((e) => e.history.length > 0);
  return (
    <section className="deployments-section" data-testid="deployments-section">
      <h2>Deployments</h2>
      {(deploy.isError || rollback.isError) && (
        <div className="form-error" role="alert">
          {errorMessage(deploy.error ?? rollback.error).message}
        </div>
      )}
      {queued.length > 0 && <QueuedActions actions={queued} />}
      <div className="environment-cards">
        {environments.map((env) => (
          <EnvironmentCard
            key={env.environment}
            env={env}
            busy={queued.some((q) => q.environment === env.environment && q.status === 'pending')}
            onDeploy={() => deploy.mutate(env.environment)}
            onRollback={() => rollback.mutate(env.environment)}
          >
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
          <span className="pill">
            {action.status === 'pending' ? 'queued' : action.status.replace('_', ' ')}
          </span>{' '}
          {action.name === 'service.rollback' ? 'Roll back' : 'Deploy'} {action.environment}{' '}
          <span className="muted mono" title="Idempotency key: it runs at most once">
            key {action.idempotencyKey.slice(0, 8)}
          </span>
          {action.reason && <span className="form-error"> — {action.reason.message}</span>}
        </li>
      ))}
    </ul>
  );
}

function EnvironmentCard({
  env,
  busy,
  onDeploy,
  onRollback,
  children,
}: {
  env: EnvironmentDeployments;
  busy: boolean;
  onDeploy(): void;
  onRollback(): void;
  children?: ReactNode;
}) {
  const now = useNow(30_000);
  const canRollBack =
    env.live !== null &&
    env.history.some((d) => d.status === 'superseded' && d.version !== env.live?.version);
  return (
    <div className="environment-card">
      <div className="environment-head">
        <span className="environment-name">{env.environment}</span>
        <span
          className={`health health-${env.health}`}
          data-testid="environment-health"
          data-environment={env.environment}
          data-state={env.health}
        >
          {env.health}
        </span>
      </div>
      <div className="environment-live">
        {env.live ? (
          <>
            <span className="mono">{short(env.live.version)}</span>{' '}
            <span className="muted">
              {env.live.commitMessage} · {formatRelativeTime(env.live.finishedAt ?? env.live.startedAt, now)}
            </span>
            {env.live.stablePort && <div className="muted mono">http://127.0.0.1:{env.live.stablePort}</div>}
          </>
        ) : (
          <span className="muted">Nothing deployed</span>
        )}
      </div>
      <div className="environment-actions">
        <button
          type="button"
          className="button small primary"
          data-testid="deploy-button"
          data-environment={env.environment}
          disabled={busy}
          onClick={onDeploy}
        >
          Deploy main
        </button>
        <button
          type="button"
          className="button small"
          data-testid="rollback-button"
          data-environment={env.environment}
          disabled={busy || !canRollBack}
          onClick={onRollback}
        >
          Roll back
        </button>
      </div>
      {children}
      {env.history.length > 0 && (
        <table className="deployment-history">
          <tbody>
            {env.history.map((d) => (
              <DeploymentRow key={d.id} deployment={d} now={now} />
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function DeploymentRow({ deployment: d, now }: { deployment: Deployment; now: number }) {
  return (
    <>
      <tr
        data-testid="deployment-row"
        data-status={d.status}
        data-version={d.version}
        data-environment={d.environment}
      >
        <td className="mono">{short(d.version)}</td>
        <td>
          <span className={`pill status-${d.status}`}>{d.status.replace('_', ' ')}</span>
          {d.rolledBackFromId && <span className="muted"> (rollback)</span>}
        </td>
        <td className="muted">{formatRelativeTime(d.startedAt, now)}</td>
      </tr>
      {(d.error || d.findings.length > 0) && (
        <tr className="deployment-detail">
          <td colSpan={3}>
            {d.error && <div className="form-error">{d.error}</div>}
            {d.findings.map((f, i) => (
              <div key={i} className={`finding severity-${f.severity}`} data-testid="guardrail-finding">
                {f.severity}: {f.message}
                {f.location && <span className="mono muted"> {f.location}</span>}
              </div>
            ))}
          </td>
        </tr>
      )}
    </>
  );
}
