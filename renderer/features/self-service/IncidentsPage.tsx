import { useQuery } from '@tanstack/react-query';
import { QueryErrorNotice } from '../../components/QueryErrorNotice';
import { catalogRoutes } from '../catalog/public';
import { incidentsQuery } from './data';
import { formatRelativeTime } from '../../components/relative-time';
import { useNow } from '../../components/use-now';
import { formatDuration } from './duration';
import './IncidentsPage.css';

/** Incidents opened by alert rules; open ones first. Time to resolve is what MTTR is made of. */
export function IncidentsPage() {
  const incidents = useQuery(incidentsQuery());
  const now = useNow(30_000);
  return (
    <div className="incidents-page" data-testid="incidents-page">
      <header className="page-header">
        <h1>Incidents</h1>
      </header>
      <div className="page-scroll">
        <div className="incidents-body">
          {incidents.isError && (
            <QueryErrorNotice error={incidents.error} onRetry={() => void incidents.refetch()} />
          )}
          {incidents.data?.length === 0 && (
            <p className="muted">No incidents. Alert rules open one when an environment stays unhealthy.</p>
          )}
          {incidents.data && incidents.data.length > 0 && (
            <table className="incidents-table">
              <thead>
                <tr>
                  <th>Status</th>
                  <th>Service</th>
                  <th>Environment</th>
                  <th>What</th>
                  <th>Opened</th>
                  <th>Time to resolve</th>
                </tr>
              </thead>
              <tbody>
                {incidents.data.map((incident) => (
                  <tr key={incident.id} data-testid="incident-row" data-status={incident.status}>
                    <td>
                      <span className={`pill incident-${incident.status}`}>{incident.status}</span>
                    </td>
                    <td>
                      <a href={catalogRoutes.service.href({ id: incident.serviceId })}>
                        {incident.serviceName ?? incident.serviceId}
                      </a>
                    </td>
                    <td>{incident.environment}</td>
                    <td>{incident.title}</td>
                    <td className="muted">{formatRelativeTime(incident.openedAt, now)}</td>
                    <td className="muted">
                      {formatDuration(
                        (incident.resolvedAt ? Date.parse(incident.resolvedAt) : now) -
                          Date.parse(incident.openedAt),
                      )}
                      {!incident.resolvedAt && ' so far'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      </div>
    </div>
  );
}
