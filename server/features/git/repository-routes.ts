import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Pool } from 'pg';
import { ServiceRepositoryView } from '../../../shared/features/git/api';
import { notFound } from '../../http/api-error';
import { errorResponses, IdParams } from '../../http/schemas';
import { serviceRepositoryOf } from '../self-service/public';
import { repositoryView } from './repository-view';

/** Where to clone a service from, its recent commits and which commit runs in each environment. */
export const repositoryRoutes: FastifyPluginAsyncZod<{ pool: Pool }> = async (app, { pool }) => {
  app.get(
    '/v1/services/:id/repository',
    {
      schema: {
        tags: ['git'],
        params: IdParams,
        response: { 200: ServiceRepositoryView, ...errorResponses },
      },
    },
    async (request) => {
      const repository = await serviceRepositoryOf(pool, request.params.id);
      if (!repository) throw notFound(`a platform-hosted repository of service ${request.params.id}`);
      return repositoryView(pool, repository);
    },
  );
};
