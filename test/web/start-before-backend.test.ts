import { createServer } from 'node:net';
import { once } from 'node:events';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/host/backend-types';
import { backendWhenOpen } from '../../electron/web/backend-when-open';
import { readRememberedPort, rememberPort } from '../../electron/web/remembered-port';
import { cacheControlFor, startWebServer, type WebServer } from '../../electron/web/web-server';
import { createFakeBackend } from './fake-backend';
import { openStream, send } from './http-request';

/**
 * Issue 12, "Start in a second": the page's HTML and scripts are served before the backend opens,
 * hashed assets are cached for good, and a data dir keeps its port (so Chromium's cache, keyed by
 * origin, survives a relaunch).
 */

let dir: string;
let rendererDir: string;
const servers: WebServer[] = [];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pave-start-'));
  rendererDir = join(dir, 'renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Pave test page</title>');
  await writeFile(join(rendererDir, 'assets', 'index-C6JkuGyN.js'), 'console.log("pave")');
  await writeFile(join(rendererDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
});

afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
  await rm(dir, { recursive: true, force: true });
});

async function serve(backend: Backend, options: { port?: number; preferredPort?: number } = {}) {
  const server = await startWebServer({ backend, port: options.port ?? 0, rendererDir, ...options });
  servers.push(server);
  const base = `http://127.0.0.1:${server.port}`;
  const auth = { cookie: `pave_session_${server.port}=${server.token}` };
  return { server, base, auth };
}

/** A backend that opens when the test says so. */
function openingLater() {
  let open: (backend: Backend) => void = () => undefined;
  let fail: (error: Error) => void = () => undefined;
  const backend = backendWhenOpen(
    new Promise<Backend>((resolve, reject) => {
      open = resolve;
      fail = reject;
    }),
  );
  return { backend, open, fail };
}

describe('serving before the backend is open', () => {
  it('serves the page and its scripts at once, and answers IPC once the backend opens', async () => {
    const later = openingLater();
    const { base, auth } = await serve(later.backend);
    const page = await send(`${base}/`, { headers: auth });
    expect(page.status).toBe(200);
    expect(page.body).toContain('Pave test page');
    expect((await send(`${base}/assets/index-C6JkuGyN.js`, { headers: auth })).status).toBe(200);

    let answered = false;
    const call = send(`${base}/ipc/sync:status`, { method: 'POST', headers: auth }).then((answer) => {
      answered = true;
      return answer;
    });
    // The page and a second request are served while the call waits for the backend.
    expect((await send(`${base}/`, { headers: auth })).status).toBe(200);
    expect(answered).toBe(false);
    const real = createFakeBackend();
    later.open(real);
    expect(JSON.parse((await call).body)).toEqual({ ok: true, value: { echo: {} } });
    expect(real.calls).toEqual([{ command: 'sync:status', input: {} }]);
  });

  it('delivers events to a stream opened before the backend was', async () => {
    const later = openingLater();
    const { base, auth } = await serve(later.backend);
    const stream = openStream(`${base}/events`, auth);
    try {
      await stream.next(/: connected/);
      const real = createFakeBackend();
      later.open(real);
      await expect.poll(() => real.listenerCount()).toBeGreaterThan(0);
      real.emit('tables:changed', { tables: ['services'] });
      await stream.next(/event: tables:changed\ndata: {"tables":\["services"\]}/);
    } finally {
      stream.close();
    }
  });

  it('answers every call with a coded error in plain words when the backend cannot open', async () => {
    const later = openingLater();
    const { base, auth } = await serve(later.backend);
    later.fail(new Error('cache.db is not a database'));
    const answer = await send(`${base}/ipc/sync:status`, { method: 'POST', headers: auth });
    expect(JSON.parse(answer.body)).toEqual({
      ok: false,
      error: { code: 'internal', message: 'Pave could not open its cache: cache.db is not a database' },
    });
  });

  it('closes the backend once it has opened', async () => {
    const later = openingLater();
    const real = createFakeBackend();
    const closing = later.backend.close();
    later.open(real);
    await closing;
    expect(real.closed).toBe(true);
  });
});

describe('caching the renderer', () => {
  it('keeps hashed assets for good and revalidates index.html and anything unhashed', async () => {
    const { base, auth } = await serve(createFakeBackend());
    const script = await send(`${base}/assets/index-C6JkuGyN.js`, { headers: auth });
    expect(script.headers['cache-control']).toBe('private, max-age=31536000, immutable');
    const page = await send(`${base}/`, { headers: auth });
    expect(page.headers['cache-control']).toBe('no-cache');
    const deep = await send(`${base}/services/abc`, { headers: { ...auth, accept: 'text/html' } });
    expect(deep.headers['cache-control']).toBe('no-cache');
    const unhashed = await send(`${base}/favicon.svg`, { headers: auth });
    expect(unhashed.headers['cache-control']).toBe('no-cache');
  });

  it('names hashed assets by the build output only', () => {
    expect(cacheControlFor('/x/dist/renderer/assets/ui-DOsQzINh.js')).toContain('immutable');
    expect(cacheControlFor('/x/dist/renderer/assets/data-BIjq2VDz.css')).toContain('immutable');
    expect(cacheControlFor('/x/dist/renderer/assets/ui-DOsQzINh.js.map')).toBe('no-cache');
    expect(cacheControlFor('/x/dist/renderer/index.html')).toBe('no-cache');
    expect(cacheControlFor('/x/dist/renderer/app.js')).toBe('no-cache');
  });

  it('never lets a cache keep the token URL, its cookie or a refusal', async () => {
    const { server, base } = await serve(createFakeBackend());
    const traded = await send(server.url);
    expect(traded.status).toBe(302);
    expect(traded.headers['cache-control']).toBe('no-store');
    const refused = await send(`${base}/`, { headers: { accept: 'text/html' } });
    expect(refused.status).toBe(401);
    expect(refused.headers['cache-control']).toBe('no-store');
    // A revalidated index.html still passes the session check: no cookie, no page.
    const revalidated = await send(`${base}/`, { headers: { 'if-none-match': '*' } });
    expect(revalidated.status).toBe(401);
  });
});

describe('one port per data dir', () => {
  it('listens on the preferred port when it is free', async () => {
    const probe = createServer().listen(0, '127.0.0.1');
    await once(probe, 'listening');
    const port = (probe.address() as { port: number }).port;
    probe.close();
    await once(probe, 'close');
    const { server } = await serve(createFakeBackend(), { preferredPort: port });
    expect(server.port).toBe(port);
  });

  it('falls back to a free port when another process holds the preferred one', async () => {
    const holder = createServer().listen(0, '127.0.0.1');
    await once(holder, 'listening');
    const held = (holder.address() as { port: number }).port;
    try {
      const { server } = await serve(createFakeBackend(), { preferredPort: held });
      expect(server.port).not.toBe(held);
      expect(server.port).toBeGreaterThan(0);
    } finally {
      holder.close();
    }
  });

  it('takes an explicit port over the preferred one', async () => {
    const first = await serve(createFakeBackend());
    await first.server.close();
    servers.splice(servers.indexOf(first.server), 1);
    const { server } = await serve(createFakeBackend(), { port: first.server.port, preferredPort: 1 });
    expect(server.port).toBe(first.server.port);
  });

  it('remembers the port in the data dir, owner-only, and ignores anything else there', async () => {
    const dataDir = join(dir, 'data');
    await mkdir(dataDir);
    expect(readRememberedPort(dataDir)).toBeUndefined();
    rememberPort(dataDir, 41234);
    expect(readRememberedPort(dataDir)).toBe(41234);
    const { statSync } = await import('node:fs');
    expect(statSync(join(dataDir, 'web-port')).mode & 0o777).toBe(0o600);
    for (const junk of ['80', '70000', 'port', '', '123abc']) {
      await writeFile(join(dataDir, 'web-port'), junk);
      expect(readRememberedPort(dataDir)).toBeUndefined();
    }
  });
});
