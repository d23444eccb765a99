import type { FastifyInstance } from 'fastify';
import type { Pool } from 'pg';
import { buildApp, prepareDatabase } from '../../../server/app';
import { issueToken } from '../../../server/auth/tokens';
import { ADMIN_USER_ID } from '../../../server/directory/admin-user';
import { createPool } from '../../../server/db/pool';
import type { MutationDefinition } from '../../../server/sync/mutation-registry';
import { createTestDatabase } from '../../harness/postgres';

export interface Reply {
  status: number;
  body: unknown;
  headers: Record<string, unknown>;
}

/**
 * The real platform app on a fresh database, driven with inject() so a test can add its own
 * mutations and routes before it is ready.
 */
export async function startPushPlatform(
  opts: { mutations?: readonly MutationDefinition[]; routes?: (app: FastifyInstance) => void } = {},
) {
  const database = await createTestDatabase();
  const pool: Pool = createPool(database.url);
  await prepareDatabase(pool, { seed: 'none' });
  const adminToken = await issueToken(pool, ADMIN_USER_ID, 'test admin');
  const app = buildApp({ pool, ...(opts.mutations ? { mutations: opts.mutations } : {}) });
  opts.routes?.(app);
  await app.ready();

  const call = async (
    token: string,
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    payload?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Reply> => {
    const res = await app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${token}`, ...headers },
      ...(payload !== undefined ? { payload: payload as object } : {}),
    });
    return {
      status: res.statusCode,
      body: res.body ? (JSON.parse(res.body) as unknown) : null,
      headers: res.headers,
    };
  };
  const admin = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) =>
    call(adminToken, method, url, payload);

  let counter = 0;
  return {
    app,
    pool,
    adminToken,
    call,
    admin,
    async team(slug: string): Promise<string> {
      const res = await admin('POST', '/v1/teams', { slug, name: slug });
      return (res.body as { id: string }).id;
    },
    async user(
      role: 'engineer' | 'lead' | 'admin',
      teamIds: string[],
    ): Promise<{ id: string; token: string }> {
      counter += 1;
      const res = await admin('POST', '/v1/users', {
        name: `User ${counter}`,
        email: `user${counter}@example.test`,
        role,
        teamIds,
      });
      const id = (res.body as { id: string }).id;
      const token = await admin('POST', `/v1/users/${id}/tokens`, { name: 'test' });
      return { id, token: (token.body as { token: string }).token };
    },
    async service(name: string, ownerTeamId: string): Promise<string> {
      const res = await admin('POST', '/v1/services', { name, title: name, ownerTeamId });
      return (res.body as { id: string }).id;
    },
    async close() {
      await app.close();
      await pool.end();
      await database.drop();
    },
  };
}
