import type { FastifyInstance } from 'fastify';
import type pg from 'pg';
import { buildApp, prepareDatabase, type AppOptions } from '../../../../server/app';
import { ADMIN_USER_ID } from '../../../../server/directory/admin-user';
import { issueToken } from '../../../../server/auth/tokens';
import { createPool } from '../../../../server/db/pool';
import { createTestDatabase } from '../../../harness/postgres';

export interface OperationsPlatform {
  url: string;
  pool: pg.Pool;
  databaseUrl: string;
  adminToken: string;
  app: FastifyInstance;
  close(): Promise<void>;
}

/** The real platform app on a fresh database, with the options issue 3 adds (Redis, worker tuning). */
export async function startOperationsPlatform(
  options: Omit<AppOptions, 'pool'> = {},
): Promise<OperationsPlatform> {
  const database = await createTestDatabase();
  const pool = createPool(database.url);
  await prepareDatabase(pool, { seed: 'none' });
  const adminToken = await issueToken(pool, ADMIN_USER_ID, 'test admin');
  const app = buildApp({ pool, operationsWorker: { pollMs: 200, leaseMs: 3000 }, ...options });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    pool,
    databaseUrl: database.url,
    adminToken,
    app,
    async close() {
      await app.close();
      await pool.end();
      await database.drop();
    },
  };
}
