import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Pool } from 'pg';
import { listOf, TokenCreate, TokenCreated, User, UserCreate, UserPatch } from '../../shared/api/directory';
import { writeAudit } from '../audit/audit-log';
import { principalOf, requireRole } from '../auth/authenticate';
import { userForReader } from '../auth/roles';
import { issueToken } from '../auth/tokens';
import { createUser, getUser, listUsers, updateUser } from './users';
import { withTransaction } from '../db/transaction';
import { errorResponses, IdParams } from '../http/schemas';

export const userRoutes: FastifyPluginAsyncZod<{ pool: Pool }> = async (app, { pool }) => {
  const tags = ['users'];
  app.get(
    '/v1/users',
    { schema: { tags, response: { 200: listOf(User), ...errorResponses } } },
    async (request) => {
      const reader = principalOf(request);
      return { items: (await listUsers(pool)).map((user) => userForReader(reader, user)) };
    },
  );

  app.post(
    '/v1/users',
    {
      preHandler: requireRole('admin'),
      schema: { tags, body: UserCreate, response: { 201: User, ...errorResponses } },
    },
    async (request, reply) => {
      const actor = principalOf(request).userId;
      const user = await withTransaction(pool, (tx) => createUser(tx, actor, request.body));
      return reply.code(201).send(user);
    },
  );

  app.patch(
    '/v1/users/:id',
    {
      preHandler: requireRole('admin'),
      schema: { tags, params: IdParams, body: UserPatch, response: { 200: User, ...errorResponses } },
    },
    async (request) => {
      const actor = principalOf(request).userId;
      return withTransaction(pool, (tx) => updateUser(tx, actor, request.params.id, request.body));
    },
  );

  app.post(
    '/v1/users/:id/tokens',
    {
      preHandler: requireRole('admin'),
      schema: {
        tags,
        params: IdParams,
        body: TokenCreate.optional(),
        response: { 201: TokenCreated, ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = principalOf(request).userId;
      const name = request.body?.name ?? 'token';
      const token = await withTransaction(pool, async (tx) => {
        await getUser(tx, request.params.id);
        const issued = await issueToken(tx, request.params.id, name);
        // The audit row names the token, never its value.
        await writeAudit(tx, actor, 'token.issue', 'user', request.params.id, { name });
        return issued;
      });
      return reply.code(201).send({ token });
    },
  );
};
