import type { FastifyInstance } from 'fastify';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildApp, prepareDatabase, type AppOptions } from '../../server/app';
import { ADMIN_USER_ID } from '../../server/directory/admin-user';
import { issueToken } from '../../server/auth/tokens';
import { createPool } from '../../server/db/pool';
import { createTestDatabase } from './postgres';

export interface TestPlatform {
  url: string; // http://127.0.0.1:PORT (the port stays the same across stop/start)
  adminToken: string;
  databaseUrl: string;
  dataDir: string; // the platform data dir (service repositories, runtime), removed on close
  stop(): Promise<void>; // close the HTTP server only (clients see it unreachable); data stays
  start(): Promise<void>; // listen again on the same port
  close(): Promise<void>; // stop + drop the database
}

/** The real platform API in-process, on a fresh database of the run's embedded PostgreSQL. */
export async function startTestPlatform(
  opts: { seed?: 'demo' | 'none' } & Omit<Partial<AppOptions>, 'pool' | 'dataDir'> = {},
): Promise<TestPlatform> {
  const { seed, ...appOptions } = opts;
  const database = await createTestDatabase();
  const pool = createPool(database.url);
  await prepareDatabase(pool, { seed: seed ?? 'none' });
  const adminToken = await issueToken(pool, ADMIN_USER_ID, 'test admin');
  const dataDir = await mkdtemp(path.join(tmpdir(), 'pave-platform-'));

  let app: FastifyInstance | null = null;
  let port = 0;
  const start = async () => {
    if (app) return;
    // A Fastify instance cannot listen again after close(), so each start builds a fresh one.
    const next = buildApp({ ...appOptions, dataDir, pool });
    await next.listen({ host: '127.0.0.1', port });
    const address = next.server.address();
    if (typeof address === 'object' && address) port = address.port;
    app = next;
  };
  const stop = async () => {
    const current = app;
    app = null;
    await current?.close();
  };
  await start();

  return {
    url: `http://127.0.0.1:${port}`,
    adminToken,
    databaseUrl: database.url,
    dataDir,
    stop,
    start,
    async close() {
      await stop();
      await pool.end();
      await database.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
