import type { Pool } from 'pg';
import type { MetricScope } from '../../../shared/features/metrics/api';
import { notFound } from '../../http/api-error';

/**
 * A scope as the SQL reads it: the teams it counts (adoption's denominator) and the filters on
 * fact and event rows. A team scope counts one team; a service scope its owner team, with only
 * that service's rows.
 */
export interface ResolvedScope {
  scope: MetricScope;
  teamIds: string[];
  /** Filter on rows' team_id; null = every team. */
  teamId: string | null;
  /** Filter on rows' service_id; null = every service. */
  serviceId: string | null;
}

export async function resolveScope(pool: Pool, scope: MetricScope): Promise<ResolvedScope> {
  if (scope.kind === 'org') {
    const { rows } = await pool.query<{ id: string }>('SELECT id FROM teams ORDER BY id');
    return { scope, teamIds: rows.map((row) => row.id), teamId: null, serviceId: null };
  }
  if (scope.kind === 'team') {
    const { rows } = await pool.query<{ id: string }>('SELECT id FROM teams WHERE id = $1', [scope.teamId]);
    if (!rows[0]) throw notFound(`team '${scope.teamId}'`);
    return { scope, teamIds: [scope.teamId], teamId: scope.teamId, serviceId: null };
  }
  const { rows } = await pool.query<{ owner_team_id: string }>(
    'SELECT owner_team_id FROM services WHERE id = $1',
    [scope.serviceId],
  );
  const service = rows[0];
  if (!service) throw notFound(`service '${scope.serviceId}'`);
  return { scope, teamIds: [service.owner_team_id], teamId: null, serviceId: scope.serviceId };
}
