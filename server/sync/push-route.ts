import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Pool } from 'pg';
import { ApiErrorBody } from '../../shared/api/errors';
import { PushRequest, PushResponse } from '../../shared/api/push';
import { principalOf } from '../auth/authenticate';
import { errorResponses } from '../http/schemas';
import { mutationRegistry, type MutationDefinition } from './mutation-registry';
import { processPush } from './push';

export const pushRoutes: FastifyPluginAsyncZod<{
  pool: Pool;
  /** Every feature's mutations (and a test's own); names are unique. */
  mutations: readonly MutationDefinition[];
}> = async (app, { pool, mutations }) => {
  const registry = mutationRegistry(mutations);
  app.post(
    '/v1/sync/push',
    {
      // One mutation's bad text rejects that mutation, not the batch (server/sync/push.ts).
      config: { checksOwnText: true },
      schema: {
        tags: ['sync'],
        description:
          'Applies offline mutations in order, each exactly once. Ids at or below the last answered one are ' +
          'answered from storage. A transient failure stops the batch (fewer results; 503 when none).',
        body: PushRequest,
        response: { 200: PushResponse, ...errorResponses, 503: ApiErrorBody },
      },
    },
    async (request) =>
      processPush(pool, registry, principalOf(request), request.body, (err, m) =>
        request.log.warn({ err, mutation: m.id, name: m.name }, 'push stopped: transient failure'),
      ),
  );
};
