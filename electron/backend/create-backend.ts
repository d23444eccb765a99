import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { openCache } from './cache/open-cache';
import { ensurePrivateDir } from './cache/private-files';
import { createBackendContext } from './composition/backend-context';
import { createCoreHandlers } from './composition/core-handlers';
import { createPlatformConnection } from './connection/platform-connection';
import { backendFeatures } from './features';
import { createBackendEvents } from './host/backend-events';
import type { Backend, BackendOptions } from './host/backend-types';
import { createDispatch } from './ipc/dispatch';
import { createOutboxHandlers } from './outbox/outbox-handlers';
import { createSyncEngine, type SyncEngineOptions } from './sync/sync-engine';

export { createBackendEvents, type BackendEvents } from './host/backend-events';

export interface BackendTestHooks {
  /** Sync timings (tests shorten them). */
  sync?: Pick<SyncEngineOptions, 'periodicPullMs' | 'backoff' | 'pageLimit'>;
  embeddedEntry?: string;
  /** How long a warm start waits before starting the platform (tests shorten it). */
  warmPlatformDelayMs?: number;
}

/** A warm start's goal for its first rows (issue 12): the platform waits about that long. */
const warmPlatformDelayMs = 1_000;

/** Core commands that talk to the platform: a delayed platform starts before them. */
const commandsNeedingPlatform = new Set(['sync:now', 'settings:setPlatform', 'settings:useEmbedded']);

/**
 * Wires the cache, sync engine, platform connection and IPC handlers: the core's and every
 * feature's listed in features.ts (docs/architecture.md, "Features"). Returns as soon as the cache
 * is open (it is readable at once); the embedded platform and the first sync continue in the
 * background and report through `sync:status` events.
 */
export async function createBackend(opts: BackendOptions, hooks: BackendTestHooks = {}): Promise<Backend> {
  const log = opts.log ?? ((line: string) => console.error(line));
  const { model } = backendFeatures;
  // Owner-only: it holds the cache, the token key and the embedded platform's data.
  ensurePrivateDir(opts.dataDir);
  const cachePath = join(opts.dataDir, 'cache.db');
  const warmStart = existsSync(cachePath);
  const cache = openCache(cachePath, backendFeatures.migrations);
  const events = createBackendEvents(log);
  const tablesChanged = (tables: string[]) => events.emit('tables:changed', { tables });
  const engine = createSyncEngine({
    db: cache.db,
    model,
    log,
    onStatus: (status) => events.emit('sync:status', status),
    onTablesChanged: tablesChanged,
    ...hooks.sync,
  });
  const platform = createPlatformConnection({
    db: cache.db,
    dataDir: opts.dataDir,
    vault: opts.vault,
    engine,
    log,
    onSetup: (setup) => events.emit('platform:setup', setup),
    ...(opts.platform ? { override: opts.platform } : {}),
    ...(hooks.embeddedEntry ? { embeddedEntry: hooks.embeddedEntry } : {}),
    ...(opts.spawnPlatform ? { spawnPlatform: opts.spawnPlatform } : {}),
  });
  const outbox = createOutboxHandlers({
    db: cache.db,
    model,
    onTablesChanged: tablesChanged,
    onLocalChange: () => engine.localChange(),
  });
  const features = backendFeatures.handlers(
    createBackendContext({
      db: cache.db,
      model,
      platform,
      emit: events.emit,
      onLocalChange: () => engine.localChange(),
      log,
    }),
  );
  const dispatch = createDispatch(
    { ...createCoreHandlers(cache.db, engine, platform, outbox), ...features.handlers },
    log,
  );
  let closing: Promise<void> | null = null;
  // A warm start shows the cached rows at once; the platform would take the CPU the first paint
  // needs (the embedded one is a Node process and its PostgreSQL; a remote one costs the first
  // pull and the event stream, ~100 ms of this process's CPU), so it starts a moment later, and at
  // once when a command needs it. Sync waits for the platform anyway, and Settings names it from
  // the start (platform-connection.ts). Issue 12, "Start in a second".
  let platformStarted = false;
  const startPlatform = () => {
    if (platformStarted || closing) return;
    platformStarted = true;
    clearTimeout(platformTimer);
    platform.start();
  };
  const platformDelayMs = warmStart ? (hooks.warmPlatformDelayMs ?? warmPlatformDelayMs) : 0;
  const platformTimer = setTimeout(startPlatform, platformDelayMs);
  if (platformDelayMs === 0) startPlatform();

  return {
    // After close() the cache is gone: answer with a code instead of an internal error.
    dispatch: (command, input) => {
      if (closing) {
        return Promise.resolve({
          ok: false,
          error: { code: 'backend_closed', message: 'Pave is shutting down.' },
        });
      }
      if (commandsNeedingPlatform.has(command)) startPlatform();
      return dispatch(command, input);
    },
    on: events.on,
    close() {
      clearTimeout(platformTimer);
      closing ??= (async () => {
        features.close();
        await engine.stop();
        await platform.close();
        cache.close();
      })();
      return closing;
    },
  };
}
