import { openCache } from '../../../../electron/backend/cache/open-cache';
import { backendFeatures } from '../../../../electron/backend/features';
import { createSurveyHandlers } from '../../../../electron/backend/features/surveys/handlers';
import { createPlatformClient } from '../../../../electron/backend/platform/platform-client';
import { createSyncEngine } from '../../../../electron/backend/sync/sync-engine';
import { featureContext } from '../../feature-context';
import { changeSignals } from '../../change-signals';

/** A desktop backend as create-backend wires the survey part: cache, sync engine, survey IPC handlers. */
export async function startSurveyClient(file: string, opts: { url: string; token: string }) {
  const cache = openCache(file, backendFeatures.migrations);
  const db = cache.db;
  const { notify, waitUntil } = changeSignals();
  const log: string[] = [];
  // What the survey commands announced (tables:changed), for the tests that check it.
  const announced: string[][] = [];
  const engine = createSyncEngine({
    db,
    model: backendFeatures.model,
    backoff: { initialMs: 20, maxMs: 200, random: () => 1 },
    periodicPullMs: 600_000,
    log: (line) => log.push(line),
    onStatus: notify,
    onTablesChanged: notify,
  });
  const client = createPlatformClient({ url: opts.url, token: opts.token, timeoutMs: 5_000 });
  let connected = false;
  const { handlers } = createSurveyHandlers(
    featureContext(db, {
      onTablesChanged: (tables: string[]) => {
        announced.push(tables);
        notify();
      },
      onLocalChange: () => engine.localChange(),
      client: () => (connected ? client : null),
    }),
  );

  return {
    db,
    engine,
    handlers,
    announced,
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
