import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Pool } from 'pg';
import { ChangesPage } from '../../shared/contract';
import { ChangesPoke, ChangesQuery } from '../../shared/api/sync';
import { ApiErrorBody } from '../../shared/api/errors';
import { currentSeq, readChanges } from './change-log';
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
    },
    async (request) => readChanges(pool, request.query.cursor || undefined, request.query.limit),
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
