import type { Pool } from 'pg';
import type { Tx } from '../db/transaction';

export interface AuditEntry {
  id: number;
  at: string;
  actorUserId: string | null;
  action: string;
  entity: string;
  entityId: string;
  detail: Record<string, unknown>;
}

/** Who did what: written in the same transaction as the mutation, so no change goes unrecorded. */
export async function writeAudit(
  tx: Tx,
  actorUserId: string | null,
  action: string,
  entity: string,
  entityId: string,
  detail: Record<string, unknown> = {},
): Promise<void> {
  await tx.query(
    'INSERT INTO audit_log (actor_user_id, action, entity, entity_id, detail) VALUES ($1, $2, $3, $4, $5)',
    [actorUserId, action, entity, entityId, JSON.stringify(detail)],
  );
}

/**
 * An audited event with no actor and only the day it happened: for acts that must not tie a
 * person to a time, such as answering an anonymous survey (docs/architecture.md, "Numbers").
 */
export async function writeAnonymousAudit(
  tx: Tx,
  action: string,
  entity: string,
  entityId: string,
): Promise<void> {
  await tx.query(
    `INSERT INTO audit_log (at, actor_user_id, action, entity, entity_id)
     VALUES (date_trunc('day', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC', NULL, $1, $2, $3)`,
    [action, entity, entityId],
  );
}

export async function listAudit(pool: Pool, limit: number): Promise<AuditEntry[]> {
  const { rows } = await pool.query<{
    id: number;
    at: Date;
    actor_user_id: string | null;
    action: string;
    entity: string;
    entity_id: string;
    detail: Record<string, unknown>;
  }>('SELECT * FROM audit_log ORDER BY at DESC, id DESC LIMIT $1', [limit]);
  return rows.map((row) => ({
    id: row.id,
    at: row.at.toISOString(),
    actorUserId: row.actor_user_id,
    action: row.action,
    entity: row.entity,
    entityId: row.entity_id,
    detail: row.detail,
  }));
}
