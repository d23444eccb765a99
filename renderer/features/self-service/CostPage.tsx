import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from '../../components/ui/Button';
import { EmptyState, ErrorState } from '../../components/ui/States';
import { Table, Td, Th } from '../../components/ui/Table';
import { errorMessage } from '../../data/ipc-error';
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
            <ErrorState
              title="Could not load cost"
              action={<Button onClick={() => void cost.refetch()}>Try again</Button>}
            >
              {errorMessage(cost.error).message}
            </ErrorState>
          )}
          {cost.isPending && <div className="muted">Loading…</div>}
          {cost.data && cost.data.teams.length === 0 && (
            <EmptyState title="No cost yet">
              Cost appears once a team has a service with provisioned resources or running processes.
            </EmptyState>
          )}
          {cost.data && cost.data.teams.length > 0 && (
            <>
              <p className="muted">
                Monthly estimate: provisioned resources plus running processes at{' '}
                {Object.entries(cost.data.computeRatesUsd)
                  .map(([env, rate]) => `${usd.format(rate)} (${env})`)
                  .join(', ')}{' '}
                each. Total <strong>{usd.format(cost.data.totalUsd)}</strong>.
              </p>
              <Table label="Monthly cost per team and service">
                <thead>
                  <tr>
                    <Th>Team / service</Th>
                    <Th numeric>Resources</Th>
                    <Th numeric>Compute</Th>
                    <Th numeric>Total</Th>
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
              </Table>
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
        <Td>
          <span className="cost-team-name">
            <Button variant="ghost" size="small" aria-expanded={open} onClick={onToggle}>
              <span aria-hidden="true">{open ? '▾' : '▸'}</span> {team.teamName}
            </Button>
            <span className="muted">· {team.services.length} services</span>
          </span>
        </Td>
        <Td numeric>{usd.format(resources)}</Td>
        <Td numeric>{usd.format(compute)}</Td>
        <Td numeric>
          <strong>{usd.format(team.totalUsd)}</strong>
        </Td>
      </tr>
      {open &&
        team.services.map((service) => (
          <tr key={service.serviceId} className="cost-service" data-testid="cost-service">
            <Td className="cost-service-name">
              <a href={catalogRoutes.service.href({ id: service.serviceId })}>{service.serviceName}</a>
            </Td>
            <Td numeric>{usd.format(service.resourcesUsd)}</Td>
            <Td numeric>{usd.format(service.computeUsd)}</Td>
            <Td numeric>{usd.format(service.totalUsd)}</Td>
          </tr>
        ))}
    </>
  );
}
