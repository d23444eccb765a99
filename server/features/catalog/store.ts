import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import type { z } from 'zod';
import type {
  Lifecycle,
  Service,
  ServiceCreate,
  ServiceLink,
  ServicePatch,
} from '../../../shared/features/catalog/api';
import { writeAudit } from '../../audit/audit-log';
import type { Tx } from '../../db/transaction';
import { invalid, notFound } from '../../http/api-error';
import { recordChange } from '../../sync/change-log';

interface ServiceRow {
  id: string;
  name: string;
  title: string;
  description: string;
  owner_team_id: string;
  tier: number;
  lifecycle: Lifecycle;
  repository_url: string | null;
  tags: string[];
  links: ServiceLink[];
  created_at: Date;
  updated_at: Date;
}

const toService = (row: ServiceRow): Service => ({
  id: row.id,
  name: row.name,
  title: row.title,
  description: row.description,
  ownerTeamId: row.owner_team_id,
  tier: row.tier,
  lifecycle: row.lifecycle,
  repositoryUrl: row.repository_url,
  tags: row.tags,
  links: row.links,
  createdAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
});

export async function listServices(db: Pool | Tx): Promise<Service[]> {
  const { rows } = await db.query<ServiceRow>('SELECT * FROM services ORDER BY name');
  return rows.map(toService);
}

export async function getService(db: Pool | Tx, id: string): Promise<Service> {
  const { rows } = await db.query<ServiceRow>('SELECT * FROM services WHERE id = $1', [id]);
  if (!rows[0]) throw notFound(`service ${id}`);
  return toService(rows[0]);
}

/** A clear 400 before the insert, rather than a bare foreign-key error. */
async function assertTeamExists(tx: Tx, teamId: string): Promise<void> {
  const { rowCount } = await tx.query('SELECT 1 FROM teams WHERE id = $1 FOR KEY SHARE', [teamId]);
  if (!rowCount) throw invalid(`ownerTeamId: unknown team ${teamId}`);
}

export async function createService(
  tx: Tx,
  actor: string | null,
  input: z.output<typeof ServiceCreate>,
  fixed: { id?: string; at?: string } = {},
): Promise<Service> {
  await assertTeamExists(tx, input.ownerTeamId);
  const at = fixed.at ?? new Date().toISOString();
  const { rows } = await tx.query<ServiceRow>(
    `INSERT INTO services (id, name, title, description, owner_team_id, tier, lifecycle, repository_url,
                           tags, links, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11) RETURNING *`,
    [
      fixed.id ?? randomUUID(),
      input.name,
      input.title,
      input.description,
      input.ownerTeamId,
      input.tier,
      input.lifecycle,
      input.repositoryUrl,
      input.tags,
      JSON.stringify(input.links),
      at,
    ],
  );
  const service = toService(rows[0] as ServiceRow);
  await recordChange(tx, 'service', service.id, 'put', service);
  await writeAudit(tx, actor, 'service.create', 'service', service.id, { name: service.name });
  return service;
}

export async function updateService(
  tx: Tx,
  actor: string | null,
  id: string,
  patch: z.output<typeof ServicePatch>,
): Promise<Service> {
  if (patch.ownerTeamId !== undefined) await assertTeamExists(tx, patch.ownerTeamId);
  // repositoryUrl may be set to null explicitly, so "absent" and "null" differ here.
  const setRepository = patch.repositoryUrl !== undefined;
  const { rows } = await tx.query<ServiceRow>(
    `UPDATE services SET
       name = COALESCE($2, name), title = COALESCE($3, title), description = COALESCE($4, description),
       owner_team_id = COALESCE($5, owner_team_id), tier = COALESCE($6, tier),
       lifecycle = COALESCE($7, lifecycle),
       repository_url = CASE WHEN $8 THEN $9 ELSE repository_url END,
       tags = COALESCE($10, tags), links = COALESCE($11, links), updated_at = now()
     WHERE id = $1 RETURNING *`,
    [
      id,
      patch.name ?? null,
      patch.title ?? null,
      patch.description ?? null,
      patch.ownerTeamId ?? null,
      patch.tier ?? null,
      patch.lifecycle ?? null,
      setRepository,
      patch.repositoryUrl ?? null,
      patch.tags ?? null,
      patch.links ? JSON.stringify(patch.links) : null,
    ],
  );
  if (!rows[0]) throw notFound(`service ${id}`);
  const service = toService(rows[0]);
  await recordChange(tx, 'service', service.id, 'put', service);
  await writeAudit(tx, actor, 'service.update', 'service', service.id, { fields: Object.keys(patch) });
  return service;
}

export async function deleteService(tx: Tx, actor: string | null, id: string): Promise<void> {
  const { rows } = await tx.query<{ name: string }>('DELETE FROM services WHERE id = $1 RETURNING name', [
    id,
  ]);
  if (!rows[0]) throw notFound(`service ${id}`);
  await recordChange(tx, 'service', id, 'del', null);
  await writeAudit(tx, actor, 'service.delete', 'service', id, { name: rows[0].name });
}
