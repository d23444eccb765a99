import type { Pool } from 'pg';
import { withTransaction } from '../db/transaction';

/**
 * Deletes tombstones last changed before `olderThan`, lowest seq first and at most `limit` of them,
 * and raises server_meta.min_seq to the highest pruned seq: a client whose cursor is below it may
 * have missed a delete, so it gets 409 resync_required instead of silently keeping a deleted row
 * (docs/architecture.md, "Sync and push"). The maintenance schedule calls it (server/maintenance).
 */
export async function pruneTombstones(
  pool: Pool,
  olderThan: Date,
  limit = 10_000,
): Promise<{ pruned: number; minSeq: number }> {
  return withTransaction(pool, async (tx) => {
    // Lock the meta row first so concurrent prunes raise min_seq one after the other.
    const meta = await tx.query<{ min_seq: number }>('SELECT min_seq FROM server_meta FOR UPDATE');
    const previous = meta.rows[0]?.min_seq ?? 0;
    const { rows } = await tx.query<{ seq: number }>(
      `DELETE FROM change_log WHERE seq IN (
         SELECT seq FROM change_log WHERE op = 'del' AND changed_at < $1 ORDER BY seq LIMIT $2
       ) RETURNING seq`,
      [olderThan, limit],
    );
    const minSeq = rows.reduce((max, row) => Math.max(max, row.seq), previous);
    if (minSeq !== previous) await tx.query('UPDATE server_meta SET min_seq = $1', [minSeq]);
    return { pruned: rows.length, minSeq };
  });
}
