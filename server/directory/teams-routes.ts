import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Pool } from 'pg';
import { listOf, Team, TeamCreate, TeamPatch } from '../../shared/api/directory';
import { principalOf, requireRole } from '../auth/authenticate';
import { createTeam, deleteTeam, getTeam, listTeams, updateTeam } from './teams';
import { withTransaction } from '../db/transaction';
import { errorResponses, IdParams, NoContent } from '../http/schemas';

export const teamRoutes: FastifyPluginAsyncZod<{ pool: Pool }> = async (app, { pool }) => {
  const tags = ['catalog'];
  app.get(
    '/v1/teams',
    { schema: { tags, response: { 200: listOf(Team), ...errorResponses } } },
    async () => ({
      items: await listTeams(pool),
    }),
  );

  app.post(
    '/v1/teams',
    {
      preHandler: requireRole('admin'),
      schema: { tags, body: TeamCreate, response: { 201: Team, ...errorResponses } },
    },
    async (request, reply) => {
      const actor = principalOf(request).userId;
      const team = await withTransaction(pool, (tx) => createTeam(tx, actor, request.body));
      return reply.code(201).send(team);
    },
  );

  app.get(
    '/v1/teams/:id',
    { schema: { tags, params: IdParams, response: { 200: Team, ...errorResponses } } },
    async (request) => getTeam(pool, request.params.id),
  );

  app.patch(
    '/v1/teams/:id',
    {
      preHandler: requireRole('admin'),
      schema: { tags, params: IdParams, body: TeamPatch, response: { 200: Team, ...errorResponses } },
    },
    async (request) => {
      const actor = principalOf(request).userId;
      return withTransaction(pool, (tx) => updateTeam(tx, actor, request.params.id, request.body));
    },
  );

  app.delete(
    '/v1/teams/:id',
    {
      preHandler: requireRole('admin'),
      schema: { tags, params: IdParams, response: { 204: NoContent, ...errorResponses } },
    },
    async (request, reply) => {
      const actor = principalOf(request).userId;
      await withTransaction(pool, (tx) => deleteTeam(tx, actor, request.params.id));
      return reply.code(204).send();
    },
  );
};
