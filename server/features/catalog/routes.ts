import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Pool } from 'pg';
import { listOf } from '../../../shared/api/directory';
import { Environment, Service, ServiceCreate, ServicePatch } from '../../../shared/features/catalog/api';
import { principalOf, requireRole } from '../../auth/authenticate';
import { listEnvironments } from './environments';
import { createService, deleteService, getService, listServices, updateService } from './store';
import { withTransaction } from '../../db/transaction';
import { errorResponses, IdParams, NoContent } from '../../http/schemas';

/** The service catalog and the environments services deploy to. */
export const catalogRoutes: FastifyPluginAsyncZod<{ pool: Pool }> = async (app, { pool }) => {
  const tags = ['catalog'];
  app.get(
    '/v1/environments',
    { schema: { tags, response: { 200: listOf(Environment), ...errorResponses } } },
    async () => ({ items: await listEnvironments(pool) }),
  );

  app.get(
    '/v1/services',
    { schema: { tags, response: { 200: listOf(Service), ...errorResponses } } },
    async () => ({ items: await listServices(pool) }),
  );

  app.post(
    '/v1/services',
    {
      preHandler: requireRole('admin'),
      schema: { tags, body: ServiceCreate, response: { 201: Service, ...errorResponses } },
    },
    async (request, reply) => {
      const actor = principalOf(request).userId;
      const service = await withTransaction(pool, (tx) => createService(tx, actor, request.body));
      return reply.code(201).send(service);
    },
  );

  app.get(
    '/v1/services/:id',
    { schema: { tags, params: IdParams, response: { 200: Service, ...errorResponses } } },
    async (request) => getService(pool, request.params.id),
  );

  app.patch(
    '/v1/services/:id',
    {
      preHandler: requireRole('admin'),
      schema: { tags, params: IdParams, body: ServicePatch, response: { 200: Service, ...errorResponses } },
    },
    async (request) => {
      const actor = principalOf(request).userId;
      return withTransaction(pool, (tx) => updateService(tx, actor, request.params.id, request.body));
    },
  );

  app.delete(
    '/v1/services/:id',
    {
      preHandler: requireRole('admin'),
      schema: { tags, params: IdParams, response: { 204: NoContent, ...errorResponses } },
    },
    async (request, reply) => {
      const actor = principalOf(request).userId;
      await withTransaction(pool, (tx) => deleteService(tx, actor, request.params.id));
      return reply.code(204).send();
    },
  );
};
