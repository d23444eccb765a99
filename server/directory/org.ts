import type { Pool } from 'pg';
import type { Org } from '../../shared/api/directory';
import type { Tx } from '../db/transaction';
import { recordChange } from '../sync/change-log';

/** Pave serves one organization per database. */
export const ORG_ID = 'org';

interface OrgRow {
  id: string;
  name: string;
  is_demo: boolean;
  updated_at: Date;
}

const toOrg = (row: OrgRow): Org => ({
  id: row.id,
  name: row.name,
  isDemo: row.is_demo,
  updatedAt: row.updated_at.toISOString(),
});

export async function getOrg(db: Pool | Tx): Promise<Org | null> {
  const { rows } = await db.query<OrgRow>('SELECT * FROM org WHERE id = $1', [ORG_ID]);
  return rows[0] ? toOrg(rows[0]) : null;
}

/** Creates the org row on first start; an existing org is left as it is. */
export async function ensureOrg(tx: Tx, name: string): Promise<Org> {
  const { rows } = await tx.query<OrgRow>(
    'INSERT INTO org (id, name) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING RETURNING *',
    [ORG_ID, name],
  );
  if (rows[0]) {
    const org = toOrg(rows[0]);
    await recordChange(tx, 'org', org.id, 'put', org);
    return org;
  }
  const existing = await getOrg(tx);
  if (!existing) throw new Error('org row vanished');
  return existing;
}

export async function updateOrg(tx: Tx, patch: { name: string; isDemo: boolean }): Promise<Org> {
  const { rows } = await tx.query<OrgRow>(
    'UPDATE org SET name = $2, is_demo = $3, updated_at = now() WHERE id = $1 RETURNING *',
    [ORG_ID, patch.name, patch.isDemo],
  );
  if (!rows[0]) throw new Error('org row is missing');
  const org = toOrg(rows[0]);
  await recordChange(tx, 'org', org.id, 'put', org);
  return org;
}
