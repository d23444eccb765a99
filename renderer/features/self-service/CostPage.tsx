import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { QueryErrorNotice } from '../../components/QueryErrorNotice';
import { catalogRoutes } from '../catalog/public';
import { costQuery } from './data';
import './CostPage.css';

const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

/** Monthly cost per team, drilling down to services (resources + running processes). */
export function CostPage() {
  const cost = useQuery(costQuery());
  const [open, setOpen] = useState<string | null>(null);
  return (
    <div className="cost-page" data-testid="cost-page">
      <header className="page-header">
        <h1>Cost</h1>
      </header>
      <div className="page-scroll">
        <div className="cost-body">
          {cost.isError && (
            <QueryErrorNotice
              title="Could not load cost"
              error={cost.error}
              onRetry={() => void cost.refetch()}
            />
          )}
          {cost.isPending && <div className="muted">Loading…</div>}
          {cost.data && (
            <>
              <p className="muted">
                Monthly estimate: provisioned resources plus running processes at{' '}
                {Object.entries(cost.data.computeRatesUsd)
                  .map(([env, rate]) => `${usd.format(rate)} (${env})`)
                  .join(', ')}{' '}
                each. Total <strong>{usd.format(cost.data.totalUsd)}</strong>.
              </p>
              <table className="cost-table">
                <thead>
                  <tr>
                    <th>Team / service</th>
                    <th>Resources</th>
                    <th>Compute</th>
                    <th>Total</th>
                  </tr>
                </thead>
                <tbody>
                  {cost.data.teams.map((team) => (
                    <TeamRows
                      key={team.teamId}
                      team={team}
                      open={open === team.teamId}
                      onToggle={() => setOpen(open === team.teamId ? null : team.teamId)}
                    />
                  ))}
                </tbody>
              </table>
            </>
          )}
        </div>
      </div>
    </div>
  );
}

function TeamRows({
  team,
  open,
  onToggle,
}: {
  team: {
    teamId: string;
    teamName: string;
    totalUsd: number;
    services: {
      serviceId: string;
      serviceName: string;
      resourcesUsd: number;
      computeUsd: number;
      totalUsd: number;
    }[];
  };
  open: boolean;
  onToggle(): void;
}) {
  const resources = team.services.reduce((sum, s) => sum + s.resourcesUsd, 0);
  const compute = team.services.reduce((sum, s) => sum + s.computeUsd, 0);
  return (
    <>
      <tr className="cost-team" data-testid="cost-team" data-team-id={team.teamId}>
        <td>
          <button type="button" className="link-button" aria-expanded={open} onClick={onToggle}>
            {open ? '▾' : '▸'} {team.teamName}
          </button>
          <span className="muted"> · {team.services.length} services</span>
        </td>
        <td>{usd.format(resources)}</td>
        <td>{usd.format(compute)}</td>
        <td>
          <strong>{usd.format(team.totalUsd)}</strong>
        </td>
      </tr>
      {open &&
        team.services.map((service) => (
          <tr key={service.serviceId} className="cost-service" data-testid="cost-service">
            <td className="cost-service-name">
              <a href={catalogRoutes.service.href({ id: service.serviceId })}>{service.serviceName}</a>
            </td>
            <td>{usd.format(service.resourcesUsd)}</td>
            <td>{usd.format(service.computeUsd)}</td>
            <td>{usd.format(service.totalUsd)}</td>
          </tr>
        ))}
    </>
  );
}
