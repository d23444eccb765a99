import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Pool } from 'pg';
import { ChangesPage } from '../../shared/contract';
import { ChangesPoke, ChangesQuery } from '../../shared/api/sync';
import { ApiErrorBody } from '../../shared/api/errors';
import { currentSeq, readChanges } from '../sync/change-log';
import type { ChangeNotifier } from '../sync/change-notifier';
import { errorResponses } from './schemas';
import { z } from 'zod';

// Proxies and load balancers drop connections that stay silent too long.
const HEARTBEAT_MS = 15_000;

export const syncRoutes: FastifyPluginAsyncZod<{
  pool: Pool;
  notifier: ChangeNotifier;
  streams: Set<() => void>;
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
      const raw = reply.raw;
      reply.hijack();
      raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      const send = (seq: number) => {
        raw.write(`event: changes\ndata: ${JSON.stringify(ChangesPoke.parse({ seq }))}\n\n`);
      };
      const heartbeat = setInterval(() => raw.write(': heartbeat\n\n'), HEARTBEAT_MS);
      const unsubscribe = notifier.subscribe(send);
      const end = () => {
        clearInterval(heartbeat);
        unsubscribe();
        streams.delete(end);
        if (!raw.writableEnded) raw.end();
      };
      streams.add(end);
      // The response's 'close' fires when the client goes away (or we end it): unsubscribe then.
      raw.on('close', end);
      raw.write('retry: 3000\n: connected\n\n');
      // Tells the client where the server is now, so it can pull anything it missed while away.
      const seq = await currentSeq(pool);
      if (seq > 0 && !raw.writableEnded) send(seq);
    },
  );
};
