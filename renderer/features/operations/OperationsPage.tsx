import { useQuery } from '@tanstack/react-query';
import { QueryErrorNotice } from '../../components/QueryErrorNotice';
import { catalogRoutes } from '../catalog/public';
import { operationRoutes } from './routes';
import { formatRelativeTime } from '../../components/relative-time';
import { useNow } from '../../components/use-now';
import { OperationProgress, OperationStatusBadge, operationKindLabel } from './OperationStatusBadge';
import { operationsListQuery } from './data';
import './Operations.css';

/** Every operation, newest first, live: rows re-read whenever the synced operations change. */
export function OperationsPage() {
  const operations = useQuery(operationsListQuery(null));
  const now = useNow(30_000);
  return (
    <div className="operations-page" data-testid="operations-page">
      <header className="page-header">
        <h1>Operations</h1>
        <span className="muted">Deploys, rollbacks and provisioning run as jobs on the platform.</span>
      </header>
      <div className="page-scroll">
        {operations.isPending && <div className="muted op-empty">Loading…</div>}
        {operations.isError && (
          <QueryErrorNotice
            title="Could not load operations"
            error={operations.error}
            onRetry={() => void operations.refetch()}
          />
        )}
        {operations.data?.length === 0 && (
          <p className="muted op-empty">
            No operations yet. Provision a resource or deploy from a service page.
          </p>
        )}
        {operations.data && operations.data.length > 0 && (
          <table className="op-table">
            <thead>
              <tr>
                <th scope="col">Status</th>
                <th scope="col">Operation</th>
                <th scope="col">Service</th>
                <th scope="col">Progress</th>
                <th scope="col">Requested by</th>
                <th scope="col">When</th>
              </tr>
            </thead>
            <tbody>
              {operations.data.map((op) => (
                <tr
                  key={op.id}
                  data-testid="operation-row"
                  data-kind={op.kind}
                  data-status={op.status}
                  data-operation-id={op.id}
                >
                  <td>
                    <OperationStatusBadge status={op.status} local={op.local} />
                  </td>
                  <td>
                    <a href={operationRoutes.operation.href({ id: op.id })}>
                      {operationKindLabel[op.kind] ?? op.kind}
                      {typeof op.input.kind === 'string' ? ` ${op.input.kind}` : ''}
                    </a>
                    {op.environment && <span className="muted"> · {op.environment}</span>}
                  </td>
                  <td>
                    {op.serviceId ? (
                      <a href={catalogRoutes.service.href({ id: op.serviceId })}>
                        {op.serviceName ?? op.serviceId}
                      </a>
                    ) : typeof op.input.name === 'string' ? (
                      // Being created: no page to open yet.
                      <span data-testid="operation-service-pending">{op.input.name}</span>
                    ) : (
                      <span className="muted">—</span>
                    )}
                  </td>
                  <td className="op-progress-cell">
                    <OperationProgress value={op.progress} label={`${op.kind} progress`} />
                    {op.step && op.status === 'running' && <span className="muted op-step">{op.step}</span>}
                  </td>
                  <td>{op.requestedByName ?? op.requestedBy}</td>
                  <td title={new Date(op.createdAt).toLocaleString()}>
                    {formatRelativeTime(op.createdAt, now)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </div>
  );
}
