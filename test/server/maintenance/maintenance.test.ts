import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPool } from '../../../server/db/pool';
import { withTransaction } from '../../../server/db/transaction';
import { ADMIN_USER_ID } from '../../../server/directory/admin-user';
import {
  defaultMaintenance,
  runMaintenance,
  startMaintenance,
} from '../../../server/maintenance/maintenance';
import { pruneIdempotencyKeys } from '../../../server/maintenance/prune-idempotency-keys';
import { pruneMutationResults } from '../../../server/maintenance/prune-mutation-results';
import { recordChange } from '../../../server/sync/change-log';
import { pruneTombstones } from '../../../server/sync/prune';
import { startTestPlatform, type TestPlatform } from '../../harness/platform';
import { waitFor } from '../../harness/wait-for';

// Issue 13, finding 10: mutation_results, tombstones and idempotency keys were never pruned.
let platform: TestPlatform;
let pool: Pool;

beforeAll(async () => {
  platform = await startTestPlatform({ maintenance: false });
  pool = createPool(platform.databaseUrl, 3);
});
afterAll(async () => {
  await pool?.end();
  await platform?.close();
});

async function tombstones(count: number, prefix: string): Promise<number[]> {
  return withTransaction(pool, async (tx) => {
    const seqs: number[] = [];
    for (let i = 0; i < count; i++) seqs.push(await recordChange(tx, 'team', `${prefix}-${i}`, 'del', null));
    return seqs;
  });
}
const count = async (sql: string, params: unknown[] = []) =>
  Number((await pool.query<{ n: string }>(sql, params)).rows[0]?.n);

async function pushResults(clientId: string, ids: number): Promise<void> {
  await pool.query('INSERT INTO client_state (client_id, user_id, last_mutation_id) VALUES ($1, $2, $3)', [
    clientId,
    ADMIN_USER_ID,
    ids,
  ]);
  await pool.query(
    `INSERT INTO mutation_results (client_id, mutation_id, name, status)
     SELECT $1, g, 'service.update', 'applied' FROM generate_series(1, $2::int) g`,
    [clientId, ids],
  );
}

describe('pruning', () => {
  it('drops old tombstones lowest seq first, bounded per run, and raises min_seq to the last one dropped', async () => {
    const seqs = await tombstones(5, 'gone');
    const first = await pruneTombstones(pool, new Date(Date.now() + 60_000), 3);
    expect(first).toEqual({ pruned: 3, minSeq: seqs[2] });
    expect(await count(`SELECT count(*) AS n FROM change_log WHERE op = 'del'`)).toBe(2);
    const second = await pruneTombstones(pool, new Date(Date.now() + 60_000), 3);
    expect(second).toEqual({ pruned: 2, minSeq: seqs[4] });
    // Recent tombstones stay.
    await tombstones(1, 'recent');
    expect((await pruneTombstones(pool, new Date(Date.now() - 60_000), 3)).pruned).toBe(0);
    await pool.query(`DELETE FROM change_log WHERE op = 'del'`);
  });

  it("keeps each client's newest push results, enough to answer a resent batch, bounded per run", async () => {
    const busy = randomUUID();
    const quiet = randomUUID();
    await pushResults(busy, 250);
    await pushResults(quiet, 20);
    expect(await pruneMutationResults(pool, 100, 60)).toBe(60);
    expect(await pruneMutationResults(pool, 100, 1000)).toBe(90);
    expect(await pruneMutationResults(pool, 100, 1000)).toBe(0);
    const kept = await pool.query<{ min: number; max: number; n: number }>(
      'SELECT min(mutation_id), max(mutation_id), count(*) AS n FROM mutation_results WHERE client_id = $1',
      [busy],
    );
    expect(kept.rows[0]).toEqual({ min: 151, max: 250, n: 100 });
    expect(await count('SELECT count(*) AS n FROM mutation_results WHERE client_id = $1', [quiet])).toBe(20);
    // last_mutation_id, which makes every id apply once, is never pruned.
    expect(await count('SELECT last_mutation_id AS n FROM client_state WHERE client_id = $1', [busy])).toBe(
      250,
    );
  });

  it('deletes expired Idempotency-Keys only, oldest first, bounded per run', async () => {
    await pool.query(
      `INSERT INTO idempotency_keys (user_id, key, fingerprint, state, response_status, created_at)
       SELECT $1, 'old-' || g, 'f', 'done', 201, now() - interval '25 hours' - g * interval '1 minute'
         FROM generate_series(1, 5) g`,
      [ADMIN_USER_ID],
    );
    await pool.query(
      `INSERT INTO idempotency_keys (user_id, key, fingerprint, state) VALUES ($1, 'fresh', 'f', 'running')`,
      [ADMIN_USER_ID],
    );
    expect(await pruneIdempotencyKeys(pool, 2)).toBe(2);
    // The two oldest went first.
    expect(await count(`SELECT count(*) AS n FROM idempotency_keys WHERE key IN ('old-4', 'old-5')`)).toBe(0);
    expect(await pruneIdempotencyKeys(pool, 10)).toBe(3);
    expect(await count('SELECT count(*) AS n FROM idempotency_keys')).toBe(1);
  });

  it('runs all three in one maintenance run', async () => {
    await tombstones(2, 'run');
    await pushResults(randomUUID(), 3);
    const report = await runMaintenance(
      pool,
      { ...defaultMaintenance, tombstoneRetentionMs: 0, keepMutationResults: 1 },
      new Date(Date.now() + 60_000),
    );
    expect(report).toMatchObject({ tombstones: 2, idempotencyKeys: 0 });
    expect(report.mutationResults).toBeGreaterThanOrEqual(2);
  });
});

describe('the schedule', () => {
  it('runs every interval until stopped, and nothing runs after stop', async () => {
    const own = createPool(platform.databaseUrl, 1);
    const runs: number[] = [];
    const failures: string[] = [];
    const log = { info: () => {}, warn: (_: unknown, message: string) => failures.push(message) };
    const options = { ...defaultMaintenance, intervalMs: 10, tombstoneRetentionMs: 0 };
    const schedule = startMaintenance(own, options, log, (report) => runs.push(report.tombstones));
    await tombstones(1, 'scheduled');
    await waitFor(() => count(`SELECT count(*) AS n FROM change_log WHERE op = 'del'`).then((n) => n === 0), {
      what: 'the scheduled prune of a tombstone',
    });
    await schedule.stop();
    const stoppedAfter = runs.length;
    // Any run of the stopped schedule would now fail on its ended pool and log a warning. A second
    // schedule on the same cadence completing three runs gives it every chance to.
    await own.end();
    let witnessRuns = 0;
    const witness = startMaintenance(pool, options, log, () => witnessRuns++);
    await waitFor(() => witnessRuns >= 3, { what: 'three runs of a second schedule' });
    await witness.stop();
    expect(runs.length).toBe(stoppedAfter);
    expect(failures).toEqual([]);
  });

  it('is started by the platform and stopped when it closes', async () => {
    const live = await startTestPlatform({ maintenance: { intervalMs: 20, tombstoneRetentionMs: 0 } });
    const livePool = createPool(live.databaseUrl, 2);
    try {
      const seq = await withTransaction(livePool, (tx) =>
        recordChange(tx, 'team', 'pruned-live', 'del', null),
      );
      const minSeq = await waitFor(
        async () => {
          const { rows } = await livePool.query<{ min_seq: number }>('SELECT min_seq FROM server_meta');
          return (rows[0]?.min_seq ?? 0) >= seq ? rows[0]!.min_seq : null;
        },
        { what: 'min_seq raised by the platform’s own schedule' },
      );
      expect(minSeq).toBe(seq);
    } finally {
      await livePool.end();
      // close() stops the schedule before its pool ends: an unstopped timer would query a closed pool.
      await live.close();
    }
  });
});
