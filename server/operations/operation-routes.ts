import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Pool } from 'pg';
import { z } from 'zod';
import { ApiErrorBody } from '../../shared/api/errors';
import { isFinished, Operation, OperationStatus } from '../../shared/features/operations/api';
import { principalOf } from '../auth/authenticate';
import { withTransaction } from '../db/transaction';
import { conflict, forbidden } from '../http/api-error';
import { errorResponses, IdParams } from '../routes/schemas';
import type { ExecutorRegistry } from './executors';
import type { OperationEventsHub } from './operation-events-hub';
import { listOperationEvents } from './operation-events';
import { finishOperation, getOperation, listOperations } from './operations';

// Proxies drop silent connections; same cadence as /v1/events.
const HEARTBEAT_MS = 15_000;

export const operationRoutes: FastifyPluginAsyncZod<{
  pool: Pool;
  executors: ExecutorRegistry;
  hub: OperationEventsHub;
  streams: Set<() => void>;
}> = async (app, { pool, executors, hub, streams }) => {
  const tags = ['operations'];

  app.get(
    '/v1/operations',
    {
      schema: {
        tags,
        querystring: z.object({
          serviceId: z.string().min(1).max(100).optional(),
          status: OperationStatus.optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
        response: { 200: z.object({ items: z.array(Operation) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await listOperations(pool, request.query) }),
  );

  app.get(
    '/v1/operations/:id',
    { schema: { tags, params: IdParams, response: { 200: Operation, ...errorResponses } } },
    async (request) => getOperation(pool, request.params.id),
  );

  app.post(
    '/v1/operations/:id/cancel',
    { schema: { tags, params: IdParams, response: { 200: Operation, ...errorResponses } } },
    async (request) => {
      const principal = principalOf(request);
      return withTransaction(pool, async (tx) => {
        const current = await getOperation(tx, request.params.id);
        if (current.requestedBy !== principal.userId && principal.role === 'engineer') {
          throw forbidden('only the requester, a lead or an admin can cancel this operation');
        }
        const cancelled = await finishOperation(
          tx,
          current.id,
          { status: 'cancelled', error: { code: 'cancelled', message: `cancelled by ${principal.userId}` } },
          { fromStatus: 'queued' },
        );
        if (!cancelled)
          throw conflict(`operation is ${current.status}; only queued operations can be cancelled`);
        await executors.get(cancelled.kind)?.settle?.(tx, cancelled);
        return cancelled;
      });
    },
  );

  app.get(
    '/v1/operations/:id/events',
    {
      config: { queryToken: true },
      schema: {
        tags,
        description:
          'Server-sent events: `event: operation` with an OperationEvent after seq `after` (or Last-Event-ID), live until the final status.',
        params: IdParams,
        querystring: z.object({
          after: z.coerce.number().int().min(0).default(0),
          access_token: z.string().optional(),
        }),
        response: { 200: z.string().describe('text/event-stream'), 401: ApiErrorBody, 404: ApiErrorBody },
      },
    },
    async (request, reply) => {
      const operation = await getOperation(pool, request.params.id);
      const lastEventId = Number(request.headers['last-event-id']);
      let sent = Number.isSafeInteger(lastEventId) && lastEventId > 0 ? lastEventId : request.query.after;
      const raw = reply.raw;
      reply.hijack();
      raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      let reading: Promise<void> = Promise.resolve();
      let more = false;
      const heartbeat = setInterval(() => raw.write(': heartbeat\n\n'), HEARTBEAT_MS);
      const end = () => {
        clearInterval(heartbeat);
        unsubscribe();
        streams.delete(end);
        if (!raw.writableEnded) raw.end();
      };
      // Reads everything after `sent`; one read at a time so events go out once and in order.
      const drain = async () => {
        do {
          more = false;
          const events = await listOperationEvents(pool, operation.id, sent);
          for (const event of events) {
            if (raw.writableEnded) return;
            raw.write(`id: ${event.seq}\nevent: operation\ndata: ${JSON.stringify(event)}\n\n`);
            sent = event.seq;
            if (event.type === 'status' && event.status && isFinished(event.status)) {
              end();
              return;
            }
          }
          if (events.length === 1000) more = true;
        } while (more && !raw.writableEnded);
      };
      const poke = () => {
        more = true;
        reading = reading.then(drain).catch((error: unknown) => {
          request.log.warn({ err: error }, 'operation event stream failed');
          end();
        });
      };
      // Subscribe before the first read, so an event committed in between is not missed.
      const unsubscribe = hub.subscribe(operation.id, poke);
      streams.add(end);
      raw.on('close', end);
      raw.write('retry: 3000\n: connected\n\n');
      poke();
    },
  );
};
