import type { Pool } from 'pg';
import { IDEMPOTENCY_TTL_HOURS } from '../idempotency/idempotency';

/**
 * Deletes Idempotency-Key records past their 24 h lifetime, oldest first, at most `limit`: an
 * expired key is already taken over as new on reuse, so its row only takes space.
 */
export async function pruneIdempotencyKeys(pool: Pool, limit: number): Promise<number> {
  const { rowCount } = await pool.query(
    `DELETE FROM idempotency_keys WHERE ctid IN (
       SELECT ctid FROM idempotency_keys
        WHERE created_at < now() - make_interval(hours => $1)
        ORDER BY created_at LIMIT $2
     )`,
    [IDEMPOTENCY_TTL_HOURS, limit],
  );
  return rowCount ?? 0;
}
