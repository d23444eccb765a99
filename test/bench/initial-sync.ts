import BetterSqlite3 from 'better-sqlite3';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openCache } from '../../electron/backend/cache/open-cache';
import { backendFeatures } from '../../electron/backend/features';
import { createPlatformClient } from '../../electron/backend/platform/platform-client';
import { createSyncEngine } from '../../electron/backend/sync/sync-engine';
import { Service } from '../../shared/features/catalog/api';
import type { PlatformAtScale } from './platform-at-scale';

export interface InitialSyncFigures {
  rows: number;
  initialMs: number;
  initialRowsPerSecond: number;
  rawMs: number;
  rawRowsPerSecond: number;
  /** How many times slower the full sync path is than a bare SQLite upsert of the same rows. */
  ratioToRaw: number;
  noopMs: number;
}

/** Server → HTTP → zod validation → SQLite (with FTS), against a bare upsert of the same rows. */
export async function measureInitialSync(platform: PlatformAtScale): Promise<InitialSyncFigures> {
  const dir = await mkdtemp(join(tmpdir(), 'pave-bench-cache-'));
  const cache = openCache(join(dir, 'cache.db'), backendFeatures.migrations);
  const engine = createSyncEngine({
    db: cache.db,
    model: backendFeatures.model,
    onStatus: () => undefined,
    onTablesChanged: () => undefined,
    periodicPullMs: 3_600_000,
  });
  try {
    const client = createPlatformClient({ url: platform.url, token: platform.token, timeoutMs: 120_000 });
    const started = performance.now();
    await engine.setPlatform(client, 'bench');
    const status = await engine.syncNow();
    const initialMs = performance.now() - started;
    if (status.state !== 'online')
      throw new Error(`initial sync ended ${status.state}: ${status.lastError?.message}`);
    const rows = (cache.db.prepare('SELECT count(*) AS n FROM services').get() as { n: number }).n;

    const noopStarted = performance.now();
    await engine.syncNow();
    const noopMs = performance.now() - noopStarted;

    // The same rows, as the API returned them, upserted with one prepared statement in one
    // transaction: the floor a sync could reach if it did nothing but write.
    const response = await fetch(`${platform.url}/v1/services`, {
      headers: { authorization: `Bearer ${platform.token}` },
    });
    const services = Service.array().parse(((await response.json()) as { items: unknown }).items);
    const raw = new BetterSqlite3(join(dir, 'raw.db'));
    raw.pragma('journal_mode = WAL');
    raw.pragma('synchronous = FULL');
    raw.exec(`CREATE TABLE services (id TEXT PRIMARY KEY, name TEXT, title TEXT, owner_team_id TEXT, tier INTEGER,
              lifecycle TEXT, updated_at TEXT, data TEXT)`);
    const upsert =
      raw.prepare(`INSERT INTO services VALUES (@id, @name, @title, @ownerTeamId, @tier, @lifecycle, @updatedAt, @data)
      ON CONFLICT(id) DO UPDATE SET name = excluded.name, title = excluded.title, data = excluded.data`);
    const rawStarted = performance.now();
    raw.transaction(() => {
      for (const service of services) upsert.run({ ...service, data: JSON.stringify(service) });
    })();
    const rawMs = performance.now() - rawStarted;
    raw.close();

    return {
      rows,
      initialMs,
      initialRowsPerSecond: rows / (initialMs / 1000),
      rawMs,
      rawRowsPerSecond: services.length / (rawMs / 1000),
      ratioToRaw: initialMs / rawMs,
      noopMs,
    };
  } finally {
    await engine.stop();
    cache.close();
    await rm(dir, { recursive: true, force: true });
  }
}
