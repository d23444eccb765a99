import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../../electron/backend/create-backend';
import { spawnNodeProcess, type SpawnPlatform } from '../../../electron/backend/embedded/embedded-platform';
import type { Backend } from '../../../electron/backend/host/backend-types';
import { createKeyFileVault } from '../../../electron/backend/settings/key-file-vault';

/**
 * On a warm start the platform starts after the first paint's moment, not with the backend
 * (issue 12, "Start in a second"); a cold start, or a command that needs the platform, starts it
 * at once. The embedded platform here is a stand-in process that never gets ready; the remote one
 * an HTTP server that counts what reaches it.
 */
let dir: string;
let entry: string;
let spawned: number;
let backends: Backend[];

const countingSpawn: SpawnPlatform = (file, args, opts) => {
  spawned++;
  return spawnNodeProcess(file, args, opts);
};

async function open(warmPlatformDelayMs: number): Promise<Backend> {
  const dataDir = join(dir, 'data');
  const backend = await createBackend(
    { dataDir, vault: createKeyFileVault(dataDir), log: () => undefined, spawnPlatform: countingSpawn },
    { embeddedEntry: entry, warmPlatformDelayMs },
  );
  backends.push(backend);
  return backend;
}

async function reopen(warmPlatformDelayMs: number): Promise<Backend> {
  await open(0);
  await expect.poll(() => spawned).toBe(1);
  await backends.pop()?.close();
  spawned = 0;
  return open(warmPlatformDelayMs);
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pave-warm-start-'));
  entry = join(dir, 'platform.mjs');
  writeFileSync(entry, 'setInterval(() => undefined, 1000);\n');
  spawned = 0;
  backends = [];
});

afterEach(async () => {
  for (const backend of backends) await backend.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('when the embedded platform starts', () => {
  it('starts it with the backend on a cold start, however long the warm delay', async () => {
    await open(60_000);
    expect(spawned).toBe(1);
  });

  it('waits on a warm start while the renderer reads the cache', async () => {
    const backend = await reopen(60_000);
    expect(await backend.dispatch('settings:get', {})).toMatchObject({ ok: true });
    expect(await backend.dispatch('teams:list', {})).toMatchObject({ ok: true });
    expect(spawned).toBe(0);
  });

  it('starts it once the delay has passed', async () => {
    await reopen(20);
    await expect.poll(() => spawned).toBe(1);
  });

  it('starts it at once for a command that needs it', async () => {
    const backend = await reopen(60_000);
    void backend.dispatch('sync:now', {});
    expect(spawned).toBe(1);
  });
});

describe('when a remote platform is first contacted', () => {
  let server: Server;
  let requests: string[];
  let url: string;

  beforeEach(async () => {
    requests = [];
    server = createServer((request, response) => {
      requests.push(request.url ?? '');
      response.writeHead(503, { 'content-type': 'application/json' });
      response.end('{"error":{"code":"unavailable","message":"not now"}}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
  });

  afterEach(async () => {
    for (const backend of backends.splice(0)) await backend.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  async function openRemote(warmPlatformDelayMs: number): Promise<Backend> {
    const dataDir = join(dir, 'data');
    const backend = await createBackend(
      {
        dataDir,
        vault: createKeyFileVault(dataDir),
        log: () => undefined,
        platform: { url, token: 't0ken' },
      },
      { warmPlatformDelayMs },
    );
    backends.push(backend);
    return backend;
  }

  it('names it in Settings at once but waits on a warm start before the first request', async () => {
    await openRemote(0);
    await expect.poll(() => requests.length).toBeGreaterThan(0);
    await backends.pop()?.close();
    requests = [];

    const backend = await openRemote(60_000);
    expect(await backend.dispatch('settings:get', {})).toMatchObject({
      ok: true,
      value: { mode: 'remote', platformUrl: url.replace(/\/$/, '') },
    });
    expect(await backend.dispatch('teams:list', {})).toMatchObject({ ok: true });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(requests).toEqual([]);
    void backend.dispatch('sync:now', {});
    await expect.poll(() => requests.length).toBeGreaterThan(0);
  });
});
