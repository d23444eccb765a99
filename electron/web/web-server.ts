import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastify from 'fastify';
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
    setHeaders(reply, path) {
      // index.html names the hashed assets of the current build; it must never be served stale.
      if (path.endsWith('.html')) reply.header('cache-control', 'no-cache');
    },
  });
  app.setNotFoundHandler((request, reply) => {
    const isPage = request.method === 'GET' && (request.headers.accept ?? '').includes('text/html');
    if (isPage) return reply.sendFile('index.html');
    return reply
      .code(404)
      .send({ ok: false, error: { code: 'not_found', message: `${request.url} does not exist.` } });
  });

  await app.listen({ host: '127.0.0.1', port: options.port });
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
