import { createHash } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Pool } from 'pg';
import { ApiErrorBody } from '../../../shared/api/errors';
import { RuntimeFlags } from '../../../shared/features/flags/api';
import { unauthorized } from '../../http/api-error';
import { NoContent } from '../../http/schemas';
import { findFlagsKey } from './runtime-keys';

/** `"abc"`, `W/"abc"`, `"a", "b"` or `*`: does the client's copy match ours? */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === etag || tag === '*');
}

/**
 * What running services read: the flag definitions of the key's service+environment (the
 * OpenFeature provider evaluates them locally, as Unleash and LaunchDarkly server SDKs do). Not
 * behind user tokens: a flags key (runtime-keys.ts) is the only credential, and reads nothing else.
 * The ETag is the definitions' hash, so a poll that finds no change costs a 304 and no body.
 */
export const flagsRuntimeRoutes: FastifyPluginAsyncZod<{ pool: Pool }> = async (app, { pool }) => {
  app.get(
    '/v1/runtime/flags',
    {
      config: { public: true },
      schema: {
        tags: ['flags'],
        description: 'Flag definitions for a running service; Authorization: Bearer <flags key>.',
        response: { 200: RuntimeFlags, 304: NoContent, 401: ApiErrorBody },
      },
    },
    async (request, reply) => {
      const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
      if (!match?.[1]) throw unauthorized('missing flags key (Authorization: Bearer pave_flags_...)');
      const scope = await findFlagsKey(pool, match[1]);
      if (!scope) throw unauthorized('unknown or expired flags key');
      const { rows } = await pool.query<{ key: string; enabled: boolean; rollout_percent: number }>(
        'SELECT key, enabled, rollout_percent FROM flags WHERE service_id = $1 AND environment = $2 ORDER BY key',
        [scope.serviceId, scope.environment],
      );
      const body: RuntimeFlags = {
        ...scope,
        flags: rows.map((r) => ({ key: r.key, enabled: r.enabled, rolloutPercent: r.rollout_percent })),
      };
      const etag = `"${createHash('sha256').update(JSON.stringify(body)).digest('base64url').slice(0, 27)}"`;
      reply.header('etag', etag).header('cache-control', 'no-cache');
      if (matches(request.headers['if-none-match'], etag)) return reply.code(304).send();
      return body;
    },
  );
};
