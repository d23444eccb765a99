import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import type { z } from 'zod';
import type {
  SupportPromote,
  SupportReplyCreate,
  SupportRequest,
  SupportRequestCreate,
} from '../../../shared/features/support/api';
import type { Principal } from '../../auth/tokens';
import { writeAudit } from '../../audit/audit-log';
import { createItem, getItem, isLead, setItemDemand } from '../backlog/public';
import type { Tx } from '../../db/transaction';
import { conflict, forbidden, invalid, notFound } from '../../http/api-error';
import { recordChange } from '../../sync/change-log';

/**
 * Support intake. Anyone files a request; anyone may reply (the first reply by someone other than
 * the requester stops the SLA clock); the requester or a lead escalates and resolves; leads link a
 * request to a backlog item or turn it into one, which adds the requesting team to the item's demand.
 */

type Actor = Pick<Principal, 'userId' | 'role' | 'teamIds'>;

interface RequestRow {
  id: string;
  title: string;
  body: string;
  tier: SupportRequest['tier'];
  kind: SupportRequest['kind'];
  capability: string;
  team_id: string | null;
  requested_by: string | null;
  status: SupportRequest['status'];
  first_response_at: Date | null;
  escalated_at: Date | null;
  resolved_at: Date | null;
  resolution: string | null;
  linked_item_id: string | null;
  created_at: Date;
  updated_at: Date;
  replies: { id: string; authorId: string | null; body: string; at: string }[];
}

const SELECT_REQUESTS = `SELECT r.*, COALESCE((SELECT json_agg(json_build_object('id', p.id, 'authorId', p.author_id,
    'body', p.body, 'at', to_char(p.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) ORDER BY p.at, p.id)
    FROM support_replies p WHERE p.request_id = r.id), '[]') AS replies
  FROM support_requests r`;

const iso = (d: Date | null) => d?.toISOString() ?? null;

const toRequest = (row: RequestRow): SupportRequest => ({
  id: row.id,
  title: row.title,
  body: row.body,
  tier: row.tier,
  kind: row.kind,
  capability: row.capability,
  teamId: row.team_id,
  requestedBy: row.requested_by,
  status: row.status,
  firstResponseAt: iso(row.first_response_at),
  escalatedAt: iso(row.escalated_at),
  resolvedAt: iso(row.resolved_at),
  resolution: row.resolution,
  linkedItemId: row.linked_item_id,
  // A deleted author leaves the reply; it shows as "former user".
  replies: row.replies.map((r) => ({ ...r, authorId: r.authorId ?? 'deleted' })),
  createdAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
});

export async function listRequests(db: Pool | Tx): Promise<SupportRequest[]> {
  const { rows } = await db.query<RequestRow>(`${SELECT_REQUESTS} ORDER BY r.created_at DESC, r.id`);
  return rows.map(toRequest);
}

export async function getRequest(db: Pool | Tx, id: string, lock = false): Promise<SupportRequest> {
  const { rows } = await db.query<RequestRow>(
    `${SELECT_REQUESTS} WHERE r.id = $1${lock ? ' FOR UPDATE OF r' : ''}`,
    [id],
  );
  if (!rows[0]) throw notFound(`support request ${id}`);
  return toRequest(rows[0]);
}

/** A backlog item is being deleted: requests linked to it lose the link (their synced shape changes too). */
export async function unlinkRequestsFrom(tx: Tx, itemId: string): Promise<void> {
  const { rows } = await tx.query<{ id: string }>(
    'UPDATE support_requests SET linked_item_id = NULL, updated_at = now() WHERE linked_item_id = $1 RETURNING id',
    [itemId],
  );
  for (const { id } of rows) await recordChange(tx, 'support_request', id, 'put', await getRequest(tx, id));
}

async function logged(tx: Tx, id: string): Promise<SupportRequest> {
  const request = await getRequest(tx, id);
  await recordChange(tx, 'support_request', id, 'put', request);
  return request;
}

export async function createRequest(
  tx: Tx,
  actor: Actor,
  input: z.output<typeof SupportRequestCreate>,
  fixed: { at?: string; id?: string } = {},
): Promise<SupportRequest> {
  const id = fixed.id ?? input.id ?? randomUUID();
  const existing = await tx.query('SELECT 1 FROM support_requests WHERE id = $1', [id]);
  if (existing.rowCount) throw conflict(`support request ${id} already exists`);
  const teamId = input.teamId === undefined ? (actor.teamIds[0] ?? null) : input.teamId;
  if (teamId !== null) {
    const team = await tx.query('SELECT 1 FROM teams WHERE id = $1', [teamId]);
    if (!team.rowCount) throw invalid(`unknown team ${teamId}`);
  }
  const at = fixed.at ?? new Date().toISOString();
  await tx.query(
    `INSERT INTO support_requests (id, title, body, tier, kind, capability, team_id, requested_by, status,
       created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'open', $9, $9)`,
    [id, input.title, input.body, input.tier, input.kind, input.capability, teamId, actor.userId, at],
  );
  await writeAudit(tx, actor.userId, 'support.create', 'support_request', id, { kind: input.kind });
  return logged(tx, id);
}

/** Append-only; a reply whose id already exists is the same reply replayed: no-op. */
export async function replyToRequest(
  tx: Tx,
  actor: Actor,
  id: string,
  input: z.output<typeof SupportReplyCreate>,
  fixed: { at?: string; replyId?: string } = {},
): Promise<SupportRequest> {
  const request = await getRequest(tx, id, true);
  const replyId = fixed.replyId ?? input.id ?? randomUUID();
  const at = fixed.at ?? new Date().toISOString();
  const inserted = await tx.query(
    'INSERT INTO support_replies (id, request_id, author_id, body, at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO NOTHING',
    [replyId, id, actor.userId, input.body, at],
  );
  if (!inserted.rowCount) return request;
  // Only an answer from someone else stops the clock and marks the request answered.
  if (actor.userId !== request.requestedBy) {
    await tx.query(
      `UPDATE support_requests SET first_response_at = COALESCE(first_response_at, $2),
         status = CASE WHEN status = 'open' THEN 'answered' ELSE status END, updated_at = $2 WHERE id = $1`,
      [id, at],
    );
  } else {
    await tx.query('UPDATE support_requests SET updated_at = $2 WHERE id = $1', [id, at]);
  }
  await writeAudit(tx, actor.userId, 'support.reply', 'support_request', id, { replyId });
  return logged(tx, id);
}

function assertRequesterOrLead(actor: Actor, request: SupportRequest, what: string): void {
  if (!isLead(actor) && actor.userId !== request.requestedBy) {
    throw forbidden(`only the requester or a lead may ${what}`);
  }
}

/** Idempotent: escalating an escalated request keeps the first escalation time. */
export async function escalateRequest(tx: Tx, actor: Actor, id: string): Promise<SupportRequest> {
  const request = await getRequest(tx, id, true);
  assertRequesterOrLead(actor, request, 'escalate this request');
  if (request.escalatedAt) return request;
  await tx.query('UPDATE support_requests SET escalated_at = now(), updated_at = now() WHERE id = $1', [id]);
  await writeAudit(tx, actor.userId, 'support.escalate', 'support_request', id);
  return logged(tx, id);
}

export async function resolveRequest(
  tx: Tx,
  actor: Actor,
  id: string,
  resolution: string,
): Promise<SupportRequest> {
  const request = await getRequest(tx, id, true);
  assertRequesterOrLead(actor, request, 'resolve this request');
  await tx.query(
    `UPDATE support_requests SET status = 'resolved', resolution = $2, resolved_at = COALESCE(resolved_at, now()),
       updated_at = now() WHERE id = $1`,
    [id, resolution],
  );
  await writeAudit(tx, actor.userId, 'support.resolve', 'support_request', id);
  return logged(tx, id);
}

/** Links the request to an item and adds the requesting team to the item's demand (a set: no double count). */
export async function linkRequest(tx: Tx, actor: Actor, id: string, itemId: string): Promise<SupportRequest> {
  if (!isLead(actor)) throw forbidden('only leads may link support requests to the backlog');
  const request = await getRequest(tx, id, true);
  await getItem(tx, itemId);
  await tx.query('UPDATE support_requests SET linked_item_id = $2, updated_at = now() WHERE id = $1', [
    id,
    itemId,
  ]);
  if (request.teamId) await setItemDemand(tx, actor, itemId, request.teamId, true);
  await writeAudit(tx, actor.userId, 'support.link', 'support_request', id, { itemId });
  return logged(tx, id);
}

/** Turns a request into a new backlog item (proposed, same capability) and links it. */
export async function promoteRequest(
  tx: Tx,
  actor: Actor,
  id: string,
  input: z.output<typeof SupportPromote>,
): Promise<SupportRequest> {
  if (!isLead(actor)) throw forbidden('only leads may turn support requests into backlog items');
  const request = await getRequest(tx, id, true);
  if (request.linkedItemId)
    throw conflict(`support request ${id} is already linked to ${request.linkedItemId}`);
  const item = await createItem(tx, actor, {
    ...(input.itemId ? { id: input.itemId } : {}),
    title: input.title ?? request.title,
    description: request.body,
    capability: request.capability,
    status: 'proposed',
    demandTeamIds: [],
  });
  return linkRequest(tx, actor, id, item.id);
}
