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
}

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
  const cache = openCache(join(opts.dataDir, 'cache.db'), backendFeatures.migrations);
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
  platform.start();

  let closing: Promise<void> | null = null;
  return {
    // After close() the cache is gone: answer with a code instead of an internal error.
    dispatch: (command, input) =>
      closing
        ? Promise.resolve({ ok: false, error: { code: 'backend_closed', message: 'Pave is shutting down.' } })
        : dispatch(command, input),
    on: events.on,
    close() {
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
