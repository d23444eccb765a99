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

    // The floor: the same rows, as the API returned them, in the same cache schema (every typed
    // column, `data`, the owner-team index and the FTS index), written with one prepared upsert in
    // one transaction and the search index filled by one INSERT … SELECT: what the cache must
    // hold, with nothing else done.
    const response = await fetch(`${platform.url}/v1/services`, {
      headers: { authorization: `Bearer ${platform.token}` },
    });
    const services = Service.array().parse(((await response.json()) as { items: unknown }).items);
    const raw = openCache(join(dir, 'raw.db'), backendFeatures.migrations);
    const upsert = raw.db.prepare(`INSERT INTO services
        (id, name, title, description, owner_team_id, tier, lifecycle, tags, updated_at, data)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (id) DO UPDATE SET name = excluded.name, title = excluded.title,
        description = excluded.description, owner_team_id = excluded.owner_team_id, tier = excluded.tier,
        lifecycle = excluded.lifecycle, tags = excluded.tags, updated_at = excluded.updated_at, data = excluded.data`);
    const fill = raw.db.prepare(`INSERT INTO services_fts (rowid, name, title, description, tags, team_name)
      SELECT rowid, name, title, description, tags, '' FROM services`);
    const rawStarted = performance.now();
    raw.db.transaction(() => {
      for (const s of services)
        upsert.run(
          s.id,
          s.name,
          s.title,
          s.description,
          s.ownerTeamId,
          s.tier,
          s.lifecycle,
          JSON.stringify(s.tags),
          s.updatedAt,
          JSON.stringify(s),
        );
      fill.run();
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
