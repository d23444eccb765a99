import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * Browser mode serves the backend on loopback, where any local process or any web page the user
 * visits could try to reach it. Three guards keep it the user's alone: a random per-launch token
 * (moved from the printed URL into an HttpOnly cookie), a Host check against DNS rebinding, and an
 * Origin check against cross-site POSTs.
 */

/**
 * Cookies are scoped by host, not by port: the port in the name keeps two browser-mode launches
 * (or another local app) on 127.0.0.1 from overwriting or receiving each other's session.
 */
export const sessionCookieName = (port: number): string => `pave_session_${port}`;

export const createSessionToken = (): string => randomBytes(32).toString('base64url');

/** Constant-time comparison; hashing first keeps the length of the secret from leaking too. */
export function tokensMatch(expected: string, given: string | undefined): boolean {
  if (given === undefined || given === '') return false;
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(expected), digest(given));
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const separator = part.indexOf('=');
    if (separator === -1) continue;
    if (part.slice(0, separator).trim() === name) return part.slice(separator + 1).trim();
  }
  return undefined;
}

export function readBearer(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match?.[1];
}

/**
 * A DNS-rebinding page reaches us under its own host name; only our loopback names are ours.
 * @see https://owasp.org/www-community/attacks/DNS_Rebinding
 */
export function isAllowedHost(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

/** Browsers send Origin on cross-site POSTs; a present Origin must be the page's own. */
export function isSameOrigin(origin: string | undefined, host: string): boolean {
  return origin === undefined || origin === `http://${host}`;
}

const openUrlHint = 'Open the URL printed by `npm run web` (or `npm start`): it carries the session token.';

function refuse(request: FastifyRequest, reply: FastifyReply, status: number, code: string, message: string) {
  // Never kept: a refusal cached for a URL would outlive the session that fixes it.
  reply.header('cache-control', 'no-store');
  const wantsHtml = (request.headers.accept ?? '').includes('text/html');
  if (wantsHtml) {
    const html = `<!doctype html><meta charset="utf-8"><title>Pave</title><p>${message}</p>`;
    return reply.code(status).type('text/html; charset=utf-8').send(html);
  }
  // The IpcResult shape, so the browser bridge can surface it like any other IPC error.
  return reply.code(status).send({ ok: false, error: { code, message } });
}

export interface SessionAuthOptions {
  token: string;
  /** The bound port, known only once the server listens (port 0 picks a free one). */
  port: () => number;
}

export function registerSessionAuth(app: FastifyInstance, options: SessionAuthOptions): void {
  app.addHook('onRequest', async (request, reply) => {
    const host = request.headers.host;
    if (host === undefined || !isAllowedHost(host, options.port())) {
      return refuse(request, reply, 403, 'forbidden_host', 'Pave only answers on 127.0.0.1 and localhost.');
    }
    const safeMethod = request.method === 'GET' || request.method === 'HEAD';
    if (!safeMethod && !isSameOrigin(request.headers.origin, host)) {
      return refuse(request, reply, 403, 'forbidden_origin', 'Cross-origin requests are refused.');
    }

    const url = new URL(request.url, `http://${host}`);
    const offered = url.searchParams.get('token');
    if (request.method === 'GET' && url.pathname === '/' && offered !== null) {
      if (!tokensMatch(options.token, offered)) {
        return refuse(request, reply, 401, 'unauthorized', `That token is not this launch's. ${openUrlHint}`);
      }
      // Swap the token in the URL for a cookie so it leaves the address bar and history.
      reply.header(
        'set-cookie',
        `${sessionCookieName(options.port())}=${options.token}; HttpOnly; SameSite=Strict; Path=/`,
      );
      // The token's URL must never be answered from a cache: no-store keeps the cookie it sets
      // and the redirect out of Chromium's HTTP cache (index.html itself carries no token).
      reply.header('cache-control', 'no-store');
      return reply.redirect('/', 302);
    }

    const given =
      readCookie(request.headers.cookie, sessionCookieName(options.port())) ??
      readBearer(request.headers.authorization);
    if (!tokensMatch(options.token, given)) {
      return refuse(request, reply, 401, 'unauthorized', openUrlHint);
    }
  });
}
