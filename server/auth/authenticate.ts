import type { FastifyInstance, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type { Pool } from 'pg';
import type { Role } from '../../shared/api/directory';
import { ApiErrorCode } from '../../shared/api/errors';
import { ApiError, forbidden, unauthorized } from '../http/api-error';
import { checkToken, type Principal, type TokenRefusal } from './tokens';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Reachable without a token (health, OpenAPI). */
    public?: boolean;
    /** Also accept `?access_token=` (EventSource cannot set headers). */
    queryToken?: boolean;
    /**
     * Also accept HTTP basic auth with the token as password (any user name): the git CLI speaks
     * only basic. A 401 then carries `WWW-Authenticate: Basic` so git asks for credentials.
     */
    basicAuth?: boolean;
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
}

function tokenFrom(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (header) {
    const bearer = /^Bearer\s+(\S+)$/i.exec(header);
    if (bearer) return bearer[1] ?? null;
    const basic = request.routeOptions.config.basicAuth ? /^Basic\s+(\S+)$/i.exec(header) : null;
    if (!basic?.[1]) return null;
    const credentials = Buffer.from(basic[1], 'base64').toString('utf8');
    const colon = credentials.indexOf(':');
    return colon >= 0 ? credentials.slice(colon + 1) : null;
  }
  if (request.routeOptions.config.queryToken) {
    const query = request.query as Record<string, unknown> | undefined;
    const token = query?.access_token;
    return typeof token === 'string' ? token : null;
  }
  return null;
}

/** A refused token's 401: expired and revoked tokens get their own codes, so a client can say which. */
function refusal(reason: TokenRefusal): ApiError {
  switch (reason) {
    case 'expired':
      return new ApiError(
        401,
        ApiErrorCode.tokenExpired,
        'this token has expired; create a new one in Settings → Tokens',
      );
    case 'revoked':
      return new ApiError(
        401,
        ApiErrorCode.tokenRevoked,
        'this token was revoked; create a new one in Settings → Tokens',
      );
    case 'unknown':
      return unauthorized('unknown token');
  }
}

/** Bearer auth (or basic, where a route allows it) on every route not marked `config: { public: true }`. */
export function installAuthentication(app: FastifyInstance, pool: Pool): void {
  app.decorateRequest('principal', null);
  app.addHook('preValidation', async (request, reply) => {
    // Unknown routes answer 404 whatever the token; the not-found handler has no route config.
    if (request.is404 || request.routeOptions.config.public) return;
    const basicAuth = request.routeOptions.config.basicAuth === true;
    const token = tokenFrom(request);
    const check = token ? await checkToken(pool, token) : null;
    const principal = check && 'principal' in check ? check.principal : null;
    if (!principal) {
      if (basicAuth) void reply.header('www-authenticate', 'Basic realm="Pave"');
      if (check && 'refused' in check) throw refusal(check.refused);
      throw unauthorized(
        basicAuth
          ? 'missing credentials (any user name, your Pave personal access token as password)'
          : 'missing bearer token (Authorization: Bearer pave_...)',
      );
    }
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
