import type { Pool } from 'pg';
import type { EnvironmentName } from '../../../../shared/features/catalog/api';
import type { CostReport } from '../../../../shared/features/self-service/api';

/**
 * Monthly compute price of one running process, by environment. A local runtime has no bill, so
 * these are the platform team's internal rates (what a small container costs them), shown with
 * the report so nobody mistakes them for measured spend.
 */
export const COMPUTE_RATES_USD: Record<EnvironmentName, number> = {
  development: 5,
  staging: 15,
  production: 40,
};

const round = (usd: number) => Math.round(usd * 100) / 100;

/** Cost per service (resources + live processes) and per team. */
export async function costReport(pool: Pool): Promise<CostReport> {
  const { rows } = await pool.query<{
    service_id: string;
    service_name: string;
    team_id: string;
    team_name: string;
    resources_usd: string;
    live: Record<string, number> | null;
  }>(
    `SELECT s.id AS service_id, s.name AS service_name, t.id AS team_id, t.name AS team_name,
            COALESCE((SELECT sum(r.monthly_cost_usd) FROM resources r
                       WHERE r.service_id = s.id AND r.status IN ('provisioning', 'ready')), 0) AS resources_usd,
            (SELECT jsonb_object_agg(environment, n) FROM
               (SELECT environment, count(*)::int AS n FROM deployments d
                 WHERE d.service_id = s.id AND d.status = 'live' GROUP BY environment) AS per_env) AS live
       FROM services s JOIN teams t ON t.id = s.owner_team_id
      ORDER BY t.name, s.name`,
  );
  const teams = new Map<string, CostReport['teams'][number]>();
  for (const row of rows) {
    const computeUsd = Object.entries(row.live ?? {}).reduce(
      (sum, [environment, count]) => sum + (COMPUTE_RATES_USD[environment as EnvironmentName] ?? 0) * count,
      0,
    );
    const resourcesUsd = Number(row.resources_usd);
    const service = {
      serviceId: row.service_id,
      serviceName: row.service_name,
      teamId: row.team_id,
      resourcesUsd: round(resourcesUsd),
      computeUsd: round(computeUsd),
      totalUsd: round(resourcesUsd + computeUsd),
    };
    const team = teams.get(row.team_id) ?? {
      teamId: row.team_id,
      teamName: row.team_name,
      totalUsd: 0,
      services: [],
    };
    team.services.push(service);
    team.totalUsd = round(team.totalUsd + service.totalUsd);
    teams.set(row.team_id, team);
  }
  const list = [...teams.values()].sort(
    (a, b) => b.totalUsd - a.totalUsd || a.teamName.localeCompare(b.teamName),
  );
  return {
    currency: 'USD',
    computeRatesUsd: COMPUTE_RATES_USD,
    teams: list,
    totalUsd: round(list.reduce((sum, team) => sum + team.totalUsd, 0)),
  };
}
