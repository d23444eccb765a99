import type { Pool } from 'pg';
import type { Principal } from '../../auth/tokens';
import type { Tx } from '../../db/transaction';
import { forbidden, notFound } from '../../http/api-error';

/**
 * Roles (docs/architecture.md, "Core"): engineers act only on services their team owns; leads and admins on any.
 * Membership is read here rather than trusted from the token, so a team change applies at once.
 */
export async function assertCanActOnService(
  db: Pool | Tx,
  principal: Principal,
  serviceId: string,
): Promise<void> {
  const { rows } = await db.query<{ owner_team_id: string; member: boolean }>(
    `SELECT s.owner_team_id,
            EXISTS (SELECT 1 FROM team_members m WHERE m.team_id = s.owner_team_id AND m.user_id = $2) AS member
       FROM services s WHERE s.id = $1`,
    [serviceId, principal.userId],
  );
  const row = rows[0];
  if (!row) throw notFound(`service ${serviceId}`);
  if (principal.role === 'lead' || principal.role === 'admin') return;
  if (!row.member) {
    throw forbidden(
      `service ${serviceId} belongs to team ${row.owner_team_id}; engineers act only on their own team's services`,
    );
  }
}
