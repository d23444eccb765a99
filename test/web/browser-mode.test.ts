import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/host/backend-types';
import { createBackend } from '../../electron/backend/create-backend';
import { createKeyFileVault } from '../../electron/backend/settings/key-file-vault';
import { startWebServer, type WebServer } from '../../electron/web/web-server';
import { startTestPlatform, type TestPlatform } from '../harness/platform';
import { openStream, send } from './http-request';

/** Browser mode over HTTP with the real desktop backend, synced from the real platform API. */

let platform: TestPlatform;
let dir: string;
let backend: Backend;
let server: WebServer;
let base: string;
let cookie: string;

const call = async (command: string, body?: unknown) => {
  const answer = await send(`${base}/ipc/${command}`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json', origin: base },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: answer.status, result: JSON.parse(answer.body) as Record<string, unknown> };
};

beforeAll(async () => {
  platform = await startTestPlatform({ seed: 'demo' });
  dir = await mkdtemp(join(tmpdir(), 'pave-browser-mode-'));
  await writeFile(join(dir, 'index.html'), '<!doctype html><title>Pave</title>');
  const dataDir = join(dir, 'data');
  backend = await createBackend({
    dataDir,
    platform: { url: platform.url, token: platform.adminToken },
    vault: createKeyFileVault(dataDir),
    log: () => {},
  });
  server = await startWebServer({ backend, port: 0, rendererDir: dir });
  base = `http://127.0.0.1:${server.port}`;
  const login = await send(server.url);
  cookie = (login.headers['set-cookie']?.[0] ?? '').split(';')[0] ?? '';
});

afterAll(async () => {
  await server?.close();
  await backend?.close();
  await platform?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('browser mode with the real backend', () => {
  it('logs in with the printed URL, then streams sync events and serves the synced catalog', async () => {
    expect(cookie).toBe(`pave_session_${server.port}=${server.token}`);
    const stream = openStream(`${base}/events`, { cookie });
    await stream.next(/: connected/);

    const synced = await call('sync:now');
    expect(synced.status).toBe(200);
    expect(synced.result).toMatchObject({ ok: true, value: { state: 'online' } });
    await stream.next(/event: sync:status\ndata: \{"state":"online"/);
    stream.close();

    const page = await call('catalog:list', { search: '' });
    expect(page.result.ok).toBe(true);
    const value = page.result.value as { rows: unknown[]; totalAll: number };
    expect(value.totalAll).toBeGreaterThan(0);
    expect(value.rows.length).toBeGreaterThan(0);
  });

  it("returns the backend's validation errors as IpcResult values", async () => {
    expect(await call('catalog:get', { id: '' })).toMatchObject({
      status: 200,
      result: { ok: false, error: { code: 'invalid_input' } },
    });
    expect(await call('catalog:list', { tiers: 'all' })).toMatchObject({
      result: { ok: false, error: { code: 'invalid_input' } },
    });
    expect(await call('system:shutdown')).toMatchObject({
      result: { ok: false, error: { code: 'unknown_command' } },
    });
  });
});
