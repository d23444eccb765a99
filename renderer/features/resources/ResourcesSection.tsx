import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { ResourceView } from '../../../shared/features/resources/ipc';
import { QueryErrorNotice } from '../../components/QueryErrorNotice';
import { errorMessage, unwrap } from '../../data/ipc-error';
import { pave } from '../../data/pave';
import { OperationProgress, OperationStatusBadge, operationRoutes } from '../operations/public';
import { ProvisionDialog } from './ProvisionDialog';
import { resourceRequestsQuery, resourcesQuery } from './data';
import '../../components/section-form.css';
import './Resources.css';

/** The service page's databases, caches and queues: provision, watch, deprovision. */
export function ResourcesSection({ serviceId, serviceName }: { serviceId: string; serviceName: string }) {
  const resources = useQuery(resourcesQuery(serviceId));
  const requests = useQuery(resourceRequestsQuery());
  const [open, setOpen] = useState(false);
  // Outbox summaries name the service ("… for orders-api in …"): show only this service's.
  const mine = (requests.data ?? []).filter((r) => r.summary.includes(` ${serviceName} `));

  return (
    <section className="service-section resources-section" aria-labelledby="resources-title">
      <div className="section-heading">
        <h2 id="resources-title">Resources</h2>
        {!open && (
          <button
            type="button"
            className="button small"
            data-testid="provision-resource"
            onClick={() => setOpen(true)}
          >
            Provision…
          </button>
        )}
      </div>
      {open && <ProvisionDialog serviceId={serviceId} onClose={() => setOpen(false)} />}
      {mine.map((request) => (
        <RefusedRequest key={request.mutationId} request={request} />
      ))}
      {resources.isError && (
        <QueryErrorNotice
          title="Could not load resources"
          error={resources.error}
          onRetry={() => void resources.refetch()}
        />
      )}
      {resources.data?.length === 0 && <p className="muted">No databases, caches or queues yet.</p>}
      {resources.data && resources.data.length > 0 && (
        <ul className="resource-list">
          {resources.data.map((resource) => (
            <ResourceRow key={resource.id} resource={resource} />
          ))}
        </ul>
      )}
    </section>
  );
}

function RefusedRequest({
  request,
}: {
  request: {
    mutationId: number;
    summary: string;
    status: string;
    reason: { code: string; message: string } | null;
  };
}) {
  const act = useMutation({
    mutationFn: async (action: 'outbox:confirm' | 'outbox:discard') =>
      unwrap(await pave().invoke(action, { mutationId: request.mutationId })),
  });
  const expired = request.status === 'needs_confirmation';
  return (
    <div className="query-error resource-refused" role="alert" data-testid="resource-request-refused">
      <div className="query-error-title">
        {expired ? 'Waiting for your confirmation' : 'Refused by the platform'}: {request.summary}
      </div>
      {request.reason && <div className="query-error-message">{request.reason.message}</div>}
      <div className="provision-actions">
        {expired && (
          <button type="button" className="button small primary" onClick={() => act.mutate('outbox:confirm')}>
            Send it anyway
          </button>
        )}
        <button type="button" className="button small" onClick={() => act.mutate('outbox:discard')}>
          {expired ? 'Discard' : 'Dismiss'}
        </button>
      </div>
    </div>
  );
}

function ResourceRow({ resource }: { resource: ResourceView }) {
  const [confirming, setConfirming] = useState(false);
  const deprovision = useMutation({
    mutationFn: async () => unwrap(await pave().invoke('resources:deprovision', { resourceId: resource.id })),
    onSuccess: () => setConfirming(false),
  });
  const busy = resource.status === 'provisioning' || resource.status === 'deprovisioning';
  const connection = Object.entries(resource.connection);
  return (
    <li
      className="resource-row"
      data-testid="resource-row"
      data-kind={resource.kind}
      data-status={resource.status}
      data-resource-id={resource.id}
    >
      <div className="resource-main">
        <strong>{resource.kind}</strong>
        <span className="pill">{resource.size}</span>
        <span className="muted">{resource.environment}</span>
        <span className={`resource-status resource-status-${resource.status}`}>
          {resource.local ? 'queued locally' : resource.status}
        </span>
        <span className="muted">${resource.monthlyCostUsd}/month</span>
      </div>
      {busy && resource.operation && (
        <div className="resource-operation">
          <OperationStatusBadge status={resource.operation.status} local={resource.local} />
          <OperationProgress value={resource.operation.progress} label={`${resource.kind} progress`} />
          {resource.operation.step && <span className="muted">{resource.operation.step}</span>}
          {!resource.local && <a href={operationRoutes.operation.href({ id: resource.operation.id })}>Log</a>}
        </div>
      )}
      {resource.status === 'failed' && resource.operation && (
        <div className="resource-operation">
          <a href={operationRoutes.operation.href({ id: resource.operation.id })}>See why it failed</a>
        </div>
      )}
      {connection.length > 0 && (
        <div className="resource-connection muted mono">
          {connection.map(([k, v]) => `${k}=${v}`).join('  ')}
        </div>
      )}
      {resource.status === 'ready' && (
        <div className="muted resource-secrets">
          Credentials in secrets: {resource.secretNames.join(', ')}
        </div>
      )}
      {(resource.status === 'ready' || resource.status === 'failed') && !resource.local && (
        <div className="provision-actions">
          {confirming ? (
            <>
              <span>Deprovision this {resource.kind}? Its data and credentials are deleted.</span>
              <button
                type="button"
                className="button small danger"
                data-testid="deprovision-confirm"
                disabled={deprovision.isPending}
                onClick={() => deprovision.mutate()}
              >
                Deprovision
              </button>
              <button type="button" className="button small" onClick={() => setConfirming(false)}>
                Cancel
              </button>
            </>
          ) : (
            <button
              type="button"
              className="button small"
              data-testid="deprovision-resource"
              onClick={() => setConfirming(true)}
            >
              Deprovision…
            </button>
          )}
        </div>
      )}
      {deprovision.isError && (
        <p className="form-error" role="alert">
          {errorMessage(deprovision.error).message}
        </p>
      )}
    </li>
  );
}
