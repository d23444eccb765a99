import { useQuery } from '@tanstack/react-query';
import { Button } from '../../components/ui/Button';
import { EmptyState } from '../../components/ui/States';
import { teamsQuery } from '../../data/ipc-queries';
import { catalogListQuery } from '../catalog/public';
import { useMetricsView } from './store';

/** The services of the team drilled into (or through), from the cache: the breadcrumb and drill-down read them. */
function useTeamServices(teamId: string | null) {
  return useQuery({
    ...catalogListQuery({ teamIds: teamId ? [teamId] : [] }),
    enabled: teamId !== null,
  });
}

/**
 * Org → team → service: a breadcrumb to go back up. Names come from the cache (a shared link
 * carries ids only); an id not known here is shown as it is.
 */
export function ScopeBreadcrumb() {
  const { scope, lastTeamId, showOrg, showTeam } = useMetricsView();
  const teams = useQuery(teamsQuery());
  const services = useTeamServices(scope.kind === 'service' ? lastTeamId : null);
  const teamName = lastTeamId ? (teams.data?.find((t) => t.id === lastTeamId)?.name ?? lastTeamId) : null;
  const serviceName =
    scope.kind === 'service'
      ? (services.data?.rows.find((s) => s.id === scope.serviceId)?.name ?? scope.serviceId)
      : null;
  return (
    <nav aria-label="Metrics scope" className="metrics-breadcrumb" data-testid="metrics-scope">
      {scope.kind === 'org' ? (
        <span aria-current="page">Organization</span>
      ) : (
        <Button variant="ghost" size="small" onClick={showOrg}>
          Organization
        </Button>
      )}
      {teamName && lastTeamId && (
        <>
          <span aria-hidden="true"> › </span>
          {scope.kind === 'team' ? (
            <span aria-current="page">{teamName}</span>
          ) : (
            <Button variant="ghost" size="small" onClick={() => showTeam(lastTeamId)}>
              {teamName}
            </Button>
          )}
        </>
      )}
      {serviceName && (
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
  const services = useTeamServices(scope.kind === 'team' ? scope.teamId : null);
  if (scope.kind === 'service') return null;
  const items =
    scope.kind === 'org'
      ? (teams.data ?? []).map((t) => ({ id: t.id, name: t.name, open: () => showTeam(t.id) }))
      : (services.data?.rows ?? []).map((s) => ({ id: s.id, name: s.name, open: () => showService(s.id) }));
  return (
    <section className="metrics-section" aria-labelledby="metrics-drill" data-testid="metrics-drill-down">
      <h2 id="metrics-drill">{scope.kind === 'org' ? 'Teams' : 'Services of this team'}</h2>
      {items.length === 0 ? (
        <EmptyState title={scope.kind === 'org' ? 'No teams yet' : 'This team owns no services yet'} />
      ) : (
        <ul className="metrics-drill-list">
          {items.map((item) => (
            <li key={item.id}>
              <Button size="small" onClick={item.open} data-testid="metrics-drill-item">
                {item.name} →
              </Button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
