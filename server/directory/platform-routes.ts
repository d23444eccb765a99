import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Pool } from 'pg';
import { z } from 'zod';
import { Health, listOf, Me } from '../../shared/api/directory';
import { listAudit } from '../audit/audit-log';
import { principalOf, requireRole } from '../auth/authenticate';
import { getOrg } from './org';
import { getUser } from './users';
import { errorResponses } from '../http/schemas';

const AuditEntry = z.object({
  id: z.number().int(),
  at: z.iso.datetime({ offset: true }),
  actorUserId: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  detail: z.record(z.string(), z.unknown()),
});

/** Health, identity and the audit trail. */
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
