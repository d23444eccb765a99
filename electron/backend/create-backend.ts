import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Backend, BackendOptions } from './backend-types';
import { createBackendEvents } from './backend-events';
import { createBacklogHandlers } from './backlog/backlog-handlers';
import { openCache } from './cache/open-cache';
import { createSelfServiceHandlers } from './deployments/self-service-handlers';
import { createBackendHandlers } from './ipc/backend-handlers';
import { createDispatch } from './ipc/dispatch';
import { localMutators } from './mutations/local-mutators';
import { createOutboxHandlers } from './outbox/outbox-handlers';
import { createPlatformConnection } from './platform/platform-connection';
import { createResourceFeature } from './resources/resource-feature';
import { createSurveyHandlers } from './surveys/survey-handlers';
import { enqueue } from './outbox/enqueue';
import { createSyncEngine, type SyncEngineOptions } from './sync/sync-engine';

export { createBackendEvents, type BackendEvents } from './backend-events';

export interface BackendTestHooks {
  /** Sync timings (tests shorten them). */
  sync?: Pick<SyncEngineOptions, 'periodicPullMs' | 'backoff' | 'pageLimit'>;
  embeddedEntry?: string;
}

/**
 * Wires the cache, sync engine, platform connection and IPC handlers. Returns as soon as the
 * cache is open (it is readable at once); the embedded platform and the first sync continue
 * in the background and report through `sync:status` events.
 */
export async function createBackend(opts: BackendOptions, hooks: BackendTestHooks = {}): Promise<Backend> {
  const log = opts.log ?? ((line: string) => console.error(line));
  mkdirSync(opts.dataDir, { recursive: true });
  const cache = openCache(join(opts.dataDir, 'cache.db'));
  const events = createBackendEvents(log);
  const engine = createSyncEngine({
    db: cache.db,
    log,
    onStatus: (status) => events.emit('sync:status', status),
    onTablesChanged: (tables) => events.emit('tables:changed', { tables }),
    ...hooks.sync,
  });
  const platform = createPlatformConnection({
    db: cache.db,
    dataDir: opts.dataDir,
    vault: opts.vault,
    engine,
    log,
    ...(opts.platform ? { override: opts.platform } : {}),
    ...(hooks.embeddedEntry ? { embeddedEntry: hooks.embeddedEntry } : {}),
  });
  const outbox = createOutboxHandlers({
    db: cache.db,
    mutators: localMutators,
    onTablesChanged: (tables) => events.emit('tables:changed', { tables }),
    onLocalChange: () => engine.localChange(),
  });
  const selfService = createSelfServiceHandlers({
    db: cache.db,
    mutators: localMutators,
    platform,
    onTablesChanged: (tables) => events.emit('tables:changed', { tables }),
    onLocalChange: () => engine.localChange(),
    emitLog: (line) => events.emit('service:log', line),
  });
  const backlog = createBacklogHandlers({
    db: cache.db,
    mutators: localMutators,
    onTablesChanged: (tables) => events.emit('tables:changed', { tables }),
    onLocalChange: () => engine.localChange(),
  });
  const surveys = createSurveyHandlers({
    db: cache.db,
    enqueue(name, args) {
      const { entry, tables } = enqueue(cache.db, localMutators, name, args);
      events.emit('tables:changed', { tables });
      engine.localChange();
      return { mutationId: entry.mutationId };
    },
    client: () => platform.client(),
    onTablesChanged: (tables) => events.emit('tables:changed', { tables }),
  });
  const resources = createResourceFeature({
    db: cache.db,
    mutators: localMutators,
    platform,
    onTablesChanged: (tables) => events.emit('tables:changed', { tables }),
    onLocalChange: () => engine.localChange(),
    emitProgress: (payload) => events.emit('operation:progress', payload),
    log,
  });
  const dispatch = createDispatch(
    {
      ...createBackendHandlers(cache.db, engine, platform, outbox, selfService.handlers),
      ...backlog,
      ...surveys,
      ...resources.handlers,
    },
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
        selfService.close();
        resources.close();
        await engine.stop();
        await platform.close();
        cache.close();
      })();
      return closing;
    },
  };
}
