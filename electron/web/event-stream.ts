import type { FastifyInstance } from 'fastify';
import type { Backend } from '../backend/host/backend-types';
import type { IpcEvent } from '../../shared/contract';
import { contentSecurityPolicy } from './content-security-policy';

/** Proxies and idle timeouts drop silent connections; a comment line every 15 s keeps it open. */
const heartbeatMs = 15_000;

/**
 * The contract (every feature's zod schemas, ~100 ms to build) loads with the first stream, not
 * when the host starts: the URL and the page's scripts need none of it (issue 12, "Start in a
 * second"). In the bundle, this import keeps the contract's modules from initialising at load.
 */
let eventNames: Promise<IpcEvent[]> | undefined;
const loadEventNames = () =>
  (eventNames ??= import('../../shared/contract').then(
    ({ ipcEvents }) => Object.keys(ipcEvents) as IpcEvent[],
  ));

/**
 * `GET /events` is browser mode's `pave:event` channel: every backend event as Server-Sent Events
 * (`event: NAME`, `data: JSON`), unsubscribed as soon as the browser goes away.
 */
export function registerEventStream(app: FastifyInstance, backend: Backend): void {
  const open = new Set<() => void>();

  app.get('/events', async (request, reply) => {
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
    const names = await loadEventNames();
    if (request.raw.destroyed) return;
    const unsubscribers = names.map((name) =>
      backend.on(name, (payload) => raw.write(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`)),
    );
    // Only once subscribed: a client that waits for this line misses no event sent after it.
    raw.write(': connected\n\n');
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
