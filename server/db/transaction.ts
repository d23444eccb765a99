import type { Pool, PoolClient } from 'pg';

/** A client inside an open transaction; functions that take one never commit or roll back. */
export type Tx = PoolClient;

/** Runs `work` in one transaction: commit on success, rollback on any throw. */
export async function withTransaction<T>(
  pool: Pool,
  work: (tx: Tx) => Promise<T>,
  isolation: 'READ COMMITTED' | 'REPEATABLE READ' = 'READ COMMITTED',
): Promise<T> {
  const client = await pool.connect();
  // A connection that dies mid-transaction emits 'error' on the checked-out client; unheard, Node
  // turns it into a process crash. The running query rejects on its own; the broken connection is
  // destroyed on release instead of going back to the pool.
  let broken: Error | undefined;
  const onError = (error: Error) => {
    broken = error;
  };
  client.on('error', onError);
  try {
    await client.query(`BEGIN ISOLATION LEVEL ${isolation}`);
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.off('error', onError);
    client.release(broken);
  }
}
