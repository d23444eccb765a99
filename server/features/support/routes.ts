import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Pool } from 'pg';
import { listOf } from '../../../shared/api/directory';
import {
  SupportLink,
  SupportPromote,
  SupportReplyCreate,
  SupportRequestCreate,
  SupportRequestView,
  SupportResolve,
} from '../../../shared/features/support/api';
import { principalOf } from '../../auth/authenticate';
import { withTransaction } from '../../db/transaction';
import { errorResponses, IdParams } from '../../http/schemas';
import {
  createRequest,
  escalateRequest,
  getRequest,
  linkRequest,
  listRequests,
  promoteRequest,
  replyToRequest,
  resolveRequest,
} from './store';
import { withSla } from './sla-view';

/** Support intake's REST surface; the push mutations in mutations.ts call the same functions. */
export const supportRoutes: FastifyPluginAsyncZod<{ pool: Pool }> = async (app, { pool }) => {
  const tags = ['support'];
  const errors = { ...errorResponses, 422: errorResponses[409] };
  const reply = { 200: SupportRequestView, ...errors };

  app.get(
    '/v1/support/requests',
    { schema: { tags, response: { 200: listOf(SupportRequestView), ...errors } } },
    async () => {
      const now = new Date();
      return { items: (await listRequests(pool)).map((item) => withSla(item, now)) };
    },
  );

  app.post(
    '/v1/support/requests',
    {
      config: { idempotency: true },
      schema: { tags, body: SupportRequestCreate, response: { 201: SupportRequestView, ...errors } },
    },
    async (request, res) => {
      const created = await withTransaction(pool, (tx) =>
        createRequest(tx, principalOf(request), request.body),
      );
      return res.code(201).send(withSla(created));
    },
  );

  app.get(
    '/v1/support/requests/:id',
    { schema: { tags, params: IdParams, response: reply } },
    async (request) => withSla(await getRequest(pool, request.params.id)),
  );

  app.post(
    '/v1/support/requests/:id/replies',
    { schema: { tags, params: IdParams, body: SupportReplyCreate, response: reply } },
    async (request) =>
      withSla(
        await withTransaction(pool, (tx) =>
          replyToRequest(tx, principalOf(request), request.params.id, request.body),
        ),
      ),
  );

  app.post(
    '/v1/support/requests/:id/escalate',
    { schema: { tags, params: IdParams, response: reply } },
    async (request) =>
      withSla(
        await withTransaction(pool, (tx) => escalateRequest(tx, principalOf(request), request.params.id)),
      ),
  );

  app.post(
    '/v1/support/requests/:id/resolve',
    { schema: { tags, params: IdParams, body: SupportResolve, response: reply } },
    async (request) =>
      withSla(
        await withTransaction(pool, (tx) =>
          resolveRequest(tx, principalOf(request), request.params.id, request.body.resolution),
        ),
      ),
  );

  app.post(
    '/v1/support/requests/:id/link',
    { schema: { tags, params: IdParams, body: SupportLink, response: reply } },
    async (request) =>
      withSla(
        await withTransaction(pool, (tx) =>
          linkRequest(tx, principalOf(request), request.params.id, request.body.itemId),
        ),
      ),
  );

  app.post(
    '/v1/support/requests/:id/promote',
    { schema: { tags, params: IdParams, body: SupportPromote, response: reply } },
    async (request) =>
      withSla(
        await withTransaction(pool, (tx) =>
          promoteRequest(tx, principalOf(request), request.params.id, request.body),
        ),
      ),
  );
};
