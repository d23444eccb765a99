import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastify, { type FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import type { Backend } from '../backend/host/backend-types';
import { registerEventStream } from './event-stream';
import { ipcRoute } from './ipc-route';
import { registerSecurityHeaders } from './security-headers';
import { createSessionToken, registerSessionAuth } from './session-auth';

export interface WebServerOptions {
  backend: Backend;
  /** 0 picks a free port. */
  port: number;
  /**
   * With `port` 0: the port to try first (the data dir's last one, remembered-port.ts), falling
   * back to a free one when another process holds it.
   */
  preferredPort?: number;
  /** The renderer build (dist/renderer): index.html + assets. */
  rendererDir: string;
}

export interface WebServer {
  /** The URL to open, token included: `http://127.0.0.1:PORT/?token=TOKEN`. */
  url: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

export class RendererMissingError extends Error {
  readonly code = 'renderer_missing';
  constructor(rendererDir: string) {
    super(
      `The renderer is not built (${join(rendererDir, 'index.html')} is missing): run \`npm run build:renderer\`.`,
    );
  }
}

export function assertRendererBuilt(rendererDir: string): void {
  if (!existsSync(join(rendererDir, 'index.html'))) throw new RendererMissingError(rendererDir);
}

/**
 * Vite names every built asset by its content's hash, so a cached copy can never be stale: the
 * browser keeps it without asking again, and Chromium reuses its compiled code (V8's code cache
 * rides on the HTTP cache). index.html names the current build's assets and is revalidated on
 * every load (so the session check runs too); anything else is revalidated as well.
 */
export function cacheControlFor(path: string): string {
  const hashedAsset = /(?:^|\/)assets\/[^/]+-[\w-]{8,}\.\w+$/.test(path);
  return hashedAsset ? 'private, max-age=31536000, immutable' : 'no-cache';
}

async function listen(app: FastifyInstance, options: WebServerOptions): Promise<void> {
  const preferred = options.port === 0 ? options.preferredPort : undefined;
  if (preferred !== undefined) {
    try {
      await app.listen({ host: '127.0.0.1', port: preferred });
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EADDRINUSE' && code !== 'EACCES') throw error;
    }
  }
  await app.listen({ host: '127.0.0.1', port: options.port });
}

/**
 * Browser mode: the renderer build plus the backend's IPC over HTTP and SSE, on 127.0.0.1 only,
 * behind a per-launch token.
 */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  assertRendererBuilt(options.rendererDir);
  const token = createSessionToken();
  let port = options.port;

  const app = fastify({ logger: false });
  registerSecurityHeaders(app);
  registerSessionAuth(app, { token, port: () => port });
  await app.register(ipcRoute, { backend: options.backend });
  registerEventStream(app, options.backend);
  await app.register(fastifyStatic, {
    root: options.rendererDir,
    prefix: '/',
    // Ours, per file (cacheControlFor), instead of the plugin's `public, max-age=0`.
    cacheControl: false,
    setHeaders(reply, path) {
      reply.header('cache-control', cacheControlFor(path));
    },
  });
  app.setNotFoundHandler((request, reply) => {
    const isPage = request.method === 'GET' && (request.headers.accept ?? '').includes('text/html');
    if (isPage) return reply.sendFile('index.html');
    return reply
      .code(404)
      .send({ ok: false, error: { code: 'not_found', message: `${request.url} does not exist.` } });
  });

  await listen(app, options);
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('The web server has no TCP address.');
  port = address.port;

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    token,
    port,
    close: () => app.close(),
  };
}
