import type { Pool } from 'pg';

/**
 * Keeps each client's newest `keep` push results and deletes older ones, at most `limit` rows.
 * A result is only ever read again when a client resends a batch whose response it lost, and a
 * client pushes one batch (≤ 100 mutations) at a time, so everything below its newest `keep`
 * (≥ one batch) is never asked for. client_state itself (last_mutation_id) is kept: it is what
 * makes each mutation id apply exactly once (docs/architecture.md, "Sync and push").
 */
export async function pruneMutationResults(pool: Pool, keep: number, limit: number): Promise<number> {
  const { rowCount } = await pool.query(
    `WITH cutoff AS (
       SELECT c.client_id, newest.mutation_id AS upto
         FROM client_state c
         CROSS JOIN LATERAL (
           SELECT mutation_id FROM mutation_results r
            WHERE r.client_id = c.client_id ORDER BY mutation_id DESC OFFSET $1 LIMIT 1
         ) newest
     ), doomed AS (
       SELECT r.client_id, r.mutation_id
         FROM cutoff JOIN mutation_results r
           ON r.client_id = cutoff.client_id AND r.mutation_id <= cutoff.upto
        LIMIT $2
     )
     DELETE FROM mutation_results r USING doomed d
      WHERE r.client_id = d.client_id AND r.mutation_id = d.mutation_id`,
    [keep, limit],
  );
  return rowCount ?? 0;
}
