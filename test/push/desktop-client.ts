import { getServiceDetail } from '../../electron/backend/cache/catalog-queries';
import { openCache } from '../../electron/backend/cache/open-cache';
import { localMutators } from '../../electron/backend/mutations/local-mutators';
import type { LocalMutatorRegistry } from '../../electron/backend/outbox/local-mutator';
import { createOutboxHandlers } from '../../electron/backend/outbox/outbox-handlers';
import { createPlatformClient } from '../../electron/backend/platform/platform-client';
import { createSyncEngine } from '../../electron/backend/sync/sync-engine';
import type { SyncStatus } from '../../shared/ipc/contract';

/**
 * A desktop client as the backend wires it (cache, sync engine, outbox IPC handlers) against a
 * real platform, with its clock and mutators injectable. Tests wait on its change signals.
 */
export async function startDesktopClient(
  file: string,
  opts: {
    url: string;
    token: string;
    mutators?: LocalMutatorRegistry;
    now?: () => Date;
    fetch?: typeof fetch;
  },
) {
  const cache = openCache(file);
  const db = cache.db;
  const mutators = opts.mutators ?? localMutators;
  const waiters = new Set<() => void>();
  const notify = () => waiters.forEach((w) => w());
  const statuses: SyncStatus[] = [];
  const log: string[] = [];
  const engine = createSyncEngine({
    db,
    mutators,
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
  const handlers = createOutboxHandlers({
    db,
    mutators,
    onTablesChanged: notify,
    onLocalChange: () => engine.localChange(),
    ...(opts.now ? { now: opts.now } : {}),
  });
  const client = createPlatformClient({
    url: opts.url,
    token: opts.token,
    timeoutMs: 5_000,
    ...(opts.fetch ? { fetch: opts.fetch } : {}),
  });

  /** Re-checks `check` now and after every status or table change until it returns a value. */
  const waitUntil = <T>(check: () => T | undefined | null | false): Promise<T> =>
    new Promise((resolve) => {
      const attempt = () => {
        const value = check();
        if (value === undefined || value === null || value === false) return;
        waiters.delete(attempt);
        resolve(value);
      };
      waiters.add(attempt);
      attempt();
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
