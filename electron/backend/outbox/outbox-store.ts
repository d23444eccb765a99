import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import type { Mutation, MutationRejection } from '../../../shared/api/push';
import { readSetting, writeSetting } from '../cache/settings-store';
import { readSyncState } from '../cache/sync-state';
import { loadIdentity } from '../settings/platform-settings';

/**
 * The outbox table (cache migrations 1–2). Lifecycle of a row:
 *   pending → applied (kept as short history) | rejected (shown until dismissed)
 *   pending → needs_confirmation (past expires_at, never sent) → pending (confirmed) | discarded
 */
export type OutboxStatus = 'pending' | 'needs_confirmation' | 'rejected' | 'applied' | 'discarded';

export interface OutboxEntry {
  clientId: string;
  mutationId: number;
  name: string;
  args: unknown;
  idempotencyKey: string;
  createdAt: string;
  status: OutboxStatus;
  expiresAt: string | null;
  confirmedAt: string | null;
  reason: MutationRejection | null;
  attempts: number;
  /** When it was last sent (null before the first push). */
  sentAt: string | null;
}

interface Row {
  client_id: string;
  mutation_id: number;
  name: string;
  args: string;
  idempotency_key: string;
  created_at: string;
  status: OutboxStatus;
  expires_at: string | null;
  confirmed_at: string | null;
  reason: string | null;
  attempts: number;
  sent_at: string | null;
}

const toEntry = (r: Row): OutboxEntry => ({
  clientId: r.client_id,
  mutationId: r.mutation_id,
  name: r.name,
  args: JSON.parse(r.args) as unknown,
  idempotencyKey: r.idempotency_key,
  createdAt: r.created_at,
  status: r.status,
  expiresAt: r.expires_at,
  confirmedAt: r.confirmed_at,
  reason: r.reason === null ? null : (JSON.parse(r.reason) as MutationRejection),
  attempts: r.attempts,
  sentAt: r.sent_at,
});

/** Before issue 13: one client id per cache, whoever signed in. */
const LEGACY_CLIENT_ID_KEY = 'outbox.clientId';
/** Since: one client id per (platform, user), keyed by ownerKey. */
const CLIENT_IDS_KEY = 'outbox.clientIds';
const ClientIds = z.record(z.string(), z.uuid());
const LAST_ID_KEY = 'outbox.lastMutationId';
/** Applied and discarded rows kept for the record; older ones are pruned. */
const HISTORY_ROWS = 50;

/**
 * Who a queued change belongs to: the platform the cache syncs with (its epoch, which names it) and
 * the user signed in there. An empty user part means "not signed in yet".
 */
export function ownerKey(db: Database): string {
  return `${readSyncState(db).epoch ?? ''} ${loadIdentity(db)?.user.id ?? ''}`;
}

/**
 * The client id of the current (platform, user): generated once per pair, then kept. The server
 * binds a client id to the first user who pushes with it, so a second user on this cache (or the
 * same user on another platform) gets an id of their own instead of a 403. Each outbox row keeps
 * the id it was queued under, so a queued change never changes id under its mutation id
 * (docs/architecture.md, "Sync and push": exactly once).
 * Changes queued before anyone signed in go to the first user who does; a cache from before ids
 * were per user keeps its one id for the first (platform, user) that asks.
 */
export function clientIdOf(db: Database, owner: string = ownerKey(db)): string {
  const ids = ClientIds.safeParse(readSetting(db, CLIENT_IDS_KEY)).data ?? {};
  const known = ids[owner];
  if (known) return known;
  // An id taken while less was known (offline before the first pull: no platform epoch yet; or
  // before sign-in: no user) belongs to the first owner that knows more, so changes queued then
  // keep their id and are sent.
  const [epoch = '', user = ''] = owner.split(' ');
  const unclaimed = [`${epoch} `, ` ${user}`, ' '].find((key) => key !== owner && ids[key]);
  const legacy = z.uuid().safeParse(readSetting(db, LEGACY_CLIENT_ID_KEY));
  let id: string;
  if (unclaimed) {
    id = ids[unclaimed] as string;
    delete ids[unclaimed];
  } else if (legacy.success && !Object.values(ids).includes(legacy.data)) {
    id = legacy.data;
  } else {
    id = randomUUID();
  }
  writeSetting(db, CLIENT_IDS_KEY, { ...ids, [owner]: id });
  return id;
}

/**
 * The next mutation id: strictly increasing forever. The counter lives in settings, so pruning
 * rows never lets an id come back (the server would answer a reused id from storage).
 */
export function nextMutationId(db: Database): number {
  const stored = z.number().int().min(0).safeParse(readSetting(db, LAST_ID_KEY));
  const { max } = db.prepare('SELECT COALESCE(MAX(mutation_id), 0) AS max FROM outbox').get() as {
    max: number;
  };
  const next = Math.max(stored.success ? stored.data : 0, max) + 1;
  writeSetting(db, LAST_ID_KEY, next);
  return next;
}

export function insertOutboxRow(
  db: Database,
  row: { mutationId: number; name: string; args: unknown; createdAt: string; expiresAt: string | null },
): OutboxEntry {
  const clientId = clientIdOf(db);
  const key = randomUUID();
  db.prepare(
    `INSERT INTO outbox (client_id, mutation_id, name, args, idempotency_key, created_at, status, expires_at)
     VALUES (?, ?, ?, ?, ?, ?, 'pending', ?)`,
  ).run(clientId, row.mutationId, row.name, JSON.stringify(row.args), key, row.createdAt, row.expiresAt);
  return getOutboxEntry(db, row.mutationId) as OutboxEntry;
}

export function getOutboxEntry(db: Database, mutationId: number): OutboxEntry | null {
  const row = db.prepare('SELECT * FROM outbox WHERE mutation_id = ?').get(mutationId) as Row | undefined;
  return row ? toEntry(row) : null;
}

/** Mutations whose effect the UI must show: unsent ones, and applied ones the pull has not brought yet. */
export function activeMutations(db: Database): OutboxEntry[] {
  return (
    db
      .prepare(
        `SELECT * FROM outbox WHERE status IN ('pending', 'needs_confirmation') OR (status = 'applied' AND awaiting_pull = 1)
         ORDER BY mutation_id`,
      )
      .all() as Row[]
  ).map(toEntry);
}

/** What the user still has to see through: pending, waiting for confirmation, or rejected. */
export function visibleOutbox(db: Database): OutboxEntry[] {
  return (
    db
      .prepare(
        `SELECT * FROM outbox WHERE status IN ('pending', 'needs_confirmation', 'rejected') ORDER BY mutation_id`,
      )
      .all() as Row[]
  ).map(toEntry);
}

/** Pending mutations past their expiry wait for the user instead of being sent. */
export function expireOverdue(db: Database, now: string): number {
  return db
    .prepare(
      `UPDATE outbox SET status = 'needs_confirmation'
        WHERE status = 'pending' AND expires_at IS NOT NULL AND expires_at < ?`,
    )
    .run(now).changes;
}

/**
 * The next batch to send as `clientId`, in id order, as the push protocol's mutations. Changes
 * queued under another client id (another user or platform) wait for theirs; they never block.
 */
export function nextBatch(db: Database, limit: number, clientId: string): Mutation[] {
  const rows = db
    .prepare(`SELECT * FROM outbox WHERE status = 'pending' AND client_id = ? ORDER BY mutation_id LIMIT ?`)
    .all(clientId, limit) as Row[];
  return rows.map((r) => ({
    id: r.mutation_id,
    name: r.name,
    args: JSON.parse(r.args) as unknown,
    idempotencyKey: r.idempotency_key,
    // A confirmed mutation is sent as made at confirmation time: the user re-affirmed it then.
    createdAt: r.confirmed_at ?? r.created_at,
  }));
}

export function markSent(db: Database, ids: number[], now: string): void {
  const stmt = db.prepare('UPDATE outbox SET attempts = attempts + 1, sent_at = ? WHERE mutation_id = ?');
  for (const id of ids) stmt.run(now, id);
}

/**
 * A push of these pending mutations failed as a whole (unreachable, a 5xx, a broken answer): the
 * reason is kept on them so the outbox panel can say why a change is still waiting.
 */
export function noteSendFailure(db: Database, ids: readonly number[], reason: MutationRejection): void {
  const stmt = db.prepare(`UPDATE outbox SET reason = ? WHERE mutation_id = ? AND status = 'pending'`);
  const json = JSON.stringify(reason);
  db.transaction(() => {
    for (const id of ids) stmt.run(json, id);
  })();
}

export function markApplied(db: Database, id: number, result: unknown, now: string): void {
  db.prepare(
    `UPDATE outbox SET status = 'applied', awaiting_pull = 1, result = ?, settled_at = ?, reason = NULL
      WHERE mutation_id = ? AND status = 'pending'`,
  ).run(result === undefined ? null : JSON.stringify(result), now, id);
}

export function markRejected(db: Database, id: number, reason: MutationRejection, now: string): void {
  db.prepare(
    `UPDATE outbox SET status = 'rejected', reason = ?, settled_at = ? WHERE mutation_id = ? AND status = 'pending'`,
  ).run(JSON.stringify(reason), now, id);
}

/** A completed pull carries the effects of everything applied before it started. */
export function settlePulled(db: Database, pullStartedAt: string): void {
  db.prepare(`UPDATE outbox SET awaiting_pull = 0 WHERE awaiting_pull = 1 AND settled_at <= ?`).run(
    pullStartedAt,
  );
  db.prepare(
    `DELETE FROM outbox WHERE status IN ('applied', 'discarded') AND awaiting_pull = 0 AND mutation_id NOT IN
       (SELECT mutation_id FROM outbox WHERE status IN ('applied', 'discarded') ORDER BY mutation_id DESC LIMIT ?)`,
  ).run(HISTORY_ROWS);
}

/**
 * The user confirms an expired mutation: it gets a NEW mutation id (the server only takes ids
 * above its last one, and later mutations may have been sent meanwhile) but keeps its
 * idempotency key, so it still cannot take effect twice.
 */
export function confirmMutation(db: Database, id: number, now: string, expiresAt: string | null): number {
  const next = nextMutationId(db);
  db.prepare(
    `UPDATE outbox SET mutation_id = ?, status = 'pending', confirmed_at = ?, expires_at = ?, reason = NULL
      WHERE mutation_id = ?`,
  ).run(next, now, expiresAt, id);
  return next;
}

export function discardMutation(db: Database, id: number, now: string): void {
  db.prepare(`UPDATE outbox SET status = 'discarded', settled_at = ? WHERE mutation_id = ?`).run(now, id);
}
