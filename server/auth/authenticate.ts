import type { FastifyInstance, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type { Pool } from 'pg';
import type { Role } from '../../shared/api/directory';
import { forbidden, unauthorized } from '../http/api-error';
import { findPrincipal, type Principal } from './tokens';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Reachable without a token (health, OpenAPI). */
    public?: boolean;
    /** Also accept `?access_token=` (EventSource cannot set headers). */
    queryToken?: boolean;
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
}

function tokenFrom(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    return match?.[1] ?? null;
  }
  if (request.routeOptions.config.queryToken) {
    const query = request.query as Record<string, unknown> | undefined;
    const token = query?.access_token;
    return typeof token === 'string' ? token : null;
  }
  return null;
}

/** Bearer auth on every route not marked `config: { public: true }`. */
export function installAuthentication(app: FastifyInstance, pool: Pool): void {
  app.decorateRequest('principal', null);
  app.addHook('preValidation', async (request) => {
    // Unknown routes answer 404 whatever the token; the not-found handler has no route config.
    if (request.is404 || request.routeOptions.config.public) return;
    const token = tokenFrom(request);
    if (!token) throw unauthorized('missing bearer token (Authorization: Bearer pave_...)');
    const principal = await findPrincipal(pool, token);
    if (!principal) throw unauthorized('unknown or revoked token');
    request.principal = principal;
  });
}

/** The authenticated caller; routes behind auth can rely on it. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw unauthorized('not authenticated');
  return request.principal;
}

export function requireRole(...roles: Role[]): preHandlerAsyncHookHandler {
  return async (request) => {
    const { role } = principalOf(request);
    if (!roles.includes(role)) throw forbidden(`requires role ${roles.join(' or ')}; you are ${role}`);
  };
}
