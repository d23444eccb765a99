import type { Pool } from 'pg';
import { ApiErrorCode } from '../../shared/api/errors';
import type { ChangeEntry, ChangesPage, SyncEntity } from '../../shared/contract';
import { withTransaction, type Tx } from '../db/transaction';
import { ApiError } from '../http/api-error';
import { decodeCursor, encodeCursor } from './cursor';

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

const resync = (message: string) => new ApiError(409, ApiErrorCode.resyncRequired, message);

interface ChangeRow {
  seq: number;
  entity: SyncEntity;
  id: string;
  op: 'put' | 'del';
  data: unknown;
}

/** One page of changes after `cursor` (absent or empty = from the beginning). */
export async function readChanges(
  pool: Pool,
  cursor: string | undefined,
  limit: number,
): Promise<ChangesPage> {
  // REPEATABLE READ: the min_seq check and the page read see the same snapshot, so a concurrent
  // prune cannot remove tombstones between them.
  return withTransaction(
    pool,
    async (tx) => {
      const meta = await tx.query<{ epoch: string; min_seq: number; seq: number }>(
        'SELECT m.epoch, m.min_seq, c.seq FROM server_meta m CROSS JOIN sync_counter c',
      );
      const server = meta.rows[0];
      if (!server) throw new Error('server_meta or sync_counter row is missing');
      let after = 0;
      if (cursor) {
        const decoded = decodeCursor(cursor);
        if (!decoded) throw resync('the sync cursor is not valid; start a full resync');
        if (decoded.epoch !== server.epoch)
          throw resync('the server was reset (new epoch); start a full resync');
        if (decoded.seq < server.min_seq && decoded.floor < server.min_seq) {
          throw resync('the sync cursor is older than the retained change log; start a full resync');
        }
        after = decoded.seq;
      }
      const { rows } = await tx.query<ChangeRow>(
        'SELECT seq, entity, id, op, data FROM change_log WHERE seq > $1 ORDER BY seq LIMIT $2',
        [after, limit + 1],
      );
      const hasMore = rows.length > limit;
      const page = rows.slice(0, limit);
      // At the end of the log the client is consistent up to the counter of this snapshot, which
      // may be past the last row (superseded or pruned seqs).
      const last = hasMore ? (page.at(-1)?.seq ?? after) : Math.max(after, server.seq);
      return {
        changes: page.map((row) => ({ ...row, data: row.op === 'del' ? null : row.data }) as ChangeEntry),
        cursor: encodeCursor(server.epoch, last, server.min_seq),
        hasMore,
      };
    },
    'REPEATABLE READ',
  );
}

/** The highest committed seq (what an SSE client is told on connect). */
export async function currentSeq(pool: Pool): Promise<number> {
  const { rows } = await pool.query<{ seq: number }>('SELECT seq FROM sync_counter');
  return rows[0]?.seq ?? 0;
}
