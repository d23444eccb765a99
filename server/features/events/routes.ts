import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Pool } from 'pg';
import { listOf } from '../../../shared/api/directory';
import { PlatformEvent, PlatformEventsQuery } from '../../../shared/features/events/api';
import { errorResponses } from '../../http/schemas';
import { listEvents } from './store';

/** Read-only: scripts and the metrics read events; only the features that act write them. */
export const eventsRoutes: FastifyPluginAsyncZod<{ pool: Pool }> = async (app, { pool }) => {
  app.get(
    '/v1/platform-events',
    {
      schema: {
        tags: ['events'],
        querystring: PlatformEventsQuery,
        response: { 200: listOf(PlatformEvent), ...errorResponses },
      },
    },
    async (request) => ({ items: await listEvents(pool, request.query) }),
  );
};
