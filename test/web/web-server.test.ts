import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RendererMissingError, startWebServer, type WebServer } from '../../electron/web/web-server';
import { createFakeBackend, type FakeBackend } from './fake-backend';
import { openStream, send } from './http-request';
import { ipcEvents } from '../../shared/contract';

let rendererDir: string;
let backend: FakeBackend;
let server: WebServer;
let base: string;
let auth: Record<string, string>;

beforeEach(async () => {
  rendererDir = await mkdtemp(join(tmpdir(), 'pave-renderer-'));
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Pave test page</title>');
  await writeFile(join(rendererDir, 'app.js'), 'console.log("pave")');
  backend = createFakeBackend();
  server = await startWebServer({ backend, port: 0, rendererDir });
  base = `http://127.0.0.1:${server.port}`;
  auth = { cookie: `pave_session_${server.port}=${server.token}` };
});

afterEach(async () => {
  await server.close();
  await rm(rendererDir, { recursive: true, force: true });
});

describe('startWebServer', () => {
  it('prints a loopback URL carrying a 256-bit base64url token', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{43}$/);
    expect(server.url).toBe(`${base}/?token=${server.token}`);
  });

  it('binds to 127.0.0.1 only', async () => {
    const reachable = await send(`http://[::1]:${server.port}/`).then(
      () => true,
      () => false,
    );
    expect(reachable).toBe(false);
  });

  it('refuses to start without a renderer build, naming the command that makes one', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'pave-empty-'));
    const starting = startWebServer({ backend, port: 0, rendererDir: empty });
    await expect(starting).rejects.toBeInstanceOf(RendererMissingError);
    await expect(starting).rejects.toThrow('npm run build:renderer');
    await rm(empty, { recursive: true });
  });
});

describe('session token', () => {
  it('answers 401 without a token, as HTML for pages and as an IpcResult for calls', async () => {
    const page = await send(`${base}/`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(401);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('Open the URL printed');

    const call = await send(`${base}/ipc/sync:status`, { method: 'POST' });
    expect(call.status).toBe(401);
    expect(JSON.parse(call.body)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(backend.calls).toHaveLength(0);
  });

  it('answers 401 to a wrong token, in the URL, the cookie or the Authorization header', async () => {
    const wrong = 'x'.repeat(43);
    expect((await send(`${base}/?token=${wrong}`)).status).toBe(401);
    expect((await send(`${base}/?token=`)).status).toBe(401);
    expect(
      (await send(`${base}/`, { headers: { cookie: `pave_session_${server.port}=${wrong}` } })).status,
    ).toBe(401);
    expect((await send(`${base}/`, { headers: { authorization: `Bearer ${wrong}` } })).status).toBe(401);
  });

  it('trades the URL token for an HttpOnly, SameSite=Strict cookie and redirects to /', async () => {
    const answer = await send(server.url);
    expect(answer.status).toBe(302);
    expect(answer.headers.location).toBe('/');
    const cookie = answer.headers['set-cookie']?.[0] ?? '';
    expect(cookie).toContain(`pave_session_${server.port}=${server.token}`);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Path=/');
  });

  it('serves the renderer with the cookie or a bearer token, under strict security headers', async () => {
    const page = await send(`${base}/`, { headers: auth });
    expect(page.status).toBe(200);
    expect(page.body).toContain('Pave test page');
    expect(page.headers['content-security-policy']).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    );
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['referrer-policy']).toBe('no-referrer');

    const script = await send(`${base}/app.js`, { headers: { authorization: `Bearer ${server.token}` } });
    expect(script.status).toBe(200);
    expect(script.body).toContain('pave');
  });

  it('serves index.html for unknown page paths and a coded 404 for anything else', async () => {
    const deep = await send(`${base}/services/abc`, { headers: { ...auth, accept: 'text/html' } });
    expect(deep.status).toBe(200);
    expect(deep.body).toContain('Pave test page');
    const missing = await send(`${base}/missing.js`, { headers: auth });
    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.body)).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

describe('request origin guards', () => {
  it('refuses a foreign Host header (DNS rebinding), even with the right token', async () => {
    const answer = await send(`${base}/`, { headers: { ...auth, host: `evil.example:${server.port}` } });
    expect(answer.status).toBe(403);
    expect(JSON.parse(answer.body)).toMatchObject({ error: { code: 'forbidden_host' } });
    const otherPort = await send(`${base}/`, { headers: { ...auth, host: `127.0.0.1:1` } });
    expect(otherPort.status).toBe(403);
  });

  it('accepts localhost:PORT as the Host', async () => {
    const answer = await send(`${base}/`, { headers: { ...auth, host: `localhost:${server.port}` } });
    expect(answer.status).toBe(200);
  });

  it('refuses a cross-origin POST and accepts a same-origin one', async () => {
    const foreign = await send(`${base}/ipc/sync:status`, {
      method: 'POST',
      headers: { ...auth, origin: 'https://evil.example' },
    });
    expect(foreign.status).toBe(403);
    expect(JSON.parse(foreign.body)).toMatchObject({ ok: false, error: { code: 'forbidden_origin' } });
    expect(backend.calls).toHaveLength(0);

    const own = await send(`${base}/ipc/sync:status`, { method: 'POST', headers: { ...auth, origin: base } });
    expect(own.status).toBe(200);
  });
});

describe('POST /ipc/:command', () => {
  it('dispatches the JSON body and returns the IpcResult', async () => {
    const answer = await send(`${base}/ipc/catalog:get`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ id: 'svc-1' }),
    });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ ok: true, value: { echo: { id: 'svc-1' } } });
    expect(backend.calls).toEqual([{ command: 'catalog:get', input: { id: 'svc-1' } }]);
  });

  it('decodes a percent-encoded command name (the web bridge encodes the colon)', async () => {
    await send(`${base}/ipc/catalog%3Aget`, { method: 'POST', headers: auth, body: '{"id":"x"}' });
    expect(backend.calls).toEqual([{ command: 'catalog:get', input: { id: 'x' } }]);
  });

  it('treats an empty body as {} with or without a content type', async () => {
    await send(`${base}/ipc/sync:status`, { method: 'POST', headers: auth });
    await send(`${base}/ipc/sync:status`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
    });
    expect(backend.calls.map((call) => call.input)).toEqual([{}, {}]);
  });

  it('answers bad JSON with 400 and an invalid_input IpcResult, without dispatching', async () => {
    const answer = await send(`${base}/ipc/catalog:list`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: '{"search":',
    });
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(backend.calls).toHaveLength(0);
  });

  it("passes the backend's own errors through as values with status 200", async () => {
    const answer = await send(`${base}/ipc/nope:never`, { method: 'POST', headers: auth, body: '{}' });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ ok: false, error: { code: 'unknown_command' } });
  });
});

describe('GET /events', () => {
  it('refuses a stream without the session', async () => {
    expect((await send(`${base}/events`)).status).toBe(401);
  });

  it('streams every backend event as SSE and unsubscribes when the client leaves', async () => {
    const stream = openStream(`${base}/events`, auth);
    const response = await stream.ready;
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/event-stream');
    await stream.next(/: connected/);
    // One subscription per event the contract declares.
    expect(backend.listenerCount()).toBe(Object.keys(ipcEvents).length);

    backend.emit('tables:changed', { tables: ['services'] });
    await stream.next(/event: tables:changed\ndata: \{"tables":\["services"\]\}\n\n/);
    backend.emit('sync:status', {
      state: 'online',
      lastSyncedAt: null,
      pendingChanges: 0,
      lastError: null,
      nextRetryAt: null,
    });
    await stream.next(/event: sync:status\ndata: \{"state":"online"/);

    const unsubscribed = new Promise<void>((resolve) => {
      const check = setInterval(() => {
        if (backend.listenerCount() === 0) {
          clearInterval(check);
          resolve();
        }
      }, 5);
    });
    stream.close();
    await unsubscribed;
  });

  it('ends open streams when the server closes', async () => {
    const stream = openStream(`${base}/events`, auth);
    await stream.next(/: connected/);
    await server.close();
    await stream.ended();
    expect(backend.listenerCount()).toBe(0);
    // afterEach closes again; a second close must be harmless.
  });
});
