import { useQuery } from '@tanstack/react-query';
import { create } from 'zustand';
import { formatRelativeTime } from '../../components/relative-time';
import { Badge } from '../../components/ui/Badge';
import { Button } from '../../components/ui/Button';
import { SelectInput } from '../../components/ui/SelectField';
import { EmptyState, ErrorState } from '../../components/ui/States';
import { Table, Td, Th } from '../../components/ui/Table';
import { useNow } from '../../components/use-now';
import { errorMessage } from '../../data/ipc-error';
import { useUrlState, type UrlCodec } from '../../router/url-state';
import { catalogRoutes } from '../catalog/public';
import { incidentsQuery } from './data';
import { formatDuration } from './duration';
import { selfServiceRoutes } from './routes';
import './IncidentsPage.css';

type StatusFilter = '' | 'open' | 'resolved';
type IncidentsView = { status: StatusFilter };

/** The incidents list's view (UI state; the rows live in react-query). */
export const useIncidentsStore = create<IncidentsView>(() => ({ status: '' }));

/** `#/incidents?status=open`: the filter in the URL, so the view is shared and restored on reload. */
export const incidentsUrlCodec: UrlCodec<IncidentsView> = {
  toParams: ({ status }) => new URLSearchParams(status ? { status } : {}),
  fromParams(params) {
    const status = params.get('status');
    return status === 'open' || status === 'resolved' ? { status } : {};
  },
};

const STATUS_OPTIONS = [
  { value: '', label: 'Open and resolved' },
  { value: 'open', label: 'Open' },
  { value: 'resolved', label: 'Resolved' },
] as const;

/** Incidents opened by alert rules; open ones first. Time to resolve is what MTTR is made of. */
export function IncidentsPage() {
  useUrlState(useIncidentsStore, incidentsUrlCodec, selfServiceRoutes.incidents.href());
  const status = useIncidentsStore((s) => s.status);
  const incidents = useQuery(incidentsQuery());
  const now = useNow(30_000);
  const shown = (incidents.data ?? []).filter((incident) => !status || incident.status === status);
  return (
    <div className="incidents-page" data-testid="incidents-page">
      <header className="page-header">
        <h1>Incidents</h1>
        <SelectInput<StatusFilter>
          aria-label="Status"
          data-testid="incidents-filter-status"
          options={STATUS_OPTIONS}
          value={status}
          onChange={(next) => useIncidentsStore.setState({ status: next })}
        />
      </header>
      <div className="page-scroll">
        <div className="incidents-body">
          {incidents.isError && (
            <ErrorState
              title="Could not load incidents"
              action={<Button onClick={() => void incidents.refetch()}>Try again</Button>}
            >
              {errorMessage(incidents.error).message}
            </ErrorState>
          )}
          {incidents.isPending && <p className="muted">Loading…</p>}
          {incidents.data && shown.length === 0 && (
            <EmptyState title={status ? `No ${status} incidents` : 'No incidents'}>
              Alert rules open one when an environment stays unhealthy.
            </EmptyState>
          )}
          {shown.length > 0 && (
            <Table label="Incidents">
              <thead>
                <tr>
                  <Th>Status</Th>
                  <Th>Service</Th>
                  <Th>Environment</Th>
                  <Th>What</Th>
                  <Th>Opened</Th>
                  <Th numeric>Time to resolve</Th>
                </tr>
              </thead>
              <tbody>
                {shown.map((incident) => (
                  <tr key={incident.id} data-testid="incident-row" data-status={incident.status}>
                    <Td>
                      <Badge tone={incident.status === 'open' ? 'danger' : 'ok'}>{incident.status}</Badge>
                    </Td>
                    <Td>
                      <a href={catalogRoutes.service.href({ id: incident.serviceId })}>
                        {incident.serviceName ?? incident.serviceId}
                      </a>
                    </Td>
                    <Td>{incident.environment}</Td>
                    <Td>{incident.title}</Td>
                    <Td className="muted incidents-when" title={new Date(incident.openedAt).toLocaleString()}>
                      {formatRelativeTime(incident.openedAt, now)}
                    </Td>
                    <Td numeric className="muted">
                      {formatDuration(
                        (incident.resolvedAt ? Date.parse(incident.resolvedAt) : now) -
                          Date.parse(incident.openedAt),
                      )}
                      {!incident.resolvedAt && ' so far'}
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
        </div>
      </div>
    </div>
  );
}
