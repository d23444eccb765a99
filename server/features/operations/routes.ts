import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Pool } from 'pg';
import { z } from 'zod';
import { ApiErrorBody } from '../../../shared/api/errors';
import { isFinished, Operation, OperationStatus } from '../../../shared/features/operations/api';
import { writeAudit } from '../../audit/audit-log';
import { principalOf } from '../../auth/authenticate';
import { withTransaction } from '../../db/transaction';
import { conflict, forbidden } from '../../http/api-error';
import type { EventStreams } from '../../http/event-stream';
import { errorResponses, IdParams } from '../../http/schemas';
import type { ExecutorRegistry } from './executor-registry';
import type { OperationEventsHub } from './operation-events-hub';
import { listOperationEvents } from './operation-events';
import { finishOperation, getOperation, listOperations } from './store';

export const operationRoutes: FastifyPluginAsyncZod<{
  pool: Pool;
  executors: ExecutorRegistry;
  hub: OperationEventsHub;
  streams: EventStreams;
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
        const executor = executors.get(current.kind);
        const running = current.status === 'running' && executor?.cancelsWhileRunning === true;
        const cancelled = await finishOperation(
          tx,
          current.id,
          { status: 'cancelled', error: { code: 'cancelled', message: `cancelled by ${principal.userId}` } },
          { fromStatus: running ? 'running' : 'queued' },
        );
        if (!cancelled) {
          throw conflict(
            `operation is ${current.status}; only queued operations${executor?.cancelsWhileRunning ? ' and running ones' : ''} can be cancelled`,
          );
        }
        await executor?.settle?.(tx, cancelled);
        await writeAudit(tx, principal.userId, 'operation.cancel', 'operation', cancelled.id, {
          kind: cancelled.kind,
          wasRunning: running,
        });
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
      const stream = streams.open(reply);
      let reading: Promise<void> = Promise.resolve();
      let more = false;
      // Reads everything after `sent`; one read at a time so events go out once and in order.
      const drain = async () => {
        do {
          more = false;
          const events = await listOperationEvents(pool, operation.id, sent);
          for (const event of events) {
            if (stream.ended) return;
            stream.send('operation', event, event.seq);
            sent = event.seq;
            if (event.type === 'status' && event.status && isFinished(event.status)) {
              stream.end();
              return;
            }
          }
          if (events.length === 1000) more = true;
        } while (more && !stream.ended);
      };
      const poke = () => {
        more = true;
        reading = reading.then(drain).catch((error: unknown) => {
          request.log.warn({ err: error }, 'operation event stream failed');
          stream.end();
        });
      };
      // Subscribe before the first read, so an event committed in between is not missed.
      stream.onEnd(hub.subscribe(operation.id, poke));
      poke();
    },
  );
};
