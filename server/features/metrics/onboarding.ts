import type { Pool } from 'pg';
import { computeOnboarding } from '../../../shared/domain/metrics';
import type { Onboarding } from '../../../shared/features/metrics/api';
import type { ResolvedScope } from './scope';

/**
 * Time to onboard: each service created from a template (a `service_created` event with a
 * template) → its first production deployment at or after that. Over the scope's whole history,
 * not the range: it is a per-quarter trend. SQL finds each service's first deployment by index;
 * grouping and medians are shared/domain/metrics/onboarding.ts's.
 */
export async function onboarding(pool: Pool, scope: ResolvedScope): Promise<Onboarding> {
  const { rows } = await pool.query<{ service_id: string; created_at: Date; first_at: Date | null }>(
    `SELECT e.service_id, date_trunc('milliseconds', e.at) AS created_at,
            (SELECT min(f.at) FROM delivery_facts f
              WHERE f.service_id = e.service_id AND f.kind = 'deployment'
                AND f.at >= date_trunc('milliseconds', e.at)) AS first_at
       FROM platform_events e
      WHERE e.kind = 'service_created' AND jsonb_typeof(e.data->'templateId') = 'string'
        AND e.service_id IS NOT NULL
        AND e.team_id = ANY ($1::text[]) AND ($2::text IS NULL OR e.service_id = $2)`,
    [scope.teamIds, scope.serviceId],
  );
  const services = rows.map((row) => ({
    serviceId: row.service_id,
    createdAt: row.created_at.toISOString(),
  }));
  const deploys = rows.flatMap((row) =>
    row.first_at
      ? [{ serviceId: row.service_id, deployedAt: row.first_at.toISOString(), committedAt: null }]
      : [],
  );
  return computeOnboarding(services, deploys);
}
