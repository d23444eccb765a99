import { useQuery } from '@tanstack/react-query';
import {
  OperationProgress,
  OperationStatusBadge,
  operationQuery,
  operationRoutes,
  useOperationLog,
} from '../operations/public';

/** The applied import is an operation: its status, progress and log, live, like any job's. */
export function ImportProgress({ operationId }: { operationId: string }) {
  const operation = useQuery(operationQuery(operationId)).data;
  const log = useOperationLog(operationId, true);
  return (
    <section className="backstage-progress" data-testid="backstage-progress" aria-label="Import progress">
      <p>
        Import{' '}
        {operation ? (
          <span data-testid="backstage-import-status" data-status={operation.status}>
            <OperationStatusBadge status={operation.status} />
          </span>
        ) : (
          'queued'
        )}{' '}
        <a href={operationRoutes.operation.href({ id: operationId })}>Operation log</a>
      </p>
      {operation && <OperationProgress value={operation.progress} label="Import progress" />}
      {operation?.error && <p className="ui-form-error">{operation.error.message}</p>}
      <ul className="backstage-log" data-testid="backstage-import-log">
        {(log.data?.events ?? [])
          .filter((event) => event.type === 'log')
          .map((event) => (
            <li key={event.seq} className={`backstage-log-${event.level}`}>
              {event.message}
            </li>
          ))}
      </ul>
    </section>
  );
}
