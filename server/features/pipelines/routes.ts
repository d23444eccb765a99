import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Pool } from 'pg';
import { z } from 'zod';
import { ApiErrorBody } from '../../../shared/api/errors';
import { PipelineRun, PipelineRunAccepted, PipelineRunRequest } from '../../../shared/features/pipelines/api';
import { principalOf } from '../../auth/authenticate';
import { withTransaction } from '../../db/transaction';
import { errorResponses, IdParams } from '../../http/schemas';
import { IDEMPOTENCY_HEADER } from '../../idempotency/idempotency-route';
import { requestPipelineRun } from './request-run';
import { getRun, listRuns } from './run-rows';

const keyOf = (headers: Record<string, unknown>): string | null => {
  const key = headers[IDEMPOTENCY_HEADER];
  return typeof key === 'string' ? key : null;
};

/**
 * Pipeline runs over REST: run one by hand ("Run pipeline"), list a service's runs, read one.
 * Cancel is the operation's (`POST /v1/operations/:id/cancel`).
 */
export const pipelineRoutes: FastifyPluginAsyncZod<{ pool: Pool }> = async (app, { pool }) => {
  const tags = ['pipelines'];

  app.post(
    '/v1/services/:id/pipeline-runs',
    {
      config: { idempotency: true },
      schema: {
        tags,
        params: IdParams,
        body: PipelineRunRequest.default({}),
        response: { 202: PipelineRunAccepted, ...errorResponses, 422: ApiErrorBody },
      },
    },
    async (request, reply) => {
      const { operationId, run } = await withTransaction(pool, (tx) =>
        requestPipelineRun(
          tx,
          principalOf(request),
          { serviceId: request.params.id, commitSha: request.body.commitSha },
          keyOf(request.headers),
        ),
      );
      return reply.code(202).send({ operationId, runId: run.id });
    },
  );

  app.get(
    '/v1/services/:id/pipeline-runs',
    {
      schema: {
        tags,
        params: IdParams,
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).default(50) }),
        response: { 200: z.object({ items: z.array(PipelineRun) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await listRuns(pool, request.params.id, request.query.limit) }),
  );

  app.get(
    '/v1/pipeline-runs/:id',
    { schema: { tags, params: IdParams, response: { 200: PipelineRun, ...errorResponses } } },
    async (request) => getRun(pool, request.params.id),
  );
};
