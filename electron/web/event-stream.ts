import type { FastifyInstance } from 'fastify';
import type { Backend } from '../backend/host/backend-types';
import { ipcEvents, type IpcEvent } from '../../shared/contract';
import { contentSecurityPolicy } from './content-security-policy';

/** Proxies and idle timeouts drop silent connections; a comment line every 15 s keeps it open. */
const heartbeatMs = 15_000;

/**
 * `GET /events` is browser mode's `pave:event` channel: every backend event as Server-Sent Events
 * (`event: NAME`, `data: JSON`), unsubscribed as soon as the browser goes away.
 */
export function registerEventStream(app: FastifyInstance, backend: Backend): void {
  const open = new Set<() => void>();

  app.get('/events', (request, reply) => {
    // The stream outlives the handler; Fastify must not try to send a reply of its own.
    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'content-security-policy': contentSecurityPolicy,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
    });
    raw.write(': connected\n\n');

    const names = Object.keys(ipcEvents) as IpcEvent[];
    const unsubscribers = names.map((name) =>
      backend.on(name, (payload) => raw.write(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`)),
    );
    const heartbeat = setInterval(() => raw.write(': heartbeat\n\n'), heartbeatMs);

    const stop = () => {
      if (!open.delete(stop)) return;
      clearInterval(heartbeat);
      for (const unsubscribe of unsubscribers) unsubscribe();
      raw.end();
    };
    open.add(stop);
    request.raw.once('close', stop);
  });

  // Open streams would keep `close()` waiting forever.
  app.addHook('preClose', async () => {
    for (const stop of [...open]) stop();
  });
}
