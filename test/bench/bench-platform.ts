import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Pool } from 'pg';
import { buildApp, prepareDatabase, type AppOptions } from '../../server/app';
import { issueToken } from '../../server/auth/tokens';
import { ADMIN_USER_ID } from '../../server/directory/admin-user';
import { startEmbeddedPostgres } from '../../server/db/embedded-postgres';
import { createPool } from '../../server/db/pool';

export interface BenchPlatform {
  dir: string;
  base: string;
  token: string;
  pool: Pool;
  /** JSON in, JSON out as the admin; a non-2xx answer throws with its body. */
  call(method: string, path: string, body?: unknown): Promise<Record<string, unknown>>;
  close(): Promise<void>;
}

/**
 * A real platform for the process benchmarks: its own embedded PostgreSQL cluster and data dir
 * in a temp folder, an empty org, an admin token. `close()` removes all of it.
 */
export async function startBenchPlatform(
  name: string,
  options: Omit<AppOptions, 'pool' | 'dataDir'> = {},
): Promise<BenchPlatform> {
  const dir = await mkdtemp(join(tmpdir(), `pave-bench-${name}-`));
  const cluster = await startEmbeddedPostgres({ databaseDir: join(dir, 'postgres'), password: 'bench' });
  const database = `pave_${name.replace(/-/g, '_')}`;
  const admin = new pg.Client({ connectionString: cluster.adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  await admin.end();
  const url = new URL(cluster.adminUrl);
  url.pathname = `/${database}`;
  const pool = createPool(url.toString());
  await prepareDatabase(pool, { seed: 'none' });
  const app = buildApp({ ...options, pool, dataDir: join(dir, 'platform') });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('platform has no port');
  const base = `http://127.0.0.1:${address.port}`;
  const token = await issueToken(pool, ADMIN_USER_ID, 'bench');
  return {
    dir,
    base,
    token,
    pool,
    async call(method, path, body) {
      const response = await fetch(`${base}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
        body: body ? JSON.stringify(body) : undefined,
      });
      const json = (await response.json()) as Record<string, unknown>;
      if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${JSON.stringify(json)}`);
      return json;
    },
    async close() {
      await app.close();
      await pool.end();
      await cluster.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** The median of the measured runs (0 when none ran). */
export { median as medianOf } from '../../shared/domain/metrics/median';
