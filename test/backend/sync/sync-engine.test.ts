import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChangesPage } from '../../../shared/contract';
import type { SyncStatus } from '../../../shared/ipc/contract';
import { listCatalog } from '../../../electron/backend/features/catalog/queries';
import { openCache, type Cache } from '../../../electron/backend/cache/open-cache';
import { readSyncState, writeCursor } from '../../../electron/backend/cache/sync-state';
import { backendFeatures } from '../../../electron/backend/features';
import type { PlatformClient } from '../../../electron/backend/platform/platform-client';
import { PlatformError } from '../../../electron/backend/platform/platform-error';
import { backoffDelay } from '../../../electron/backend/sync/backoff';
import { createSyncEngine, type SyncEngine } from '../../../electron/backend/sync/sync-engine';
import { demoChanges, put, service } from '../catalog-fixtures';

type ChangesFn = (cursor: string | null, limit: number) => Promise<ChangesPage>;

/** A platform client double: `changes` is scripted per test, `subscribe` exposes the poke callback. */
function fakeClient(changes: ChangesFn) {
  let poke: (() => void) | null = null;
  const opened: (() => void)[] = [];
  const client: PlatformClient = {
    url: 'http://fake',
    me: () => Promise.reject(new Error('not used')),
    health: () => Promise.reject(new Error('not used')),
    changes: vi.fn(changes),
    // Refused as a whole: the engine logs it, keeps the outbox and still pulls.
    push: () => Promise.reject(new PlatformError('platform_rejected', 'push not under test', 400)),
    get: () => Promise.reject(new Error('not used')),
    write: () => Promise.reject(new Error('not used')),
    stream: () => Promise.reject(new Error('not used')),
    subscribe: (onPoke, o) =>
      new Promise<void>((resolve) => {
        poke = () => onPoke({ seq: 1 });
        o?.onOpen?.();
        opened.forEach((f) => f());
        o?.signal?.addEventListener('abort', () => resolve(), { once: true });
      }),
  };
  return {
    client,
    changes: client.changes as ReturnType<typeof vi.fn<ChangesFn>>,
    poke: () => poke?.(),
    whenSubscribed: () => new Promise<void>((resolve) => (poke ? resolve() : opened.push(resolve))),
  };
}

const page = (cursor: string, changes = demoChanges(), hasMore = false): ChangesPage => ({
  changes,
  cursor,
  hasMore,
});

let dir: string;
let cache: Cache;
let engine: SyncEngine | null;
let statuses: SyncStatus[];
let tablesChanged: string[][];
let statusWaiters: { predicate: (s: SyncStatus) => boolean; resolve: (s: SyncStatus) => void }[];

function start(opts: { periodicPullMs?: number; random?: () => number } = {}): SyncEngine {
  engine = createSyncEngine({
    db: cache.db,
    model: backendFeatures.model,
    pageLimit: 2,
    periodicPullMs: opts.periodicPullMs ?? 60_000,
    backoff: { initialMs: 5, maxMs: 40, random: opts.random ?? (() => 1) },
    onStatus: (s) => {
      statuses.push(s);
      statusWaiters = statusWaiters.filter((w) => (w.predicate(s) ? (w.resolve(s), false) : true));
    },
    onTablesChanged: (t) => tablesChanged.push(t),
  });
  return engine;
}

const nextStatus = (predicate: (s: SyncStatus) => boolean) =>
  new Promise<SyncStatus>((resolve) => statusWaiters.push({ predicate, resolve }));

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pave-sync-'));
  cache = openCache(join(dir, 'cache.db'), backendFeatures.migrations);
  engine = null;
  statuses = [];
  tablesChanged = [];
  statusWaiters = [];
});
afterEach(async () => {
  await engine?.stop();
  cache.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('pulling', () => {
  it('loops while hasMore, applies every page and goes online', async () => {
    const all = demoChanges();
    const fake = fakeClient(async (cursor) =>
      cursor === null ? page('c1', all.slice(0, 6), true) : page('c2', all.slice(6), false),
    );
    const e = start();
    expect(e.status().state).toBe('starting');
    const online = nextStatus((s) => s.state === 'online');
    await e.setPlatform(fake.client, 'p1');
    const status = await online;
    expect(statuses.map((s) => s.state)).toEqual(['syncing', 'online']);
    expect(status.lastSyncedAt).not.toBeNull();
    expect(fake.changes.mock.calls).toEqual([
      [null, 2, expect.anything()],
      ['c1', 2, expect.anything()],
    ]);
    expect(readSyncState(cache.db).cursor).toBe('c2');
    expect(listCatalog(cache.db, {}).totalAll).toBe(6);
    expect(tablesChanged.flat()).toEqual(expect.arrayContaining(['services', 'teams', 'environments']));
  });

  it('applies a page and its cursor atomically: a failure mid-page moves neither', async () => {
    const bad = put('service', service('broken'));
    // A row the cache cannot store (tags missing) after a good one, inside the same page.
    (bad.data as { tags?: unknown }).tags = undefined;
    const fake = fakeClient(async (cursor) =>
      cursor === null
        ? page('c1', demoChanges().slice(0, 3), true)
        : page('c2', [put('service', service('good-one')), bad], false),
    );
    const e = start();
    const offline = nextStatus((s) => s.state === 'offline');
    await e.setPlatform(fake.client, 'p1');
    const status = await offline;
    expect(status.lastError?.code).toBe('sync_failed');
    expect(readSyncState(cache.db).cursor).toBe('c1');
    expect(listCatalog(cache.db, { search: 'good' }).total).toBe(0);
    expect(listCatalog(cache.db, {}).facets.teams).toHaveLength(3); // page 1 is in
  });

  it('on 409 resync_required rebuilds the synced tables from scratch and keeps the outbox', async () => {
    const touched = new Set<string>();
    for (const c of demoChanges()) backendFeatures.model.entities.apply(cache.db, c, touched);
    writeCursor(cache.db, 'stale', new Date().toISOString());
    cache.db.prepare(`UPDATE sync_state SET epoch = 'p1'`).run();
    cache.db
      .prepare(
        `INSERT INTO outbox (client_id, mutation_id, name, args, idempotency_key, created_at) VALUES ('c', 1, 'service.deploy', '{}', 'k1', 'now')`,
      )
      .run();
    const fresh = [put('service', service('only-survivor'))];
    const fake = fakeClient(async (cursor) => {
      if (cursor !== null) throw new PlatformError('resync_required', 'epoch changed', 409);
      return page('f1', fresh);
    });
    const e = start();
    const online = nextStatus((s) => s.state === 'online');
    await e.setPlatform(fake.client, 'p1');
    const status = await online;
    expect(fake.changes.mock.calls.map((c) => c[0])).toEqual(['stale', null]);
    expect(listCatalog(cache.db, {}).rows.map((r) => r.name)).toEqual(['only-survivor']);
    expect(readSyncState(cache.db).cursor).toBe('f1');
    expect(status.pendingChanges).toBe(1);
  });

  it('clears the cache when switching to a different platform', async () => {
    const touched = new Set<string>();
    for (const c of demoChanges()) backendFeatures.model.entities.apply(cache.db, c, touched);
    cache.db.prepare(`UPDATE sync_state SET epoch = 'old-platform', cursor = 'x'`).run();
    const fake = fakeClient(async (cursor) => page('n1', cursor === null ? [] : demoChanges()));
    const e = start();
    const online = nextStatus((s) => s.state === 'online');
    await e.setPlatform(fake.client, 'new-platform');
    await online;
    expect(fake.changes.mock.calls[0]?.[0]).toBeNull();
    expect(listCatalog(cache.db, {}).totalAll).toBe(0);
    expect(readSyncState(cache.db).epoch).toBe('new-platform');
  });
});

describe('misbehaving servers', () => {
  it('stops paging with an error when hasMore is set but the cursor does not move', async () => {
    const fake = fakeClient(async () => page('same', [], true));
    const e = start();
    const offline = nextStatus((s) => s.state === 'offline');
    await e.setPlatform(fake.client, 'p1');
    expect((await offline).lastError?.message).toContain('gave back the same cursor');
    expect(fake.changes.mock.calls.slice(0, 2).map((c) => c[0])).toEqual([null, 'same']);
  });
});

describe('offline and retry', () => {
  it('goes offline with nextRetryAt, backs off, and recovers', async () => {
    let failuresLeft = 3;
    const fake = fakeClient(async () => {
      if (failuresLeft-- > 0) throw new PlatformError('platform_unreachable', 'connection refused');
      return page('c1');
    });
    const e = start();
    const online = nextStatus((s) => s.state === 'online');
    await e.setPlatform(fake.client, 'p1');
    await online;
    const offline = statuses.filter((s) => s.state === 'offline');
    expect(offline).toHaveLength(3);
    expect(offline[0]?.lastError).toEqual({ code: 'platform_unreachable', message: 'connection refused' });
    expect(offline.every((s) => s.nextRetryAt !== null)).toBe(true);
    expect(e.status()).toMatchObject({ state: 'online', lastError: null, nextRetryAt: null });
  });

  it('backoff doubles from 1 s to a 30 s cap, with jitter below the ceiling', () => {
    const opts = { initialMs: 1000, maxMs: 30_000 };
    const top = [0, 1, 2, 3, 4, 5, 6, 10].map((a) => backoffDelay(a, { ...opts, random: () => 1 }));
    expect(top).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
    expect(backoffDelay(0, { ...opts, random: () => 0 })).toBe(750);
    expect(backoffDelay(9, { ...opts, random: () => 0 })).toBe(22500);
    for (let a = 0; a < 50; a++) {
      const d = backoffDelay(a, opts);
      expect(d).toBeGreaterThan(0);
      expect(d).toBeLessThanOrEqual(30_000);
    }
  });

  it('reports the schedule in nextRetryAt', async () => {
    const fake = fakeClient(async () => {
      throw new PlatformError('platform_unreachable', 'down');
    });
    const now = new Date('2025-01-01T00:00:00Z');
    engine = createSyncEngine({
      db: cache.db,
      model: backendFeatures.model,
      now: () => now,
      backoff: { initialMs: 1000, maxMs: 30_000, random: () => 1 },
      onStatus: (s) => statuses.push(s),
      onTablesChanged: () => {},
    });
    await engine.setPlatform(fake.client, 'p1');
    // setPlatform's own pull is attempt 1, syncNow attempt 2.
    const status = await engine.syncNow();
    expect(status.state).toBe('offline');
    expect(statuses.filter((s) => s.state === 'offline').map((s) => s.nextRetryAt)).toEqual([
      '2025-01-01T00:00:01.000Z',
      '2025-01-01T00:00:02.000Z',
    ]);
  });
});

describe('live updates', () => {
  it('coalesces pokes that arrive during a pull into one follow-up pull', async () => {
    let calls = 0;
    let firstStarted!: () => void;
    let release!: () => void;
    const started = new Promise<void>((r) => (firstStarted = r));
    const gate = new Promise<void>((r) => (release = r));
    const fake = fakeClient(async () => {
      if (++calls === 1) {
        firstStarted();
        await gate;
      }
      return page(`c${calls}`, []);
    });
    const e = start();
    await e.setPlatform(fake.client, 'p1');
    await fake.whenSubscribed();
    await started;
    for (let i = 0; i < 5; i++) fake.poke();
    const followUpDone = e.syncNow();
    release();
    await followUpDone;
    expect(calls).toBe(2);
    // A poke while idle starts exactly one new pull.
    fake.poke();
    await vi.waitFor(() => expect(calls).toBe(3));
    await e.syncNow(); // joins nothing stale: runs after pull 3
    expect(calls).toBe(4);
  });

  it('goes offline as soon as an open event stream breaks, not at the next periodic pull', async () => {
    let up = true;
    let breakStream!: () => void;
    const fake = fakeClient(async () => {
      if (!up) throw new PlatformError('platform_unreachable', 'connection refused');
      return page('c1', []);
    });
    fake.client.subscribe = (_onPoke, o) =>
      new Promise<void>((resolve, reject) => {
        // A platform that is down refuses the connection: no open, so no catch-up pull from there.
        if (!up) return reject(new PlatformError('platform_unreachable', 'connection refused'));
        o?.onOpen?.();
        breakStream = () => reject(new PlatformError('platform_unreachable', 'event stream broke'));
        o?.signal?.addEventListener('abort', () => resolve(), { once: true });
      });
    const e = start({ periodicPullMs: 60_000 });
    const online = nextStatus((s) => s.state === 'online');
    await e.setPlatform(fake.client, 'p1');
    await online;
    const offline = nextStatus((s) => s.state === 'offline');
    up = false;
    breakStream();
    expect((await offline).lastError?.code).toBe('platform_unreachable');
  });

  it('pulls periodically without pokes', async () => {
    let calls = 0;
    let thirdCall!: () => void;
    const third = new Promise<void>((r) => (thirdCall = r));
    const fake = fakeClient(async () => {
      if (++calls === 3) thirdCall();
      return page(`c${calls}`, []);
    });
    const e = start({ periodicPullMs: 5 });
    await e.setPlatform(fake.client, 'p1');
    await third;
    expect(calls).toBeGreaterThanOrEqual(3);
  });

  it('stops cleanly: no timers, no subscription, no further pulls', async () => {
    const timersBefore = process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    const fake = fakeClient(async () => {
      throw new PlatformError('platform_unreachable', 'down');
    });
    const e = start();
    const offline = nextStatus((s) => s.state === 'offline');
    await e.setPlatform(fake.client, 'p1');
    await offline;
    await e.stop();
    const callsAtStop = fake.changes.mock.calls.length;
    expect(process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length).toBeLessThanOrEqual(
      timersBefore,
    );
    await expect(e.syncNow()).resolves.toBeDefined();
    expect(fake.changes.mock.calls.length).toBe(callsAtStop);
  });
});
