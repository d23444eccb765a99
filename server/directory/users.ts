import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import type { z } from 'zod';
import type { Role, User, UserCreate, UserPatch } from '../../shared/api/directory';
import { writeAudit } from '../audit/audit-log';
import type { Tx } from '../db/transaction';
import { invalid, notFound } from '../http/api-error';
import { recordChange } from '../sync/change-log';

interface UserRow {
  id: string;
  name: string;
  email: string;
  role: Role;
  team_ids: string[];
  created_at: Date;
  updated_at: Date;
}

const toUser = (row: UserRow): User => ({
  id: row.id,
  name: row.name,
  email: row.email,
  role: row.role,
  teamIds: row.team_ids,
  createdAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
});

const SELECT_USERS = `
  SELECT u.*, COALESCE(array_agg(m.team_id ORDER BY m.team_id) FILTER (WHERE m.team_id IS NOT NULL), '{}') AS team_ids
    FROM users u LEFT JOIN team_members m ON m.user_id = u.id`;

export async function listUsers(db: Pool | Tx): Promise<User[]> {
  const { rows } = await db.query<UserRow>(`${SELECT_USERS} GROUP BY u.id ORDER BY u.name, u.id`);
  return rows.map(toUser);
}

export async function getUser(db: Pool | Tx, id: string): Promise<User> {
  const { rows } = await db.query<UserRow>(`${SELECT_USERS} WHERE u.id = $1 GROUP BY u.id`, [id]);
  if (!rows[0]) throw notFound(`user ${id}`);
  return toUser(rows[0]);
}

/** Re-logs users whose derived fields (teamIds) changed because of another entity's write. */
export async function recordUserChanges(tx: Tx, ids: string[]): Promise<void> {
  for (const id of [...new Set(ids)].sort()) {
    await recordChange(tx, 'user', id, 'put', await getUser(tx, id));
  }
}

async function setMemberships(tx: Tx, userId: string, teamIds: string[]): Promise<void> {
  const unique = [...new Set(teamIds)];
  if (unique.length > 0) {
    const { rows } = await tx.query<{ id: string }>('SELECT id FROM teams WHERE id = ANY($1)', [unique]);
    const found = new Set(rows.map((row) => row.id));
    const missing = unique.filter((id) => !found.has(id));
    if (missing.length > 0) throw invalid(`teamIds: unknown team ${missing.join(', ')}`);
  }
  await tx.query('DELETE FROM team_members WHERE user_id = $1', [userId]);
  await tx.query('INSERT INTO team_members (team_id, user_id) SELECT unnest($1::text[]), $2', [
    unique,
    userId,
  ]);
}

export async function createUser(
  tx: Tx,
  actor: string | null,
  input: z.output<typeof UserCreate>,
  fixed: { id?: string; at?: string } = {},
): Promise<User> {
  const id = fixed.id ?? randomUUID();
  const at = fixed.at ?? new Date().toISOString();
  await tx.query(
    'INSERT INTO users (id, name, email, role, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $5)',
    [id, input.name, input.email, input.role, at],
  );
  await setMemberships(tx, id, input.teamIds);
  const user = await getUser(tx, id);
  await recordChange(tx, 'user', id, 'put', user);
  await writeAudit(tx, actor, 'user.create', 'user', id, { email: user.email, role: user.role });
  return user;
}

export async function updateUser(
  tx: Tx,
  actor: string | null,
  id: string,
  patch: z.output<typeof UserPatch>,
): Promise<User> {
  const { rowCount } = await tx.query(
    `UPDATE users SET name = COALESCE($2, name), email = COALESCE($3, email), role = COALESCE($4, role),
            updated_at = now()
      WHERE id = $1`,
    [id, patch.name ?? null, patch.email ?? null, patch.role ?? null],
  );
  if (!rowCount) throw notFound(`user ${id}`);
  if (patch.teamIds) await setMemberships(tx, id, patch.teamIds);
  const user = await getUser(tx, id);
  await recordChange(tx, 'user', id, 'put', user);
  await writeAudit(tx, actor, 'user.update', 'user', id, { fields: Object.keys(patch) });
  return user;
}
