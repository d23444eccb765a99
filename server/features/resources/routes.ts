import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Pool } from 'pg';
import { z } from 'zod';
import { OperationAccepted } from '../../../shared/features/operations/api';
import {
  estimateResource,
  Resource,
  ResourceEstimate,
  ResourceEstimateQuery,
  ResourceKind,
  ResourceKindsAnswer,
  ResourceProvision,
} from '../../../shared/features/resources/api';
import { principalOf } from '../../auth/authenticate';
import { withTransaction } from '../../db/transaction';
// The header the REST Idempotency-Key wrapper reads (server/http/idempotency-route.ts).
const IDEMPOTENCY_HEADER = 'idempotency-key';
import { errorResponses, IdParams } from '../../http/schemas';
import { REDIS_NOT_CONFIGURED_MESSAGE, type ResourceConfig } from './config';
import { requestDeprovision, requestProvision } from './requests';
import { listResources } from './store';

const keyOf = (headers: Record<string, string | string[] | undefined>): string | null => {
  const value = headers[IDEMPOTENCY_HEADER];
  return typeof value === 'string' ? value : null;
};

export const resourceRoutes: FastifyPluginAsyncZod<{ pool: Pool; config: ResourceConfig }> = async (
  app,
  { pool, config },
) => {
  const tags = ['resources'];

  app.get(
    '/v1/resources/estimate',
    {
      schema: {
        tags,
        querystring: ResourceEstimateQuery,
        response: { 200: ResourceEstimate, ...errorResponses },
      },
    },
    async (request) => estimateResource(request.query.kind, request.query.size),
  );

  app.get(
    '/v1/resources/kinds',
    { schema: { tags, response: { 200: ResourceKindsAnswer, ...errorResponses } } },
    async () => ({
      items: ResourceKind.options.map((kind) => {
        const available = kind === 'postgres' || config.redisUrl !== null;
        return { kind, available, reason: available ? null : REDIS_NOT_CONFIGURED_MESSAGE };
      }),
    }),
  );

  app.get(
    '/v1/services/:id/resources',
    {
      schema: {
        tags,
        params: IdParams,
        response: { 200: z.object({ items: z.array(Resource) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await listResources(pool, request.params.id) }),
  );

  app.post(
    '/v1/services/:id/resources',
    {
      config: { idempotency: true },
      schema: {
        tags,
        params: IdParams,
        body: ResourceProvision,
        response: { 202: OperationAccepted.extend({ resourceId: z.string() }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const accepted = await withTransaction(pool, (tx) =>
        requestProvision(tx, principal, config, request.params.id, request.body, keyOf(request.headers)),
      );
      return reply.code(202).send(accepted);
    },
  );

  app.delete(
    '/v1/resources/:id',
    {
      config: { idempotency: true },
      schema: {
        tags,
        params: IdParams,
        response: { 202: OperationAccepted.extend({ resourceId: z.string() }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const accepted = await withTransaction(pool, (tx) =>
        requestDeprovision(tx, principal, request.params.id, keyOf(request.headers)),
      );
      return reply.code(202).send(accepted);
    },
  );
};
