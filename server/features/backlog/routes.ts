import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Pool } from 'pg';
import {
  BacklogItem,
  BacklogItemCreate,
  BacklogItemPatch,
  BacklogMove,
  BacklogWeights,
  BacklogWeightsPatch,
  DemandParams,
} from '../../../shared/features/backlog/api';
import { listOf } from '../../../shared/api/directory';
import { principalOf } from '../../auth/authenticate';
import { withTransaction } from '../../db/transaction';
import { errorResponses, IdParams, NoContent } from '../../http/schemas';
import { createItem, getItem, listItems, moveBacklogItem, setItemDemand, updateItem } from './store';
import { deleteItem } from './delete-item';
import type { BacklogExtensions } from './public';
import { getWeights, setWeights } from './weights';

/** The backlog's REST surface (docs/architecture.md, "Features"); the push mutations in mutations.ts call the same functions. */
export const backlogRoutes: FastifyPluginAsyncZod<{ pool: Pool; extensions: BacklogExtensions }> = async (
  app,
  { pool, extensions },
) => {
  const tags = ['backlog'];
  const errors = { ...errorResponses, 422: errorResponses[409] };

  app.get(
    '/v1/backlog/items',
    { schema: { tags, response: { 200: listOf(BacklogItem), ...errors } } },
    async () => ({
      items: await listItems(pool),
    }),
  );

  app.post(
    '/v1/backlog/items',
    {
      config: { idempotency: true },
      schema: { tags, body: BacklogItemCreate, response: { 201: BacklogItem, ...errors } },
    },
    async (request, reply) => {
      const item = await withTransaction(pool, (tx) => createItem(tx, principalOf(request), request.body));
      return reply.code(201).send(item);
    },
  );

  app.get(
    '/v1/backlog/items/:id',
    { schema: { tags, params: IdParams, response: { 200: BacklogItem, ...errors } } },
    async (request) => getItem(pool, request.params.id),
  );

  app.patch(
    '/v1/backlog/items/:id',
    { schema: { tags, params: IdParams, body: BacklogItemPatch, response: { 200: BacklogItem, ...errors } } },
    async (request) =>
      withTransaction(pool, (tx) => updateItem(tx, principalOf(request), request.params.id, request.body)),
  );

  app.delete(
    '/v1/backlog/items/:id',
    { schema: { tags, params: IdParams, response: { 204: NoContent, ...errors } } },
    async (request, reply) => {
      await withTransaction(pool, (tx) =>
        deleteItem(tx, principalOf(request), request.params.id, extensions),
      );
      return reply.code(204).send();
    },
  );

  app.post(
    '/v1/backlog/items/:id/move',
    { schema: { tags, params: IdParams, body: BacklogMove, response: { 200: BacklogItem, ...errors } } },
    async (request) =>
      withTransaction(pool, (tx) =>
        moveBacklogItem(tx, principalOf(request), request.params.id, request.body),
      ),
  );

  app.put(
    '/v1/backlog/items/:id/demand/:teamId',
    { schema: { tags, params: DemandParams, response: { 200: BacklogItem, ...errors } } },
    async (request) =>
      withTransaction(pool, (tx) =>
        setItemDemand(tx, principalOf(request), request.params.id, request.params.teamId, true),
      ),
  );

  app.delete(
    '/v1/backlog/items/:id/demand/:teamId',
    { schema: { tags, params: DemandParams, response: { 200: BacklogItem, ...errors } } },
    async (request) =>
      withTransaction(pool, (tx) =>
        setItemDemand(tx, principalOf(request), request.params.id, request.params.teamId, false),
      ),
  );

  app.get(
    '/v1/backlog/weights',
    { schema: { tags, response: { 200: BacklogWeights, ...errors } } },
    async () => getWeights(pool),
  );

  app.patch(
    '/v1/backlog/weights',
    { schema: { tags, body: BacklogWeightsPatch, response: { 200: BacklogWeights, ...errors } } },
    async (request) => withTransaction(pool, (tx) => setWeights(tx, principalOf(request), request.body)),
  );
};
