import type { Pool } from 'pg';
import { CAPABILITIES, type Capability } from '../../../shared/domain/metrics';
import { CAPABILITY_EVENT_KINDS, CAPABILITY_OF_EVENT } from './capability-sql';
import { splitByDays } from './day-split';
import type { ResolvedScope } from './scope';

export interface CapabilityUsage {
  /** Teams of the scope with at least one use, per capability. */
  teams: Record<Capability, number>;
  uses: Record<Capability, number>;
  /** Teams of the scope with a use of any capability. */
  teamsUsingPlatform: number;
}

/**
 * Uses of each capability by the scope's teams between two instants (`to` included when
 * `throughTo`, as adoption's "last N days" window is): the platform events that are uses (see
 * capability-sql.ts), plus alert rules created — or enabled — in the window, which observability
 * counts though they write no event. Counted in SQL: the window may hold tens of thousands of events.
 */
export async function capabilityUsage(
  pool: Pool,
  scope: ResolvedScope,
  window: { from: string; to: string; throughTo: boolean },
): Promise<CapabilityUsage> {
  // Whole days from the daily counters (not for a service: they count by team), ends from events.
  const split = scope.serviceId ? { days: null, edges: [window] } : splitByDays(window);
  const edges = split.edges.map((edge) => ({
    ...edge,
    inclusive: window.throughTo && edge.to === window.to,
  }));
  if (window.throughTo && !edges.some((edge) => edge.inclusive)) {
    edges.push({ from: window.to, to: window.to, inclusive: true });
  }
  const params: unknown[] = [scope.teamIds, scope.serviceId, window.from, window.to];
  const edgeSql = edges.map((edge) => {
    params.push(edge.from, edge.to, CAPABILITY_EVENT_KINDS);
    const [from, to, kinds] = [params.length - 2, params.length - 1, params.length];
    return `SELECT e.team_id, ${CAPABILITY_OF_EVENT} AS capability, 1 AS uses
              FROM platform_events e
             WHERE e.at >= $${from} AND e.at ${edge.inclusive ? '<=' : '<'} $${to} AND e.kind = ANY ($${kinds}::text[])
               AND e.team_id = ANY ($1::text[]) AND ($2::text IS NULL OR e.service_id = $2)`;
  });
  const daysSql: string[] = [];
  if (split.days) {
    params.push(split.days.from, split.days.to);
    daysSql.push(`SELECT team_id, capability, uses FROM capability_daily
                   WHERE day >= $${params.length - 1}::date AND day < $${params.length}::date
                     AND team_id = ANY ($1::text[])`);
  }
  const end = window.throughTo ? '<=' : '<';
  const { rows } = await pool.query<{ capability: Capability | null; teams: string; uses: string }>(
    `WITH uses AS (
       ${[...daysSql, ...edgeSql].map((part) => `${part} UNION ALL`).join('\n')}
       SELECT s.owner_team_id, 'observability', 1
         FROM alert_rules a JOIN services s ON s.id = a.service_id
        WHERE ((a.created_at >= $3 AND a.created_at ${end} $4)
               OR (a.enabled AND a.updated_at >= $3 AND a.updated_at ${end} $4))
          AND s.owner_team_id = ANY ($1::text[]) AND ($2::text IS NULL OR a.service_id = $2)
     )
     SELECT capability, count(DISTINCT team_id) AS teams, sum(uses) AS uses
       FROM uses WHERE capability IS NOT NULL
      GROUP BY ROLLUP (capability)`,
    params,
  );
  const zero = () => Object.fromEntries(CAPABILITIES.map((c) => [c, 0])) as Record<Capability, number>;
  const usage: CapabilityUsage = { teams: zero(), uses: zero(), teamsUsingPlatform: 0 };
  for (const row of rows) {
    if (row.capability === null) usage.teamsUsingPlatform = Number(row.teams);
    else {
      usage.teams[row.capability] = Number(row.teams);
      usage.uses[row.capability] = Number(row.uses);
    }
  }
  return usage;
}
