import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Pool } from 'pg';
import { z } from 'zod';
import { Environment } from '../../shared/features/catalog/api';
import { Health, listOf, Me } from '../../shared/api/directory';
import { listAudit } from '../audit/audit-log';
import { principalOf, requireRole } from '../auth/authenticate';
import { listEnvironments } from '../catalog/environments';
import { getOrg } from '../catalog/org';
import { getUser } from '../catalog/users';
import { errorResponses } from './schemas';

const AuditEntry = z.object({
  id: z.number().int(),
  at: z.iso.datetime({ offset: true }),
  actorUserId: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  detail: z.record(z.string(), z.unknown()),
});

/** Health, identity, environments and the audit trail. */
export const platformRoutes: FastifyPluginAsyncZod<{ pool: Pool; version: string }> = async (
  app,
  { pool, version },
) => {
  app.get(
    '/v1/health',
    { config: { public: true }, schema: { tags: ['platform'], security: [], response: { 200: Health } } },
    async () => ({ status: 'ok' as const, version }),
  );

  app.get(
    '/v1/me',
    { schema: { tags: ['platform'], response: { 200: Me, ...errorResponses } } },
    async (request) => {
      const user = await getUser(pool, principalOf(request).userId);
      const org = await getOrg(pool);
      if (!org) throw new Error('the org row is missing; the server was not bootstrapped');
      return { user, org };
    },
  );

  app.get(
    '/v1/environments',
    { schema: { tags: ['catalog'], response: { 200: listOf(Environment), ...errorResponses } } },
    async () => ({ items: await listEnvironments(pool) }),
  );

  app.get(
    '/v1/audit',
    {
      preHandler: requireRole('admin', 'lead'),
      schema: {
        tags: ['platform'],
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(1000).default(100) }),
        response: { 200: listOf(AuditEntry), ...errorResponses },
      },
    },
    async (request) => ({ items: await listAudit(pool, request.query.limit) }),
  );
};
