import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { prepareDatabase } from '../../server/app';
import { startEmbeddedPostgres } from '../../server/db/embedded-postgres';
import { createPool } from '../../server/db/pool';
import { postgresTree } from './process-memory';

/** A throwaway embedded PostgreSQL with the platform's schema, for one benchmark. */
export interface BenchDatabase {
  dir: string;
  /** The database's connection string (for a platform process of its own). */
  url: string;
  pool: pg.Pool;
  /** The cluster's postmaster and backends, for memory figures. */
  postgresPids(): number[];
  close(): Promise<void>;
}

export async function startBenchDatabase(name: string): Promise<BenchDatabase> {
  const dir = await mkdtemp(join(tmpdir(), `pave-bench-${name}-`));
  const cluster = await startEmbeddedPostgres({
    databaseDir: join(dir, 'postgres'),
    password: 'bench',
    // Durability is not what a benchmark measures.
    settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' },
  });
  const admin = new pg.Client({ connectionString: cluster.adminUrl });
  await admin.connect();
  await admin.query('CREATE DATABASE pave_bench');
  await admin.end();
  const url = new URL(cluster.adminUrl);
  url.pathname = '/pave_bench';
  const pool = createPool(url.toString());
  await prepareDatabase(pool, { seed: 'none' });
  return {
    dir,
    url: url.toString(),
    pool,
    postgresPids: () => postgresTree(join(dir, 'postgres')),
    async close() {
      await pool.end();
      await cluster.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
