import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Pool } from 'pg';
import { ChangesPage } from '../../shared/contract';
import { ChangesPoke, ChangesQuery } from '../../shared/api/sync';
import { ApiErrorBody } from '../../shared/api/errors';
import { currentSeq, readChanges } from './change-log';
import { principalOf } from '../auth/authenticate';
import type { ChangeNotifier } from './change-notifier';
import type { EventStreams } from '../http/event-stream';
import { errorResponses } from '../http/schemas';
import { z } from 'zod';

/** The change log (`GET /v1/sync/changes`) and its live pokes (`GET /v1/events`). */
export const syncRoutes: FastifyPluginAsyncZod<{
  pool: Pool;
  notifier: ChangeNotifier;
  streams: EventStreams;
}> = async (app, { pool, notifier, streams }) => {
  app.get(
    '/v1/sync/changes',
    {
      schema: {
        tags: ['sync'],
        querystring: ChangesQuery,
        response: { 200: ChangesPage, ...errorResponses },
      },
      // The page body is built from the change log's stored JSON text (change-log.ts), so this
      // route alone skips the zod encoder: it parsed every entity twice, ~a third of a full sync's
      // CPU (docs/architecture.md, "Sync and push"). Error bodies are plain objects: stringified.
      serializerCompiler: () => (data) => (typeof data === 'string' ? data : JSON.stringify(data)),
    },
    async (request, reply) => {
      // Scoped to what the caller may read (sync-scope.ts).
      const body = await readChanges(
        pool,
        request.query.cursor || undefined,
        request.query.limit,
        principalOf(request),
      );
      // Typed as the schema's output for the type provider; the serializer above passes it through.
      return reply.type('application/json; charset=utf-8').send(body as unknown as ChangesPage);
    },
  );

  app.get(
    '/v1/events',
    {
      config: { queryToken: true },
      schema: {
        tags: ['sync'],
        description:
          'Server-sent events: `event: changes` with data {"seq":N} after each commit that logged changes.',
        querystring: z.object({ access_token: z.string().optional() }),
        response: { 200: z.string().describe('text/event-stream'), 401: ApiErrorBody },
      },
    },
    async (_request, reply) => {
      const stream = streams.open(reply);
      const send = (seq: number) => stream.send('changes', ChangesPoke.parse({ seq }));
      stream.onEnd(notifier.subscribe(send));
      // Tells the client where the server is now, so it can pull anything it missed while away.
      const seq = await currentSeq(pool);
      if (seq > 0) send(seq);
    },
  );
};
