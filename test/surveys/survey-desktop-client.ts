import { openCache } from '../../electron/backend/cache/open-cache';
import { localMutators } from '../../electron/backend/mutations/local-mutators';
import { enqueue } from '../../electron/backend/outbox/enqueue';
import { createPlatformClient } from '../../electron/backend/platform/platform-client';
import { createSurveyHandlers } from '../../electron/backend/surveys/survey-handlers';
import { createSyncEngine } from '../../electron/backend/sync/sync-engine';

/** A desktop backend as create-backend wires the survey part: cache, sync engine, survey IPC handlers. */
export async function startSurveyClient(file: string, opts: { url: string; token: string }) {
  const cache = openCache(file);
  const db = cache.db;
  const waiters = new Set<() => void>();
  const notify = () => waiters.forEach((w) => w());
  const log: string[] = [];
  const engine = createSyncEngine({
    db,
    mutators: localMutators,
    backoff: { initialMs: 20, maxMs: 200, random: () => 1 },
    periodicPullMs: 600_000,
    log: (line) => log.push(line),
    onStatus: notify,
    onTablesChanged: notify,
  });
  const client = createPlatformClient({ url: opts.url, token: opts.token, timeoutMs: 5_000 });
  let connected = false;
  const handlers = createSurveyHandlers({
    db,
    enqueue(name, args) {
      const { entry } = enqueue(db, localMutators, name, args);
      notify();
      engine.localChange();
      return { mutationId: entry.mutationId };
    },
    client: () => (connected ? client : null),
    onTablesChanged: notify,
  });

  /** Re-checks `check` now and after every status or table change until it returns a value. */
  const waitUntil = <T>(check: () => T | undefined | false): Promise<T> =>
    new Promise((resolve) => {
      const attempt = () => {
        const value = check();
        if (value === undefined || value === false) return;
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
    waitUntil,
    async connect() {
      connected = true;
      await engine.setPlatform(client, 'test-platform');
    },
    settled: () =>
      waitUntil(() => engine.status().pendingChanges === 0 && engine.status().state === 'online'),
    offline: () => waitUntil(() => engine.status().state === 'offline'),
    async close() {
      await engine.stop();
      cache.close();
    },
  };
}
