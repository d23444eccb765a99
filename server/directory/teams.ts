import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import type { z } from 'zod';
import type { Team, TeamCreate, TeamPatch } from '../../shared/api/directory';
import { writeAudit } from '../audit/audit-log';
import type { Tx } from '../db/transaction';
import { conflict, notFound } from '../http/api-error';
import { recordChange } from '../sync/change-log';
import { recordUserChanges } from './users';

interface TeamRow {
  id: string;
  slug: string;
  name: string;
  description: string;
  size: number;
  created_at: Date;
  updated_at: Date;
}

const toTeam = (row: TeamRow): Team => ({
  id: row.id,
  slug: row.slug,
  name: row.name,
  description: row.description,
  size: row.size,
  createdAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
});

export async function listTeams(db: Pool | Tx): Promise<Team[]> {
  const { rows } = await db.query<TeamRow>('SELECT * FROM teams ORDER BY name, id');
  return rows.map(toTeam);
}

export async function getTeam(db: Pool | Tx, id: string): Promise<Team> {
  const { rows } = await db.query<TeamRow>('SELECT * FROM teams WHERE id = $1', [id]);
  if (!rows[0]) throw notFound(`team ${id}`);
  return toTeam(rows[0]);
}

/** `id` and `at` let the demo seed write stable, deterministic rows. */
export async function createTeam(
  tx: Tx,
  actor: string | null,
  input: z.output<typeof TeamCreate>,
  fixed: { id?: string; at?: string } = {},
): Promise<Team> {
  const at = fixed.at ?? new Date().toISOString();
  const { rows } = await tx.query<TeamRow>(
    `INSERT INTO teams (id, slug, name, description, size, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING *`,
    [fixed.id ?? randomUUID(), input.slug, input.name, input.description, input.size, at],
  );
  const team = toTeam(rows[0] as TeamRow);
  await recordChange(tx, 'team', team.id, 'put', team);
  await writeAudit(tx, actor, 'team.create', 'team', team.id, { slug: team.slug });
  return team;
}

export async function updateTeam(
  tx: Tx,
  actor: string | null,
  id: string,
  patch: z.output<typeof TeamPatch>,
): Promise<Team> {
  const { rows } = await tx.query<TeamRow>(
    `UPDATE teams SET slug = COALESCE($2, slug), name = COALESCE($3, name),
            description = COALESCE($4, description), size = COALESCE($5, size), updated_at = now()
      WHERE id = $1 RETURNING *`,
    [id, patch.slug ?? null, patch.name ?? null, patch.description ?? null, patch.size ?? null],
  );
  if (!rows[0]) throw notFound(`team ${id}`);
  const team = toTeam(rows[0]);
  await recordChange(tx, 'team', team.id, 'put', team);
  await writeAudit(tx, actor, 'team.update', 'team', team.id, { fields: Object.keys(patch) });
  return team;
}

export async function deleteTeam(tx: Tx, actor: string | null, id: string): Promise<void> {
  await getTeam(tx, id);
  const owned = await tx.query<{ name: string }>(
    'SELECT name FROM services WHERE owner_team_id = $1 ORDER BY name LIMIT 6',
    [id],
  );
  if (owned.rows.length > 0) {
    const names = owned.rows.map((row) => row.name).join(', ');
    throw conflict(`team ${id} still owns services (${names}); move or delete them first`);
  }
  // Members lose this team from their teamIds, so their user entities change too.
  const members = await tx.query<{ user_id: string }>('SELECT user_id FROM team_members WHERE team_id = $1', [
    id,
  ]);
  await tx.query('DELETE FROM teams WHERE id = $1', [id]);
  await recordChange(tx, 'team', id, 'del', null);
  await recordUserChanges(
    tx,
    members.rows.map((row) => row.user_id),
  );
  await writeAudit(tx, actor, 'team.delete', 'team', id);
}
