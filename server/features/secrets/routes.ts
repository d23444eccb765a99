import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Pool } from 'pg';
import { z } from 'zod';
import { SecretMeta, SecretParams, SecretValue } from '../../../shared/features/secrets/api';
import { principalOf } from '../../auth/authenticate';
import { withTransaction } from '../../db/transaction';
import { ApiError, notFound } from '../../http/api-error';
import { assertCanActOnService } from '../catalog/public';
import { errorResponses, IdParams, NoContent } from '../../http/schemas';
import { processSecretStore } from './process-secrets';
import type { SecretRotation } from './public';
import { rotateSecret } from './secret-rotation';

const managedByResource = (name: string) =>
  new ApiError(
    409,
    'managed_by_resource',
    `${name} holds a provisioned resource's credentials; rotate it (or deprovision the resource) instead`,
  );

/** Write-only secrets: names and timestamps come back, values never do. */
export const secretRoutes: FastifyPluginAsyncZod<{ pool: Pool; rotation: SecretRotation }> = async (
  app,
  { pool, rotation },
) => {
  const tags = ['secrets'];
  const store = processSecretStore();

  app.get(
    '/v1/services/:id/secrets',
    {
      schema: {
        tags,
        params: IdParams,
        response: { 200: z.object({ items: z.array(SecretMeta) }), ...errorResponses },
      },
    },
    async (request) => {
      await assertCanActOnService(pool, principalOf(request), request.params.id);
      return { items: await store.list(pool, request.params.id) };
    },
  );

  app.put(
    '/v1/services/:id/secrets/:environment/:name',
    {
      config: { idempotency: true },
      schema: {
        tags,
        params: SecretParams,
        body: SecretValue,
        response: { 204: NoContent, ...errorResponses },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const { id, environment, name } = request.params;
      await withTransaction(pool, async (tx) => {
        await assertCanActOnService(tx, principal, id);
        const existing = await store.get(tx, id, environment, name);
        if (existing?.resourceId) throw managedByResource(name);
        await store.set(tx, principal.userId, { serviceId: id, environment, name }, request.body.value);
      });
      return reply.code(204).send();
    },
  );

  app.delete(
    '/v1/services/:id/secrets/:environment/:name',
    { schema: { tags, params: SecretParams, response: { 204: NoContent, ...errorResponses } } },
    async (request, reply) => {
      const principal = principalOf(request);
      const { id, environment, name } = request.params;
      await withTransaction(pool, async (tx) => {
        await assertCanActOnService(tx, principal, id);
        const existing = await store.get(tx, id, environment, name);
        if (!existing) throw notFound(`secret ${name} in ${environment}`);
        if (existing.resourceId) throw managedByResource(name);
        await store.remove(tx, principal.userId, id, environment, name);
      });
      return reply.code(204).send();
    },
  );

  app.post(
    '/v1/services/:id/secrets/:environment/:name/rotate',
    { schema: { tags, params: SecretParams, response: { 200: SecretMeta, ...errorResponses } } },
    async (request) => {
      const principal = principalOf(request);
      const { id, environment, name } = request.params;
      await assertCanActOnService(pool, principal, id);
      return rotateSecret(pool, store, rotation.resourceCredentials, principal, {
        serviceId: id,
        environment,
        name,
      });
    },
  );
};
