import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { ResourceView } from '../../../shared/features/resources/ipc';
import { QueryErrorNotice } from '../../components/QueryErrorNotice';
import { Badge, type Tone } from '../../components/ui/Badge';
import { Button } from '../../components/ui/Button';
import { ConfirmDialog } from '../../components/ui/Dialog';
import { FormError } from '../../components/ui/Field';
import { EmptyState } from '../../components/ui/States';
import { Table, Td, Th } from '../../components/ui/Table';
import { errorMessage, unwrap } from '../../data/ipc-error';
import { pave } from '../../data/pave';
import { OperationProgress, OperationStatusBadge, operationRoutes } from '../operations/public';
import { ProvisionDialog } from './ProvisionDialog';
import { resourceRequestsQuery, resourcesQuery } from './data';
import '../../components/section-form.css';
import './Resources.css';

const statusTone: Record<ResourceView['status'], Tone> = {
  provisioning: 'warn',
  deprovisioning: 'warn',
  ready: 'ok',
  failed: 'danger',
  deleted: 'neutral',
};

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
        <Button size="small" data-testid="provision-resource" onClick={() => setOpen(true)}>
          Provision…
        </Button>
      </div>
      <ProvisionDialog serviceId={serviceId} open={open} onOpenChange={setOpen} />
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
      {resources.isPending && <p className="muted">Loading resources…</p>}
      {resources.data?.length === 0 && (
        <EmptyState title="No databases, caches or queues yet">
          Provision one; its credentials are added to this service&apos;s secrets.
        </EmptyState>
      )}
      {resources.data && resources.data.length > 0 && (
        <Table label="Resources" className="resource-table">
          <thead>
            <tr>
              <Th>Kind</Th>
              <Th>Environment</Th>
              <Th>Status</Th>
              <Th numeric>Per month</Th>
              <Th>Connection</Th>
              <Th>
                <span className="visually-hidden">Actions</span>
              </Th>
            </tr>
          </thead>
          <tbody>
            {resources.data.map((resource) => (
              <ResourceRow key={resource.id} resource={resource} />
            ))}
          </tbody>
        </Table>
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
      <div className="section-form-actions">
        {expired && (
          <Button size="small" variant="primary" onClick={() => act.mutate('outbox:confirm')}>
            Send it anyway
          </Button>
        )}
        <Button size="small" onClick={() => act.mutate('outbox:discard')}>
          {expired ? 'Discard' : 'Dismiss'}
        </Button>
      </div>
    </div>
  );
}

function ResourceRow({ resource }: { resource: ResourceView }) {
  const [confirming, setConfirming] = useState(false);
  const deprovision = useMutation({
    mutationFn: async () => unwrap(await pave().invoke('resources:deprovision', { resourceId: resource.id })),
  });
  const busy = resource.status === 'provisioning' || resource.status === 'deprovisioning';
  const connection = Object.entries(resource.connection);
  const canDeprovision = (resource.status === 'ready' || resource.status === 'failed') && !resource.local;
  return (
    <tr
      data-testid="resource-row"
      data-kind={resource.kind}
      data-status={resource.status}
      data-resource-id={resource.id}
    >
      <Td>
        <strong>{resource.kind}</strong> <span className="muted">{resource.size}</span>
      </Td>
      <Td>{resource.environment}</Td>
      <Td>
        <div className="resource-status">
          <Badge tone={resource.local ? 'neutral' : statusTone[resource.status]}>
            {resource.local ? 'queued locally' : resource.status}
          </Badge>
          {busy && resource.operation && (
            <>
              <OperationStatusBadge status={resource.operation.status} local={resource.local} />
              <OperationProgress value={resource.operation.progress} label={`${resource.kind} progress`} />
              {resource.operation.step && <span className="muted">{resource.operation.step}</span>}
              {!resource.local && (
                <a href={operationRoutes.operation.href({ id: resource.operation.id })}>Log</a>
              )}
            </>
          )}
          {resource.status === 'failed' && resource.operation && (
            <a href={operationRoutes.operation.href({ id: resource.operation.id })}>See why it failed</a>
          )}
        </div>
      </Td>
      <Td numeric>${resource.monthlyCostUsd}</Td>
      <Td>
        {connection.length > 0 && (
          <div className="resource-connection mono">{connection.map(([k, v]) => `${k}=${v}`).join('  ')}</div>
        )}
        {resource.status === 'ready' && (
          <div className="muted resource-secrets">
            Credentials in secrets: {resource.secretNames.join(', ')}
          </div>
        )}
        <FormError>{deprovision.isError ? errorMessage(deprovision.error).message : null}</FormError>
      </Td>
      <Td>
        {canDeprovision && (
          <Button
            size="small"
            variant="danger"
            data-testid="deprovision-resource"
            disabled={deprovision.isPending}
            onClick={() => setConfirming(true)}
          >
            Deprovision…
          </Button>
        )}
        <ConfirmDialog
          open={confirming}
          onOpenChange={setConfirming}
          title={`Deprovision this ${resource.kind}?`}
          description={`Its data and credentials in ${resource.environment} are deleted. This cannot be undone.`}
          confirmLabel="Deprovision"
          onConfirm={() => deprovision.mutate()}
        />
      </Td>
    </tr>
  );
}
