import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Pool } from 'pg';
import { listOf } from '../../../shared/api/directory';
import { Flag, FlagCreate, FlagUpdate } from '../../../shared/features/flags/api';
import { principalOf } from '../../auth/authenticate';
import { withTransaction } from '../../db/transaction';
import { notFound } from '../../http/api-error';
import { errorResponses, IdParams, NoContent } from '../../http/schemas';
import { createFlag, deleteFlag, getFlag, listFlags, updateFlag } from './store';

/**
 * Flags' REST surface for people and scripts; the push mutations (mutations.ts) call the same
 * store functions. Anyone signed in reads; the store checks who may change a service's flags.
 */
export const flagsRoutes: FastifyPluginAsyncZod<{ pool: Pool }> = async (app, { pool }) => {
  const tags = ['flags'];

  app.get(
    '/v1/services/:id/flags',
    { schema: { tags, params: IdParams, response: { 200: listOf(Flag), ...errorResponses } } },
    async (request) => {
      const { rowCount } = await pool.query('SELECT 1 FROM services WHERE id = $1', [request.params.id]);
      if (!rowCount) throw notFound(`service ${request.params.id}`);
      return { items: await listFlags(pool, request.params.id) };
    },
  );

  app.post(
    '/v1/services/:id/flags',
    {
      config: { idempotency: true },
      schema: { tags, params: IdParams, body: FlagCreate, response: { 201: Flag, ...errorResponses } },
    },
    async (request, reply) => {
      const flag = await withTransaction(pool, (tx) =>
        createFlag(tx, principalOf(request), request.params.id, request.body),
      );
      return reply.code(201).send(flag);
    },
  );

  app.get(
    '/v1/flags/:id',
    { schema: { tags, params: IdParams, response: { 200: Flag, ...errorResponses } } },
    async (request) => getFlag(pool, request.params.id),
  );

  app.patch(
    '/v1/flags/:id',
    {
      config: { idempotency: true },
      schema: { tags, params: IdParams, body: FlagUpdate, response: { 200: Flag, ...errorResponses } },
    },
    async (request) =>
      withTransaction(pool, (tx) => updateFlag(tx, principalOf(request), request.params.id, request.body)),
  );

  app.delete(
    '/v1/flags/:id',
    {
      config: { idempotency: true },
      schema: { tags, params: IdParams, response: { 204: NoContent, ...errorResponses } },
    },
    async (request, reply) => {
      await withTransaction(pool, (tx) => deleteFlag(tx, principalOf(request), request.params.id));
      return reply.code(204).send();
    },
  );
};
