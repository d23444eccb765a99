import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openCache } from '../../electron/backend/cache/open-cache';
import { backendFeatures } from '../../electron/backend/features';
import { createPlatformClient } from '../../electron/backend/platform/platform-client';
import { createSyncEngine } from '../../electron/backend/sync/sync-engine';
import type { Database } from 'better-sqlite3';
import { Team } from '../../shared/api/directory';
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

/**
 * The median of `runs` initial syncs, each into a fresh cache, and of as many floors: one run
 * alone swings by a third on a shared machine (the first also warms the JIT and the platform).
 */
export async function measureInitialSync(platform: PlatformAtScale, runs = 3): Promise<InitialSyncFigures> {
  // The floor's rows, as the API returns them: read once, written afresh by every run.
  const headers = { authorization: `Bearer ${platform.token}` };
  const services = Service.array().parse(
    ((await (await fetch(`${platform.url}/v1/services`, { headers })).json()) as { items: unknown }).items,
  );
  const teams = Team.array().parse(
    ((await (await fetch(`${platform.url}/v1/teams`, { headers })).json()) as { items: unknown }).items,
  );
  const all: InitialSyncFigures[] = [];
  for (let run = 0; run < runs; run++) all.push(await measureOneInitialSync(platform, services, teams));
  const median = (pick: (f: InitialSyncFigures) => number) =>
    [...all].map(pick).sort((a, b) => a - b)[Math.floor(all.length / 2)] ?? 0;
  const initialMs = median((f) => f.initialMs);
  const rawMs = median((f) => f.rawMs);
  const rows = all[0]?.rows ?? 0;
  return {
    rows,
    initialMs,
    initialRowsPerSecond: rows / (initialMs / 1000),
    rawMs,
    rawRowsPerSecond: rows / (rawMs / 1000),
    ratioToRaw: initialMs / rawMs,
    noopMs: median((f) => f.noopMs),
  };
}

/** Server → HTTP → zod validation → SQLite (with FTS), against a bare upsert of the same rows. */
async function measureOneInitialSync(
  platform: PlatformAtScale,
  services: readonly Service[],
  teams: readonly Team[],
): Promise<InitialSyncFigures> {
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

    // The floor: the same rows, as the API returned them, written the cheapest way into the same
    // cache schema so that the cache holds what the sync leaves in it (issue 12: "the floor must
    // include what the cache must hold"): every typed column with the owner team's name (the team
    // sort's key), `data`, every index, the FTS index (tags space-separated, team names) filled by
    // one INSERT … SELECT, and the facet counts by one INSERT … SELECT … GROUP BY; one prepared
    // upsert, one transaction. checkSameCache proves the two caches hold the same.
    const raw = openCache(join(dir, 'raw.db'), backendFeatures.migrations);
    const rawMs = writeFloor(raw.db, services, teams);
    checkSameCache(cache.db, raw.db);
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

/** Writes the floor into `db` (an empty cache) and answers its time in ms. */
function writeFloor(db: Database, services: readonly Service[], teams: readonly Team[]): number {
  const teamNames = new Map(teams.map((team) => [team.id, team.name]));
  const insertTeam = db.prepare('INSERT INTO teams (id, slug, name, data) VALUES (?, ?, ?, ?)');
  const upsert = db.prepare(`INSERT INTO services
      (id, name, title, description, owner_team_id, team_name, tier, lifecycle, tags, updated_at, data)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (id) DO UPDATE SET name = excluded.name, title = excluded.title,
      description = excluded.description, owner_team_id = excluded.owner_team_id, team_name = excluded.team_name,
      tier = excluded.tier, lifecycle = excluded.lifecycle, tags = excluded.tags,
      updated_at = excluded.updated_at, data = excluded.data`);
  const fillSearch = db.prepare(`INSERT INTO services_fts (rowid, name, title, description, tags, team_name)
    SELECT rowid, name, title, description,
           COALESCE((SELECT group_concat(value, ' ') FROM json_each(services.tags)), ''), team_name
    FROM services`);
  const fillCounts = db.prepare(`INSERT INTO service_facet_counts (team, tier, lifecycle, n)
    SELECT owner_team_id, tier, lifecycle, COUNT(*) FROM services GROUP BY 1, 2, 3`);
  const started = performance.now();
  db.transaction(() => {
    for (const team of teams) insertTeam.run(team.id, team.slug, team.name, JSON.stringify(team));
    for (const s of services)
      upsert.run(
        s.id,
        s.name,
        s.title,
        s.description,
        s.ownerTeamId,
        teamNames.get(s.ownerTeamId) ?? s.ownerTeamId,
        s.tier,
        s.lifecycle,
        JSON.stringify(s.tags),
        s.updatedAt,
        JSON.stringify(s),
      );
    fillSearch.run();
    fillCounts.run();
  })();
  return performance.now() - started;
}

/** The floor is only a floor if it holds what the sync wrote: the same services, search rows and counts. */
function checkSameCache(synced: Database, floor: Database): void {
  const queries = {
    services: `SELECT count(*) AS n, total(length(data)) AS bytes,
                      group_concat(team_name, '') AS teams FROM (SELECT data, team_name FROM services ORDER BY id)`,
    search: `SELECT count(*) AS n, total(length(tags)) + total(length(team_name)) AS bytes FROM services_fts`,
    counts: `SELECT group_concat(team || tier || lifecycle || ':' || n, ',') AS cells
             FROM (SELECT * FROM service_facet_counts ORDER BY 1, 2, 3)`,
  };
  for (const [name, sql] of Object.entries(queries)) {
    const a = JSON.stringify(synced.prepare(sql).get());
    const b = JSON.stringify(floor.prepare(sql).get());
    if (a !== b)
      throw new Error(`the floor's ${name} differ from the sync's: ${a.slice(0, 200)} vs ${b.slice(0, 200)}`);
  }
}
