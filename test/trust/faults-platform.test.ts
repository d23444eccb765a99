import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChangesPage } from '../../shared/contract';
import type { SyncStatus } from '../../shared/ipc/contract';
import { openCache, type Cache } from '../../electron/backend/cache/open-cache';
import { backendFeatures } from '../../electron/backend/features';
import { listCatalog } from '../../electron/backend/features/catalog/queries';
import { enqueue } from '../../electron/backend/outbox/enqueue';
import { createPlatformClient } from '../../electron/backend/platform/platform-client';
import { MAX_CHANGES_PAGE_BYTES } from '../../electron/backend/platform/bounded-body';
import { createSyncEngine, type SyncEngine } from '../../electron/backend/sync/sync-engine';
import { demoChanges } from '../backend/catalog-fixtures';
import { report, trials } from './trust-counts';

/**
 * A faulty platform (issue 13, findings 3 and 4 and the fault suite): a real HTTP server in the
 * test answers the desktop's sync engine with garbage, the wrong schema, huge bodies, stalls,
 * endless paging and 5xx. The fake isolates the unit under test (the backend's platform client
 * and sync engine over a real cache); after every fault the engine reports a clear error, the
 * cache passes integrity_check with its rows intact, and the next good answer brings it online.
 */

type Handler = (req: IncomingMessage, res: ServerResponse, url: URL) => void;

let server: Server;
let base: string;
let fault: Handler | null = null;
let requests = 0;
let faultRequests = 0;
const goodPage = (): ChangesPage => ({ changes: demoChanges(), cursor: 'good', hasMore: false });

const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
};

let dir: string;
let cache: Cache;
let engine: SyncEngine;
const log: string[] = [];
let goodServices = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    requests += 1;
    const url = new URL(req.url ?? '/', 'http://fake');
    if (url.pathname === '/v1/events') {
      // Open and silent: pokes are not under test here.
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(': open\n\n');
      return;
    }
    if (fault && url.pathname.startsWith('/v1/sync/')) {
      faultRequests += 1;
      fault(req, res, url);
      return;
    }
    if (url.pathname === '/v1/sync/changes') return json(res, 200, goodPage());
    if (url.pathname === '/v1/sync/push') {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        const { mutations } = JSON.parse(body) as { mutations: { id: number }[] };
        json(res, 200, {
          results: mutations.map((m) => ({ id: m.id, status: 'applied' })),
          lastMutationId: mutations.at(-1)?.id ?? 0,
        });
      });
      return;
    }
    json(res, 404, { error: { code: 'not_found', message: 'no route' } });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  dir = mkdtempSync(join(tmpdir(), 'pave-faults-'));
  cache = openCache(join(dir, 'cache.db'), backendFeatures.migrations);
  engine = createSyncEngine({
    db: cache.db,
    model: backendFeatures.model,
    pageLimit: 50,
    periodicPullMs: 600_000,
    backoff: { initialMs: 60_000, maxMs: 60_000, random: () => 1 },
    onStatus: () => {},
    onTablesChanged: () => {},
    log: (line) => log.push(line),
  });
  const client = createPlatformClient({ url: base, token: 'fake-token', timeoutMs: 1_000 });
  await engine.setPlatform(client, 'fake-platform');
  const first = await engine.syncNow();
  expect(first, log.join('\n')).toMatchObject({ state: 'online' });
  goodServices = listCatalog(cache.db, {}).totalAll;
  expect(goodServices).toBeGreaterThan(0);
});

afterAll(async () => {
  await engine?.stop();
  cache?.close();
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

const endless = (res: ServerResponse, chunk: Buffer) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  pumpForever(res, chunk);
};
const pumpForever = (res: ServerResponse, chunk: Buffer) => {
  const pump = () => {
    while (!res.destroyed && res.write(chunk));
    if (!res.destroyed) res.once('drain', pump);
  };
  res.on('close', () => res.removeAllListeners('drain'));
  pump();
};
const megabyte = Buffer.alloc(1024 * 1024, 'x');
let emptyPage = 0;

const faults: [name: string, handler: Handler, expected: RegExp][] = [
  ['garbage body', (_q, res) => json(res, 200, '<html>not json{{'), /not JSON/],
  ['wrong schema', (_q, res) => json(res, 200, { changes: 'all of them', cursor: 1 }), /unexpected response/],
  [
    'wrong entity shape',
    (_q, res) =>
      json(res, 200, {
        changes: [{ op: 'put', entity: 'service', id: 'x', data: { nope: 1 } }],
        cursor: 'c',
        hasMore: false,
      }),
    /unexpected response/,
  ],
  [
    '500',
    (_q, res) => json(res, 500, { error: { code: 'internal', message: 'boom' } }),
    /platform error: boom/,
  ],
  [
    '503 html page',
    (_q, res) => {
      res.writeHead(503, { 'content-type': 'text/html' });
      res.end(`<html>${'x'.repeat(200_000)}</html>`);
    },
    /503/,
  ],
  ['stalled before headers', () => {}, /did not answer within/],
  [
    'stalled mid-body',
    (_q, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"changes":[');
    },
    /broke off|did not answer|not JSON/,
  ],
  [
    'connection reset mid-body',
    (_q, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"changes":[', () => res.socket?.destroy());
    },
    /broke off|cannot reach|not JSON/,
  ],
  [
    'huge declared body',
    (_q, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(200 * 1024 * 1024) });
      res.write('{');
    },
    /more than 64 MiB/,
  ],
  [
    'endless body (a 200 MB page and more)',
    (_q, res) => endless(res, megabyte),
    /more than 64 MiB for \/v1\/sync\/changes/,
  ],
  [
    'hasMore with the same cursor',
    (_q, res, url) =>
      json(res, 200, { changes: [], cursor: url.searchParams.get('cursor') ?? 'same', hasMore: true }),
    /same cursor/,
  ],
  [
    'hasMore with empty pages for ever',
    (_q, res) => json(res, 200, { changes: [], cursor: `empty-${++emptyPage}`, hasMore: true }),
    /empty pages in a row/,
  ],
];

describe('a faulty platform', () => {
  it(`leaves the backend up, with a clear error and an intact cache, for ${faults.length} faults`, async () => {
    const rounds = trials(1, 5);
    let failures = 0;
    const perFault: Record<string, number> = {};
    for (let round = 0; round < rounds; round += 1) {
      for (const [name, handler, expected] of faults) {
        fault = handler;
        faultRequests = 0;
        const heapBefore = process.memoryUsage().heapUsed;
        const status: SyncStatus = await engine.syncNow();
        try {
          expect(status.state, name).toBe('offline');
          expect(status.lastError?.message, name).toMatch(expected);
          // Nothing read past the cap is kept, nothing loops: bounded memory and requests.
          expect(process.memoryUsage().heapUsed - heapBefore, name).toBeLessThan(MAX_CHANGES_PAGE_BYTES * 3);
          expect(faultRequests, name).toBeLessThanOrEqual(102);
          expect(cache.db.pragma('integrity_check', { simple: true }), name).toBe('ok');
          expect(listCatalog(cache.db, {}).totalAll, name).toBe(goodServices);
        } catch (err) {
          failures += 1;
          throw err;
        } finally {
          perFault[name] = (perFault[name] ?? 0) + faultRequests;
          fault = null;
        }
        const recovered = await engine.syncNow();
        expect(recovered.state, `${name}: recovers`).toBe('online');
      }
    }
    report('faults', { faults: faults.length * rounds, requests, failures });
    expect(failures).toBe(0);
  });

  it('keeps queued changes through push faults and sends them once the platform answers', async () => {
    const target = cache.db.prepare('SELECT id FROM services LIMIT 1').get() as { id: string };
    enqueue(cache.db, backendFeatures.model, 'service.update', {
      id: target.id,
      patch: { title: 'Queued through faults' },
    });
    const pushFaults: Handler[] = [
      (_q, res) => json(res, 200, 'garbage'),
      (_q, res) => json(res, 200, { results: 'no', lastMutationId: -1 }),
      (_q, res) => json(res, 503, { error: { code: 'unavailable', message: 'later' } }),
      (_q, res) => endless(res, megabyte.subarray(0, 64 * 1024)),
    ];
    for (const handler of pushFaults) {
      fault = (req, res, url) =>
        url.pathname === '/v1/sync/push' ? handler(req, res, url) : json(res, 200, goodPage());
      const status = await engine.syncNow();
      expect(status.state).toBe('offline');
      expect(status.pendingChanges).toBe(1);
      expect(cache.db.pragma('integrity_check', { simple: true })).toBe('ok');
    }
    fault = null;
    const status = await engine.syncNow();
    expect(status).toMatchObject({ state: 'online', pendingChanges: 0 });
    report('faults (push)', { faults: pushFaults.length, failures: 0 });
  });

  it('refuses an event stream line longer than the cap instead of buffering it', async () => {
    const events = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write('data: ');
      pumpForever(res, megabyte);
    });
    await new Promise<void>((resolve) => events.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(events.address() as AddressInfo).port}`;
    try {
      const client = createPlatformClient({ url, token: 't', timeoutMs: 1_000 });
      const seen: string[] = [];
      await expect(client.stream('/v1/operations/x/events', (e) => seen.push(e.data))).rejects.toThrow(
        /event longer than 1 Mi characters/,
      );
      await expect(client.subscribe(() => {})).rejects.toThrow(/event longer than/);
      expect(seen).toEqual([]);
    } finally {
      events.closeAllConnections();
      await new Promise((resolve) => events.close(resolve));
    }
  });
});
