import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app';
import { ADMIN_USER_ID, prepareDatabase } from '../../server/bootstrap';
import { issueToken } from '../../server/auth/tokens';
import { createPool } from '../../server/db/pool';
import { createTestDatabase } from './postgres';

export interface TestPlatform {
  url: string; // http://127.0.0.1:PORT (the port stays the same across stop/start)
  adminToken: string;
  databaseUrl: string;
  stop(): Promise<void>; // close the HTTP server only (clients see it unreachable); data stays
  start(): Promise<void>; // listen again on the same port
  close(): Promise<void>; // stop + drop the database
}

/** The real platform API in-process, on a fresh database of the run's embedded PostgreSQL. */
export async function startTestPlatform(opts: { seed?: 'demo' | 'none' } = {}): Promise<TestPlatform> {
  const database = await createTestDatabase();
  const pool = createPool(database.url);
  await prepareDatabase(pool, { seed: opts.seed ?? 'none' });
  const adminToken = await issueToken(pool, ADMIN_USER_ID, 'test admin');

  let app: FastifyInstance | null = null;
  let port = 0;
  const start = async () => {
    if (app) return;
    // A Fastify instance cannot listen again after close(), so each start builds a fresh one.
    const next = buildApp({ pool });
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
    stop,
    start,
    async close() {
      await stop();
      await pool.end();
      await database.drop();
    },
  };
}
