import type { Pool } from 'pg';
import { ApiErrorCode } from '../../shared/api/errors';
import type { SyncEntity } from '../../shared/contract';
import { withTransaction, type Tx } from '../db/transaction';
import { ApiError } from '../http/api-error';
import { changesPageJson, type ChangeRowText } from './changes-page-json';
import { decodeCursor, encodeCursor } from './cursor';
import type { Principal } from '../auth/tokens';
import { changeDataSql, scopeFingerprint, visibleChangeSql } from './sync-scope';

export const CHANGES_CHANNEL = 'pave_changes';

/**
 * Logs a write to a synced entity. Call it in the SAME transaction as the write: the counter row
 * lock serializes writers until commit, so seq order is commit order and a reader paging by seq
 * never skips a lower seq that commits late. One row per (entity, id): the newest state (or a
 * tombstone) replaces the older entry.
 */
export async function recordChange(
  tx: Tx,
  entity: SyncEntity,
  id: string,
  op: 'put' | 'del',
  data: object | null,
): Promise<number> {
  const { rows } = await tx.query<{ seq: number }>('UPDATE sync_counter SET seq = seq + 1 RETURNING seq');
  const seq = rows[0]?.seq;
  if (seq === undefined) throw new Error('sync_counter row is missing');
  await tx.query(
    `INSERT INTO change_log (entity, id, seq, op, data, changed_at) VALUES ($1, $2, $3, $4, $5, now())
     ON CONFLICT (entity, id) DO UPDATE
       SET seq = EXCLUDED.seq, op = EXCLUDED.op, data = EXCLUDED.data, changed_at = EXCLUDED.changed_at`,
    [entity, id, seq, op, op === 'del' ? null : JSON.stringify(data)],
  );
  // Delivered at commit only, to every server process LISTENing (see change-notifier.ts).
  await tx.query('SELECT pg_notify($1, $2)', [CHANGES_CHANNEL, String(seq)]);
  return seq;
}

/**
 * `recordChange` for many rows of one entity at once (a seed, a bulk import): one counter update
 * and one multi-row insert instead of three statements per row; same rules, same transaction.
 */
export async function recordChanges(
  tx: Tx,
  entity: SyncEntity,
  rows: readonly { id: string; data: object }[],
): Promise<void> {
  if (rows.length === 0) return;
  const { rows: counter } = await tx.query<{ seq: number }>(
    'UPDATE sync_counter SET seq = seq + $1 RETURNING seq',
    [rows.length],
  );
  const last = counter[0]?.seq;
  if (last === undefined) throw new Error('sync_counter row is missing');
  const first = last - rows.length + 1;
  await tx.query(
    `INSERT INTO change_log (entity, id, seq, op, data, changed_at)
     SELECT $1, r.id, r.seq, 'put', r.data, now() FROM unnest($2::text[], $3::bigint[], $4::jsonb[]) AS r (id, seq, data)
     ON CONFLICT (entity, id) DO UPDATE
       SET seq = EXCLUDED.seq, op = EXCLUDED.op, data = EXCLUDED.data, changed_at = EXCLUDED.changed_at`,
    [entity, rows.map((r) => r.id), rows.map((_, i) => first + i), rows.map((r) => JSON.stringify(r.data))],
  );
  await tx.query('SELECT pg_notify($1, $2)', [CHANGES_CHANNEL, String(last)]);
}

const resync = (message: string) => new ApiError(409, ApiErrorCode.resyncRequired, message);

interface ServerMeta {
  epoch: string;
  min_seq: number;
  seq: number;
}

async function readServerMeta(db: Pick<Tx, 'query'>): Promise<ServerMeta> {
  const meta = await db.query<ServerMeta>(
    'SELECT m.epoch, m.min_seq, c.seq FROM server_meta m CROSS JOIN sync_counter c',
  );
  const server = meta.rows[0];
  if (!server) throw new Error('server_meta or sync_counter row is missing');
  return server;
}

/** The seq a cursor stands at, or 409 resync_required when this server cannot honour it. */
function checkCursor(cursor: string, server: ServerMeta, scope: string): number {
  const decoded = decodeCursor(cursor);
  if (!decoded) throw resync('the sync cursor is not valid; start a full resync');
  if (decoded.epoch !== server.epoch) throw resync('the server was reset (new epoch); start a full resync');
  if (decoded.seq < server.min_seq && decoded.floor < server.min_seq) {
    throw resync('the sync cursor is older than the retained change log; start a full resync');
  }
  if (decoded.scope !== scope) {
    throw resync('your role or teams changed, so what you may see changed; start a full resync');
  }
  return decoded.seq;
}

/**
 * One page of changes after `cursor` (absent or empty = from the beginning), as the JSON text of a
 * `ChangesPage`: `data` is read as stored text and spliced in, never parsed and re-encoded.
 */
export async function readChanges(
  pool: Pool,
  cursor: string | undefined,
  limit: number,
  reader: Principal,
): Promise<string> {
  const scope = scopeFingerprint(reader);
  // Nothing new (the usual answer to a client that is up to date): one statement, no transaction.
  // The counter is taken in every change's transaction, so a seq at or past it means no change
  // after the cursor has committed; the cursor's checks are the same as below.
  if (cursor) {
    const server = await readServerMeta(pool);
    const after = checkCursor(cursor, server, scope);
    if (after >= server.seq)
      return changesPageJson([], encodeCursor(server.epoch, after, server.min_seq, scope), false);
  }
  // REPEATABLE READ: the min_seq check and the page read see the same snapshot, so a concurrent
  // prune cannot remove tombstones between them.
  return withTransaction(
    pool,
    async (tx) => {
      const server = await readServerMeta(tx);
      const after = cursor ? checkCursor(cursor, server, scope) : 0;
      // Paged over the raw log, then filtered to what the reader may see (sync-scope.ts): the
      // cursor advances past rows filtered out, so a page may be empty yet make progress.
      const params: unknown[] = [after, limit + 1];
      const param = (value: unknown) => `$${params.push(value)}`;
      const { rows } = await tx.query<ChangeRowText & { visible: boolean }>(
        `SELECT c.seq, c.entity, c.id, c.op, ${changeDataSql(reader, param)} AS data,
                ${visibleChangeSql(reader, param)} AS visible
           FROM (SELECT * FROM change_log WHERE seq > $1 ORDER BY seq LIMIT $2) c ORDER BY c.seq`,
        params,
      );
      const hasMore = rows.length > limit;
      const raw = rows.slice(0, limit);
      const page = raw.filter((row) => row.visible);
      // At the end of the log the client is consistent up to the counter of this snapshot, which
      // may be past the last row (superseded or pruned seqs).
      const last = hasMore ? (raw.at(-1)?.seq ?? after) : Math.max(after, server.seq);
      return changesPageJson(page, encodeCursor(server.epoch, last, server.min_seq, scope), hasMore);
    },
    'REPEATABLE READ',
  );
}

/** The highest committed seq (what an SSE client is told on connect). */
export async function currentSeq(pool: Pool): Promise<number> {
  const { rows } = await pool.query<{ seq: number }>('SELECT seq FROM sync_counter');
  return rows[0]?.seq ?? 0;
}
