import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { QueryErrorNotice } from '../../components/QueryErrorNotice';
import { EmptyState, ErrorState } from '../../components/ui/States';
import { explainError } from '../../data/error-table';
import { catalogRoutes } from '../catalog/public';
import { operationRoutes } from './routes';
import { OperationProgress, OperationStatusBadge, operationKindLabel } from './OperationStatusBadge';
import { operationQuery } from './data';
import { useOperationLog } from './use-operation-log';
import './Operations.css';

/** One operation: status, progress and its live log (auto-scrolls while you are at the bottom). */
export function OperationDetailPage({ id }: { id: string }) {
  const operation = useQuery(operationQuery(id));
  const op = operation.data ?? null;
  const log = useOperationLog(id, Boolean(op && !op.local));
  const logRef = useRef<HTMLOListElement>(null);
  const stickToBottom = useRef(true);
  const eventCount = log.data?.events.length ?? 0;

  useEffect(() => {
    const el = logRef.current;
    if (el && stickToBottom.current) el.scrollTop = el.scrollHeight;
  }, [eventCount]);

  const back = (
    <a className="back-link" href={operationRoutes.operations.href()}>
      ← Operations
    </a>
  );
  if (operation.isError) {
    return (
      <div className="operation-detail">
        <header className="page-header">{back}</header>
        <QueryErrorNotice error={operation.error} onRetry={() => void operation.refetch()} />
      </div>
    );
  }
  if (!op) {
    return (
      <div className="operation-detail">
        <header className="page-header">{back}</header>
        {operation.isPending ? (
          <p className="muted op-empty">Loading…</p>
        ) : (
          <div className="op-detail-body">
            <EmptyState title="This operation is not here">
              If it was queued on this device it has been sent: find it in Operations.
            </EmptyState>
          </div>
        )}
      </div>
    );
  }
  return (
    <div className="operation-detail" data-testid="operation-detail" data-operation-id={op.id}>
      <header className="page-header">
        {back}
        <span className="muted">/</span>
        <h1>
          {operationKindLabel[op.kind] ?? op.kind}
          {typeof op.input.kind === 'string' ? ` ${op.input.kind}` : ''}
        </h1>
      </header>
      <div className="page-scroll op-detail-body">
        <dl className="op-facts">
          <dt>Status</dt>
          <dd data-testid="operation-status" data-status={op.status}>
            <OperationStatusBadge status={op.status} local={op.local} />
          </dd>
          <dt>Progress</dt>
          <dd>
            <OperationProgress value={op.progress} label="progress" /> {Math.round(op.progress * 100)}%
            {op.step && <span className="muted op-step">{op.step}</span>}
          </dd>
          <dt>Service</dt>
          <dd>
            {op.serviceId ? (
              <a href={catalogRoutes.service.href({ id: op.serviceId })}>{op.serviceName ?? op.serviceId}</a>
            ) : (
              '—'
            )}
            {op.environment && <span className="muted"> · {op.environment}</span>}
          </dd>
          <dt>Requested by</dt>
          <dd>{op.requestedByName ?? op.requestedBy}</dd>
          <dt>Requested</dt>
          <dd>{new Date(op.createdAt).toLocaleString()}</dd>
          {op.idempotencyKey && (
            <>
              <dt>Idempotency key</dt>
              <dd className="mono">{op.idempotencyKey}</dd>
            </>
          )}
        </dl>
        {op.error && (
          // The platform's message says what exactly; the table says what kind of problem and what next.
          <ErrorState title={explainError(op.error.code).sentence} testId="operation-error">
            {op.error.message} {explainError(op.error.code).next}
          </ErrorState>
        )}
        <h2 className="op-log-title">Log</h2>
        {op.local ? (
          <p className="muted">The log starts once the platform has accepted this operation.</p>
        ) : (
          <ol
            className="op-log"
            data-testid="operation-log"
            ref={logRef}
            tabIndex={0}
            aria-label="Operation log"
            aria-live="polite"
            onScroll={(e) => {
              const el = e.currentTarget;
              stickToBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < 24;
            }}
          >
            {log.isError && (
              <li className="op-log-error">Could not load the log: {String(log.error.message)}</li>
            )}
            {log.data?.events.map((event) => (
              <li key={event.seq} className={`op-log-line op-log-${event.level}`}>
                <time className="muted">{new Date(event.at).toLocaleTimeString()}</time>
                <span>{event.message}</span>
              </li>
            ))}
            {log.data && !log.data.complete && <li className="muted op-log-waiting">waiting for more…</li>}
          </ol>
        )}
      </div>
    </div>
  );
}
