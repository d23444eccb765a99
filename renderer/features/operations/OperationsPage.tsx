import { useInfiniteQuery } from '@tanstack/react-query';
import { OperationKind, OperationStatus } from '../../../shared/features/operations/api';
import { formatRelativeTime } from '../../components/relative-time';
import { Button } from '../../components/ui/Button';
import { SelectInput, type SelectOption } from '../../components/ui/SelectField';
import { EmptyState, ErrorState } from '../../components/ui/States';
import { Table, Td, Th } from '../../components/ui/Table';
import { useNow } from '../../components/use-now';
import { errorMessage } from '../../data/ipc-error';
import { useUrlState } from '../../router/url-state';
import { catalogRoutes } from '../catalog/public';
import { operationsPagesQuery } from './data';
import { OperationProgress, OperationStatusBadge, operationKindLabel } from './OperationStatusBadge';
import { operationRoutes } from './routes';
import { hasOperationsFilters, operationsQuery, useOperationsStore, type OperationsFilters } from './store';
import { operationsUrlCodec } from './url-state';
import './Operations.css';

const STATUS_OPTIONS: SelectOption<OperationsFilters['status']>[] = [
  { value: '', label: 'Any status' },
  ...OperationStatus.options.map((status) => ({ value: status, label: status })),
];
const KIND_OPTIONS: SelectOption<OperationsFilters['kind']>[] = [
  { value: '', label: 'Any operation' },
  ...OperationKind.options.map((kind) => ({ value: kind, label: operationKindLabel[kind] ?? kind })),
];
const SORT_OPTIONS = [
  { value: 'desc', label: 'Newest first' },
  { value: 'asc', label: 'Oldest first' },
] as const;

const count = (n: number) => n.toLocaleString('en-US');

/**
 * Every operation, newest first, live: rows re-read whenever the synced operations change. The list
 * comes 50 rows at a time ("Show more"), filtered and sorted in the backend along an index.
 */
export function OperationsPage() {
  // The view (filters, sort) lives in the URL too: shareable, restored on reload.
  useUrlState(useOperationsStore, operationsUrlCodec, operationRoutes.operations.href());
  const filters = useOperationsStore((s) => s.filters);
  const setFilters = useOperationsStore((s) => s.setFilters);
  const clearFilters = useOperationsStore((s) => s.clearFilters);
  const pages = useInfiniteQuery(operationsPagesQuery(operationsQuery(filters)));
  const now = useNow(30_000);
  const rows = pages.data?.pages.flatMap((page) => page.rows) ?? [];
  const first = pages.data?.pages[0];

  return (
    <div className="operations-page" data-testid="operations-page">
      <header className="page-header">
        <h1>Operations</h1>
        <span className="muted">Deploys, rollbacks and provisioning run as jobs on the platform.</span>
      </header>
      <div className="op-filters" role="group" aria-label="Filter and sort operations">
        <SelectInput
          aria-label="Status"
          data-testid="operations-filter-status"
          options={STATUS_OPTIONS}
          value={filters.status}
          onChange={(status) => setFilters({ status })}
        />
        <SelectInput
          aria-label="Operation"
          data-testid="operations-filter-kind"
          options={KIND_OPTIONS}
          value={filters.kind}
          onChange={(kind) => setFilters({ kind })}
        />
        <SelectInput<'asc' | 'desc'>
          aria-label="Sort"
          data-testid="operations-sort"
          options={SORT_OPTIONS}
          value={filters.sort.direction}
          onChange={(direction) => {
            if (direction) setFilters({ sort: { column: 'created', direction } });
          }}
        />
        {hasOperationsFilters(filters) && (
          <Button variant="ghost" onClick={clearFilters}>
            Clear filters
          </Button>
        )}
        <span className="muted op-count" data-testid="operations-count">
          {first
            ? hasOperationsFilters(filters)
              ? `${count(first.total)} of ${count(first.totalAll)}`
              : `${count(first.totalAll)} operations`
            : ''}
        </span>
      </div>
      <div className="page-scroll op-body">
        {pages.isPending && <p className="muted op-empty">Loading…</p>}
        {pages.isError && (
          <ErrorState
            title="Could not load operations"
            action={<Button onClick={() => void pages.refetch()}>Try again</Button>}
          >
            {errorMessage(pages.error).message}
          </ErrorState>
        )}
        {first && first.total === 0 && (
          <EmptyState
            title={hasOperationsFilters(filters) ? 'No operations match these filters' : 'No operations yet'}
            action={
              hasOperationsFilters(filters) ? (
                <Button onClick={clearFilters}>Clear filters</Button>
              ) : undefined
            }
          >
            {hasOperationsFilters(filters)
              ? 'Another status or kind may have some.'
              : 'Provision a resource or deploy from a service page; each runs as an operation listed here.'}
          </EmptyState>
        )}
        {rows.length > 0 && (
          <Table label="Operations" className="op-table">
            <thead>
              <tr>
                <Th>Status</Th>
                <Th>Operation</Th>
                <Th>Service</Th>
                <Th>Progress</Th>
                <Th>Requested by</Th>
                <Th>When</Th>
              </tr>
            </thead>
            <tbody>
              {rows.map((op) => (
                <tr
                  key={op.id}
                  data-testid="operation-row"
                  data-kind={op.kind}
                  data-status={op.status}
                  data-operation-id={op.id}
                >
                  <Td>
                    <OperationStatusBadge status={op.status} local={op.local} />
                  </Td>
                  <Td>
                    <a href={operationRoutes.operation.href({ id: op.id })}>
                      {operationKindLabel[op.kind] ?? op.kind}
                      {typeof op.input.kind === 'string' ? ` ${op.input.kind}` : ''}
                    </a>
                    {op.environment && <span className="muted"> · {op.environment}</span>}
                  </Td>
                  <Td>
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
                  </Td>
                  <Td className="op-progress-cell">
                    <OperationProgress value={op.progress} label={`${op.kind} progress`} />
                    {op.step && op.status === 'running' && <span className="muted op-step">{op.step}</span>}
                  </Td>
                  <Td>{op.requestedByName ?? op.requestedBy}</Td>
                  <Td title={new Date(op.createdAt).toLocaleString()} className="op-when">
                    {formatRelativeTime(op.createdAt, now)}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
        {first && rows.length > 0 && (
          <div className="op-more">
            <span className="muted" data-testid="operations-shown">
              Showing {count(rows.length)} of {count(first.total)}
            </span>
            {pages.hasNextPage && (
              <Button
                data-testid="operations-more"
                disabled={pages.isFetchingNextPage}
                onClick={() => void pages.fetchNextPage()}
              >
                {pages.isFetchingNextPage ? 'Loading…' : 'Show 50 more'}
              </Button>
            )}
          </div>
        )}
      </div>
    </div>
  );
}
