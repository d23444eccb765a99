import { openCache } from '../../electron/backend/cache/open-cache';
import { createBackendContext } from '../../electron/backend/composition/backend-context';
import { backendFeatures } from '../../electron/backend/features';
import type { LocalModel } from '../../electron/backend/outbox/local-model';
import { createCatalogHandlers } from '../../electron/backend/features/catalog/handlers';
import { getServiceDetail } from '../../electron/backend/features/catalog/queries';
import { createOutboxHandlers } from '../../electron/backend/outbox/outbox-handlers';
import { createPlatformClient } from '../../electron/backend/platform/platform-client';
import { createSyncEngine } from '../../electron/backend/sync/sync-engine';
import type { SyncStatus } from '../../shared/ipc/contract';
import { changeSignals } from './change-signals';

/**
 * A desktop client as the backend wires it (cache, sync engine, outbox and catalog IPC handlers)
 * against a real platform, with its clock and local model (mutators) injectable. Tests wait on its change signals.
 */
export async function startDesktopClient(
  file: string,
  opts: {
    url: string;
    token: string;
    model?: LocalModel;
    now?: () => Date;
    fetch?: typeof fetch;
  },
) {
  const cache = openCache(file, backendFeatures.migrations);
  const db = cache.db;
  const model = opts.model ?? backendFeatures.model;
  const { notify, waitUntil } = changeSignals();
  const statuses: SyncStatus[] = [];
  const log: string[] = [];
  const engine = createSyncEngine({
    db,
    model,
    ...(opts.now ? { now: opts.now } : {}),
    backoff: { initialMs: 20, maxMs: 200, random: () => 1 },
    periodicPullMs: 600_000,
    log: (line) => log.push(line),
    onStatus: (s) => {
      statuses.push(s);
      notify();
    },
    onTablesChanged: notify,
  });
  const handlers = {
    ...createOutboxHandlers({
      db,
      model,
      onTablesChanged: notify,
      onLocalChange: () => engine.localChange(),
      ...(opts.now ? { now: opts.now } : {}),
    }),
    ...createCatalogHandlers(
      createBackendContext({
        db,
        model,
        platform: { client: () => null },
        emit: notify,
        onLocalChange: () => engine.localChange(),
        log: (line) => log.push(line),
        ...(opts.now ? { now: opts.now } : {}),
      }),
    ).handlers,
  };
  const client = createPlatformClient({
    url: opts.url,
    token: opts.token,
    timeoutMs: 5_000,
    ...(opts.fetch ? { fetch: opts.fetch } : {}),
  });

  return {
    db,
    engine,
    handlers,
    log,
    statuses,
    waitUntil,
    connect: () => engine.setPlatform(client, 'test-platform'),
    service: (id: string) => getServiceDetail(db, id),
    /** Resolves once everything was pushed and a pull completed after it. */
    settled: () =>
      waitUntil(() => engine.status().pendingChanges === 0 && engine.status().state === 'online'),
    async close() {
      await engine.stop();
      cache.close();
    },
  };
}
