import type { Pool } from 'pg';
import { CAPABILITY_EVENT_KINDS, CAPABILITY_OF_EVENT } from './capability-sql';
import type { ResolvedScope } from './scope';

/**
 * The instant that splits "before" and "after" the platform: org-wide, the launch date in the
 * settings (or, unset, the org's first platform event); for a team, the day it first used the
 * platform (its first use of any capability); for a service, its owner team's. Null when nothing
 * has happened yet.
 */
export async function launchDate(
  pool: Pool,
  scope: ResolvedScope,
  orgLaunchDate: string | null,
): Promise<string | null> {
  if (scope.scope.kind === 'org') {
    if (orgLaunchDate) return orgLaunchDate;
    const { rows } = await pool.query<{ at: Date | null }>('SELECT min(at) AS at FROM platform_events');
    return rows[0]?.at?.toISOString() ?? null;
  }
  const { rows } = await pool.query<{ at: Date }>(
    `SELECT e.at FROM platform_events e
      WHERE e.team_id = $1 AND e.kind = ANY ($2::text[]) AND ${CAPABILITY_OF_EVENT} IS NOT NULL
      ORDER BY e.at LIMIT 1`,
    [scope.teamIds[0], CAPABILITY_EVENT_KINDS],
  );
  return rows[0]?.at.toISOString() ?? null;
}
