import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import type { z } from 'zod';
import type {
  BacklogItem,
  BacklogItemCreate,
  BacklogItemPatch,
  BacklogMove,
} from '../../../shared/features/backlog/api';
import { newBacklogItem } from '../../../shared/features/backlog/new-item';
import { rankAtEnd, type Ranked } from '../../../shared/domain/fractional-rank';
import { moveItem, patchItem, setDemand } from '../../../shared/features/backlog/prioritization-edits';
import type { Principal } from '../../auth/tokens';
import { writeAudit } from '../../audit/audit-log';
import type { Tx } from '../../db/transaction';
import { conflict, forbidden, invalid, notFound } from '../../http/api-error';
import { recordChange } from '../../sync/change-log';

/**
 * Backlog writes. REST routes and push mutations both call these, so the rules hold either way:
 * leads (and admins) own the backlog; engineers may propose items and add or remove their own
 * teams' demand. Every write goes through the pure edit rules in shared/domain, which clients
 * also use when they rebase their pending edits — one implementation of the merge.
 */

interface ItemRow {
  id: string;
  title: string;
  description: string;
  capability: string;
  status: BacklogItem['status'];
  phase: BacklogItem['phase'];
  strategic_value: number;
  impact: number;
  confidence: number;
  effort: number;
  time_criticality: number;
  risk_reduction: number;
  rank: string;
  rank_manual: boolean;
  proposed_by: string | null;
  shipped_at: Date | null;
  created_at: Date;
  updated_at: Date;
  demand_team_ids: string[];
}

const SELECT_ITEMS = `SELECT i.*, ARRAY(SELECT d.team_id FROM backlog_demand d WHERE d.item_id = i.id ORDER BY d.team_id)
  AS demand_team_ids FROM backlog_items i`;

const toItem = (row: ItemRow): BacklogItem => ({
  id: row.id,
  title: row.title,
  description: row.description,
  capability: row.capability,
  status: row.status,
  phase: row.phase,
  strategicValue: row.strategic_value,
  impact: row.impact,
  confidence: row.confidence,
  effort: row.effort,
  timeCriticality: row.time_criticality,
  riskReduction: row.risk_reduction,
  rank: row.rank,
  rankManual: row.rank_manual,
  demandTeamIds: row.demand_team_ids,
  proposedBy: row.proposed_by,
  shippedAt: row.shipped_at?.toISOString() ?? null,
  createdAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
});

export const isLead = (p: Pick<Principal, 'role'>) => p.role === 'lead' || p.role === 'admin';
export type Actor = Pick<Principal, 'userId' | 'role' | 'teamIds'>;

export function assertLead(actor: Actor, what: string): void {
  if (!isLead(actor)) throw forbidden(`only leads may ${what}`);
}

export async function listItems(db: Pool | Tx): Promise<BacklogItem[]> {
  const { rows } = await db.query<ItemRow>(`${SELECT_ITEMS} ORDER BY i.rank COLLATE "C", i.id`);
  return rows.map(toItem);
}

export async function getItem(db: Pool | Tx, id: string, lock = false): Promise<BacklogItem> {
  const { rows } = await db.query<ItemRow>(
    `${SELECT_ITEMS} WHERE i.id = $1${lock ? ' FOR UPDATE OF i' : ''}`,
    [id],
  );
  if (!rows[0]) throw notFound(`backlog item ${id}`);
  return toItem(rows[0]);
}

/** Upserts the item's row (scalars + rank); demand rows are written apart. */
async function writeItemRow(tx: Tx, item: BacklogItem): Promise<void> {
  await tx.query(
    `INSERT INTO backlog_items (id, title, description, capability, status, phase, strategic_value, impact,
       confidence, effort, time_criticality, risk_reduction, rank, rank_manual, proposed_by, shipped_at,
       created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
     ON CONFLICT (id) DO UPDATE SET title = EXCLUDED.title, description = EXCLUDED.description,
       capability = EXCLUDED.capability, status = EXCLUDED.status, phase = EXCLUDED.phase,
       strategic_value = EXCLUDED.strategic_value, impact = EXCLUDED.impact, confidence = EXCLUDED.confidence,
       effort = EXCLUDED.effort, time_criticality = EXCLUDED.time_criticality,
       risk_reduction = EXCLUDED.risk_reduction, rank = EXCLUDED.rank, rank_manual = EXCLUDED.rank_manual,
       shipped_at = EXCLUDED.shipped_at, updated_at = EXCLUDED.updated_at`,
    [
      item.id,
      item.title,
      item.description,
      item.capability,
      item.status,
      item.phase,
      item.strategicValue,
      item.impact,
      item.confidence,
      item.effort,
      item.timeCriticality,
      item.riskReduction,
      item.rank,
      item.rankManual,
      item.proposedBy,
      item.shippedAt,
      item.createdAt,
      item.updatedAt,
    ],
  );
}

/** Reads the item back (with its demand set) and logs it for sync. */
async function logItem(tx: Tx, id: string): Promise<BacklogItem> {
  const saved = await getItem(tx, id);
  await recordChange(tx, 'backlog_item', saved.id, 'put', saved);
  return saved;
}

/** Writes the whole item, then logs it for sync. */
async function saveItem(tx: Tx, item: BacklogItem): Promise<BacklogItem> {
  await writeItemRow(tx, item);
  return logItem(tx, item.id);
}

async function currentOrder(tx: Tx): Promise<Ranked[]> {
  // The lock on every rank serializes concurrent moves, so two moves never compute from the same order.
  const { rows } = await tx.query<Ranked>(
    'SELECT id, rank FROM backlog_items ORDER BY rank COLLATE "C", id FOR UPDATE',
  );
  return rows;
}

async function assertTeamsExist(tx: Tx, teamIds: readonly string[]): Promise<void> {
  if (teamIds.length === 0) return;
  const { rows } = await tx.query<{ id: string }>('SELECT id FROM teams WHERE id = ANY($1)', [teamIds]);
  const known = new Set(rows.map((r) => r.id));
  const missing = teamIds.filter((id) => !known.has(id));
  if (missing.length) throw invalid(`unknown team ${missing.join(', ')}`);
}

export async function createItem(
  tx: Tx,
  actor: Actor,
  input: z.output<typeof BacklogItemCreate>,
  fixed: { at?: string; rank?: string; id?: string } = {},
): Promise<BacklogItem> {
  const lead = isLead(actor);
  const teams = [...new Set(input.demandTeamIds)].sort();
  if (!lead) {
    if (input.status !== undefined && input.status !== 'proposed') {
      throw forbidden('engineers propose items; only leads set another status');
    }
    const foreign = teams.filter((t) => !actor.teamIds.includes(t));
    if (foreign.length)
      throw forbidden(`you may only add demand for your own teams (not ${foreign.join(', ')})`);
  }
  await assertTeamsExist(tx, teams);
  const id = fixed.id ?? input.id ?? randomUUID();
  const existing = await tx.query('SELECT 1 FROM backlog_items WHERE id = $1', [id]);
  if (existing.rowCount) throw conflict(`backlog item ${id} already exists`);
  const at = fixed.at ?? new Date().toISOString();
  // Demand rows are written below, once the item row they reference exists.
  const item = newBacklogItem(input, {
    id,
    rank: fixed.rank ?? rankAtEnd(await currentOrder(tx)),
    at,
    proposedBy: actor.userId,
    demandTeamIds: [],
  });
  await writeItemRow(tx, item);
  for (const teamId of teams) {
    await tx.query(
      'INSERT INTO backlog_demand (item_id, team_id, added_by, added_at) VALUES ($1, $2, $3, $4)',
      [id, teamId, actor.userId, at],
    );
  }
  const saved = await logItem(tx, id);
  await writeAudit(tx, actor.userId, 'backlog.create', 'backlog_item', id, { title: item.title });
  return saved;
}

export async function updateItem(
  tx: Tx,
  actor: Actor,
  id: string,
  patch: BacklogItemPatch,
): Promise<BacklogItem> {
  assertLead(actor, 'edit backlog items');
  const item = await getItem(tx, id, true);
  const saved = await saveItem(tx, patchItem(item, patch, new Date().toISOString()));
  await writeAudit(tx, actor.userId, 'backlog.update', 'backlog_item', id, { fields: Object.keys(patch) });
  return saved;
}

/** "Move X between A and B": the key is computed here, from the order as it is now. */
export async function moveBacklogItem(
  tx: Tx,
  actor: Actor,
  id: string,
  move: z.output<typeof BacklogMove>,
): Promise<BacklogItem> {
  assertLead(actor, 're-rank the backlog');
  const order = await currentOrder(tx);
  const item = await getItem(tx, id, true);
  const moved = moveItem(order, item, move, new Date().toISOString());
  if (!moved) throw conflict('both neighbours of this move are gone; drop it and move the item again');
  const saved = await saveItem(tx, moved);
  await writeAudit(tx, actor.userId, 'backlog.move', 'backlog_item', id, { ...move });
  return saved;
}

/** Idempotent add/remove of one team's demand. */
export async function setItemDemand(
  tx: Tx,
  actor: Actor,
  id: string,
  teamId: string,
  present: boolean,
): Promise<BacklogItem> {
  if (!isLead(actor) && !actor.teamIds.includes(teamId)) {
    throw forbidden("engineers may only change their own team's demand");
  }
  await assertTeamsExist(tx, [teamId]);
  const item = await getItem(tx, id, true);
  const at = new Date().toISOString();
  const next = setDemand(item, teamId, present, at);
  if (next === item) return item;
  if (present) {
    await tx.query(
      'INSERT INTO backlog_demand (item_id, team_id, added_by, added_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING',
      [id, teamId, actor.userId, at],
    );
  } else {
    await tx.query('DELETE FROM backlog_demand WHERE item_id = $1 AND team_id = $2', [id, teamId]);
  }
  const saved = await saveItem(tx, next);
  await writeAudit(
    tx,
    actor.userId,
    present ? 'backlog.demand.add' : 'backlog.demand.remove',
    'backlog_item',
    id,
    {
      teamId,
    },
  );
  return saved;
}
