import type { Pool } from 'pg';
import type { Principal } from '../../auth/tokens';
import { ApiError } from '../../http/api-error';
import { assertCanActOnService } from '../catalog/public';
import type { ServiceRepository } from '../self-service/public';

// Names go into a hook's environment and out as "remote:" lines: one line, printable.
const printable = (text: string) => text.replace(/\p{Cc}+/gu, ' ');

/**
 * Who may push (docs/architecture.md, "Core"): the rule of every other action on a service —
 * engineers of the owning team, leads and admins. Null when `principal` may push; otherwise the
 * sentence git shows the pusher (the pre-receive hook prints it and refuses the push).
 */
export async function pushRefusal(
  pool: Pool,
  principal: Principal,
  repository: ServiceRepository,
): Promise<string | null> {
  try {
    await assertCanActOnService(pool, principal, repository.serviceId);
    return null;
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 403) throw error;
  }
  const { rows } = await pool.query<{ user_name: string | null; team_name: string | null }>(
    `SELECT (SELECT name FROM users WHERE id = $1) AS user_name,
            (SELECT name FROM teams WHERE id = $2) AS team_name`,
    [principal.userId, repository.ownerTeamId],
  );
  const user = printable(rows[0]?.user_name ?? principal.userId);
  const team = printable(rows[0]?.team_name ?? repository.ownerTeamId);
  return `${user} may not push to ${repository.serviceName}: it belongs to team ${team}; ask a member of ${team} or a lead`;
}
