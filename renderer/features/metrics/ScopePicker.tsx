import { useQuery } from '@tanstack/react-query';
import { teamsQuery } from '../../data/ipc-queries';
import { catalogListQuery } from '../catalog/public';
import { useMetricsView } from './store';

/**
 * Org → team → service: a breadcrumb to go back up, and a list of the level below to drill down
 * into (a button per team or service, so the keyboard reaches every one).
 */
export function ScopeBreadcrumb() {
  const { scope, teamName, serviceName, lastTeamId, showOrg, showTeam } = useMetricsView();
  return (
    <nav aria-label="Metrics scope" className="metrics-breadcrumb" data-testid="metrics-scope">
      {scope.kind === 'org' ? (
        <span aria-current="page">Organization</span>
      ) : (
        <button type="button" className="metrics-crumb" onClick={showOrg}>
          Organization
        </button>
      )}
      {teamName && (
        <>
          <span aria-hidden="true"> › </span>
          {scope.kind === 'team' ? (
            <span aria-current="page">{teamName}</span>
          ) : (
            lastTeamId && (
              <button type="button" className="metrics-crumb" onClick={() => showTeam(lastTeamId, teamName)}>
                {teamName}
              </button>
            )
          )}
        </>
      )}
      {scope.kind === 'service' && serviceName && (
        <>
          <span aria-hidden="true"> › </span>
          <span aria-current="page">{serviceName}</span>
        </>
      )}
    </nav>
  );
}

/** The level below the current scope: teams under the org, a team's services. */
export function DrillDown() {
  const { scope, showTeam, showService } = useMetricsView();
  const teams = useQuery({ ...teamsQuery(), enabled: scope.kind === 'org' });
  const services = useQuery({
    ...catalogListQuery({ teamIds: scope.kind === 'team' ? [scope.teamId] : [] }),
    enabled: scope.kind === 'team',
  });
  if (scope.kind === 'service') return null;
  const items =
    scope.kind === 'org'
      ? (teams.data ?? []).map((t) => ({ id: t.id, name: t.name, open: () => showTeam(t.id, t.name) }))
      : (services.data?.rows ?? []).map((s) => ({
          id: s.id,
          name: s.name,
          open: () => showService(s.id, s.name),
        }));
  return (
    <section className="metrics-section" aria-labelledby="metrics-drill" data-testid="metrics-drill-down">
      <h2 id="metrics-drill">{scope.kind === 'org' ? 'Teams' : 'Services of this team'}</h2>
      {items.length === 0 ? (
        <p className="metrics-hint">
          {scope.kind === 'org' ? 'No teams yet.' : 'This team owns no services yet.'}
        </p>
      ) : (
        <ul className="metrics-drill-list">
          {items.map((item) => (
            <li key={item.id}>
              <button
                type="button"
                className="button small"
                onClick={item.open}
                data-testid="metrics-drill-item"
              >
                {item.name} →
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
