import type { Database } from 'better-sqlite3';
import { Environment, Lifecycle, Service, type Tier } from '../../../../shared/features/catalog/api';
import { Team } from '../../../../shared/api/directory';
import {
  CatalogQuery,
  type CatalogPage,
  type CatalogSortColumn,
  type ServiceDetail,
  type ServiceRow,
} from '../../../../shared/features/catalog/ipc';
import { prepared } from '../../cache/prepared';
import { toFtsQuery } from './fts-query';

type ParsedQuery = ReturnType<typeof CatalogQuery.parse>;

/** Lifecycle sorts by stage, not alphabetically (the same expression as its index). */
const lifecycleRank = `(CASE s.lifecycle WHEN 'experimental' THEN 1 WHEN 'production' THEN 2 ELSE 3 END)`;

/**
 * Each sort walks its own index (cache migration 46), ties broken by name then rowid in the same
 * direction, which is the index's order read forwards or backwards.
 */
const sorts: Record<CatalogSortColumn, { index: string; keys: string[] }> = {
  name: { index: 'services_sort_name', keys: ['s.name COLLATE NOCASE', 's.rowid'] },
  title: {
    index: 'services_sort_title',
    keys: ['s.title COLLATE NOCASE', 's.name COLLATE NOCASE', 's.rowid'],
  },
  team: {
    index: 'services_sort_team',
    keys: ['s.team_name COLLATE NOCASE', 's.name COLLATE NOCASE', 's.rowid'],
  },
  tier: { index: 'services_sort_tier', keys: ['s.tier', 's.name COLLATE NOCASE', 's.rowid'] },
  lifecycle: { index: 'services_sort_lifecycle', keys: [lifecycleRank, 's.name COLLATE NOCASE', 's.rowid'] },
  updatedAt: { index: 'services_sort_updated', keys: ['s.updated_at', 's.name COLLATE NOCASE', 's.rowid'] },
};

/** Thresholds between query plans; tests set them to force each plan. */
export interface CatalogReadTuning {
  sortMatchesBelow?: number;
  testEachRowBelow?: number;
}

/**
 * Sorting just the matching rows (found through the search or a filter's index) costs a row read
 * per match; walking the sort's index costs far less per row it passes. The walk wins unless it
 * would pass more than this many rows per match (few matches, or a window deep in the list).
 */
const WALK_ROWS_PER_MATCH = 10;

/**
 * A walk along a sort index for a search of one- or two-letter words that matches much of the
 * catalog may test each row it passes against the search (a seek in the index's prefix lists,
 * cache migration 48) when it passes fewer rows than this; further in, or when matches are
 * sparse (each test then costs far more), collecting every match first is cheaper.
 */
const TEST_EACH_ROW_BELOW = 3000;

/**
 * Every word of the search is served by the search index's one- and two-letter prefix lists
 * (each term of an FTS query from `toFtsQuery` reads `"word"*`).
 */
const shortPrefixes = (fts: string) => fts.split(' ').every((term) => [...term.slice(1, -2)].length <= 2);

const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');

interface ServiceSqlRow {
  rowid: number;
  id: string;
  name: string;
  title: string;
  description: string;
  owner_team_id: string;
  team_name: string | null;
  tier: number;
  lifecycle: string;
  tags: string;
  updated_at: string;
}

const toRow = (r: ServiceSqlRow): ServiceRow => ({
  id: r.id,
  name: r.name,
  title: r.title,
  description: r.description,
  ownerTeamId: r.owner_team_id,
  ownerTeamName: r.team_name,
  tier: r.tier as Tier,
  lifecycle: Lifecycle.parse(r.lifecycle),
  tags: JSON.parse(r.tags) as string[],
  updatedAt: r.updated_at,
});

/** Service counts per (team, tier, lifecycle) among the rows a search matches: every count the page shows. */
interface CubeCell {
  team: string;
  tier: number;
  lifecycle: string;
  n: number;
}

interface Cube {
  cells: CubeCell[];
  /** How many rows the search matched (all rows with no search). */
  matched: number;
}

/**
 * The last cubes, per search text, until the cache changes: typing and scrolling ask the same
 * counts again and again. `data_version` moves when another connection commits, `total_changes()`
 * when this one writes; either drops the memo. With no search the cube is read from
 * `service_facet_counts` (cache migration 47), which the triggers keep exact, so it needs no memo.
 */
const cubes = new WeakMap<Database, { version: string; bySearch: Map<string, Cube> }>();

function cacheVersion(db: Database): string {
  const { changes } = prepared(db, 'SELECT total_changes() AS changes').get() as { changes: number };
  return `${changes}:${String(db.pragma('data_version', { simple: true }))}`;
}

function allCube(db: Database): Cube {
  const cells = prepared(
    db,
    'SELECT team, tier, lifecycle, n FROM service_facet_counts WHERE n > 0',
  ).all() as CubeCell[];
  return { cells, matched: cells.reduce((sum, c) => sum + c.n, 0) };
}

function searchCube(db: Database, fts: string, totalAll: number): Cube {
  const version = cacheVersion(db);
  let memo = cubes.get(db);
  if (!memo || memo.version !== version) {
    memo = { version, bySearch: new Map() };
    cubes.set(db, memo);
  }
  let cube = memo.bySearch.get(fts);
  if (!cube) {
    // Unless a search matches only a few rows, counting the narrow facet index against the set
    // of matches beats reading every matching row (a seek into the wide table each). Counting
    // the matches first is cheap (no row is read) and tells which plan fits.
    const matches = prepared(db, 'SELECT COUNT(*) FROM services_fts WHERE services_fts MATCH ?')
      .pluck()
      .get(fts) as number;
    const broad = matches > totalAll / 50;
    const cells = prepared(
      db,
      broad
        ? `SELECT s.owner_team_id AS team, s.tier, s.lifecycle, COUNT(*) AS n
           FROM services s INDEXED BY services_facets
           WHERE s.rowid IN (SELECT rowid FROM services_fts WHERE services_fts MATCH ?) GROUP BY 1, 2, 3`
        : `SELECT s.owner_team_id AS team, s.tier, s.lifecycle, COUNT(*) AS n
           FROM services_fts f JOIN services s ON s.rowid = f.rowid
           WHERE services_fts MATCH ? GROUP BY 1, 2, 3`,
    ).all(fts) as CubeCell[];
    cube = { cells, matched: cells.reduce((sum, c) => sum + c.n, 0) };
    if (memo.bySearch.size > 50) memo.bySearch.clear();
    memo.bySearch.set(fts, cube);
  }
  return cube;
}

/**
 * The catalog table, one window at a time: the rows `offset … offset + limit` of the sorted,
 * filtered catalog, with `total`, `totalAll` and facet counts. Each facet is counted under the
 * search and the OTHER facets' filters (Linear/Algolia), so picking a team still shows how many
 * services every other team would add. Counts come from a small per-search cube, rows from a
 * walk along the sort's index; nothing here grows with the catalog but the cube's cells.
 */
export function listCatalog(db: Database, input: unknown, tuning: CatalogReadTuning = {}): CatalogPage {
  const q = CatalogQuery.parse(input);
  const fts = toFtsQuery(q.search);
  const all = allCube(db);
  const cube = fts ? searchCube(db, fts, all.matched) : all;
  const totalAll = all.matched;

  const teamSet = new Set(q.teamIds);
  const tierSet = new Set<number>(q.tiers);
  const lcSet = new Set<string>(q.lifecycles);
  const teamOk = (c: CubeCell) => teamSet.size === 0 || teamSet.has(c.team);
  const tierOk = (c: CubeCell) => tierSet.size === 0 || tierSet.has(c.tier);
  const lcOk = (c: CubeCell) => lcSet.size === 0 || lcSet.has(c.lifecycle);

  let total = 0;
  const teamCounts = new Map<string, number>();
  const tierCounts = new Map<number, number>();
  const lcCounts = new Map<string, number>();
  const add = <K>(map: Map<K, number>, key: K, n: number) => map.set(key, (map.get(key) ?? 0) + n);
  for (const c of cube.cells) {
    const [team, tier, lc] = [teamOk(c), tierOk(c), lcOk(c)];
    if (team && tier && lc) total += c.n;
    if (tier && lc) add(teamCounts, c.team, c.n);
    if (team && lc) add(tierCounts, c.tier, c.n);
    if (team && tier) add(lcCounts, c.lifecycle, c.n);
  }

  const teamNames = prepared(db, 'SELECT id, name FROM teams ORDER BY name COLLATE NOCASE, id').all() as {
    id: string;
    name: string;
  }[];
  // Every known team (so a selected team with no matches stays visible), plus owners not synced yet.
  const teams = teamNames.map((t) => ({ value: t.id, label: t.name, count: teamCounts.get(t.id) ?? 0 }));
  const known = new Set(teamNames.map((t) => t.id));
  for (const [id, n] of teamCounts) if (!known.has(id)) teams.push({ value: id, label: id, count: n });
  const tiers = ([1, 2, 3, 4] as const).map((tier) => ({
    value: tier,
    label: `Tier ${tier}`,
    count: tierCounts.get(tier) ?? 0,
  }));
  const lifecycles = Lifecycle.options.map((lc) => ({
    value: lc,
    label: lc.charAt(0).toUpperCase() + lc.slice(1),
    count: lcCounts.get(lc) ?? 0,
  }));

  const rows = q.offset < total ? windowRows(db, q, fts, total, totalAll, tuning) : [];
  return { rows, offset: q.offset, total, totalAll, facets: { teams, tiers, lifecycles } };
}

/** The rows of the window: their rowids from the sort index (or the sorted matches), then the rows. */
function windowRows(
  db: Database,
  q: ParsedQuery,
  fts: string | null,
  total: number,
  totalAll: number,
  tuning: CatalogReadTuning,
): ServiceRow[] {
  const sort = sorts[q.sort.column];
  // A window in the far half is read from the other end, walking at most half the index.
  const end = Math.min(total, q.offset + q.limit);
  const fromEnd = q.offset > total - end;
  const skip = fromEnd ? total - end : q.offset;
  // About how many rows a walk along the sort index passes to reach the window's end (matches
  // are spread along any sort evenly enough for a choice of plan).
  const passed = ((skip + end - q.offset) * totalAll) / Math.max(total, 1);
  const sortMatches =
    tuning.sortMatchesBelow === undefined
      ? passed > WALK_ROWS_PER_MATCH * total
      : total < tuning.sortMatchesBelow;
  const where: string[] = [];
  const params: unknown[] = [];
  if (fts) {
    const testEachRow =
      !sortMatches &&
      shortPrefixes(fts) &&
      total * 4 > totalAll &&
      passed < (tuning.testEachRowBelow ?? TEST_EACH_ROW_BELOW);
    where.push(
      testEachRow
        ? 'EXISTS (SELECT 1 FROM services_fts WHERE services_fts MATCH ? AND services_fts.rowid = s.rowid)'
        : 's.rowid IN (SELECT rowid FROM services_fts WHERE services_fts MATCH ?)',
    );
    params.push(fts);
  }
  if (q.teamIds.length) {
    where.push(`s.owner_team_id IN (${placeholders(q.teamIds.length)})`);
    params.push(...q.teamIds);
  }
  if (q.tiers.length) {
    where.push(`s.tier IN (${placeholders(q.tiers.length)})`);
    params.push(...q.tiers);
  }
  if (q.lifecycles.length) {
    where.push(`s.lifecycle IN (${placeholders(q.lifecycles.length)})`);
    params.push(...q.lifecycles);
  }
  const ascending = (q.sort.direction === 'asc') !== fromEnd;
  // Few matches: sort just them. Otherwise walk the sort's index, filters checked in the index.
  const source = sortMatches ? 'services s' : `services s INDEXED BY ${sort.index}`;
  const ids = prepared(
    db,
    `SELECT s.rowid AS rowid FROM ${source} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY ${sort.keys.map((key) => `${key} ${ascending ? 'ASC' : 'DESC'}`).join(', ')} LIMIT ? OFFSET ?`,
  )
    .pluck()
    .all(...params, end - q.offset, skip) as number[];
  if (fromEnd) ids.reverse();
  if (ids.length === 0) return [];
  const found = prepared(
    db,
    `SELECT s.rowid, s.id, s.name, s.title, s.description, s.owner_team_id, t.name AS team_name, s.tier,
            s.lifecycle, s.tags, s.updated_at
     FROM services s LEFT JOIN teams t ON t.id = s.owner_team_id
     WHERE s.rowid IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(ids)) as ServiceSqlRow[];
  const byRowid = new Map(found.map((row) => [row.rowid, row]));
  return ids.flatMap((rowid) => {
    const row = byRowid.get(rowid);
    return row ? [toRow(row)] : [];
  });
}

/** One service with its owner team and the environments it can be deployed to. */
export function getServiceDetail(db: Database, id: string): ServiceDetail | null {
  const row = db.prepare('SELECT data FROM services WHERE id = ?').get(id) as { data: string } | undefined;
  if (!row) return null;
  const service = Service.parse(JSON.parse(row.data));
  const team = db.prepare('SELECT data FROM teams WHERE id = ?').get(service.ownerTeamId) as
    { data: string } | undefined;
  return {
    ...service,
    ownerTeam: team ? Team.parse(JSON.parse(team.data)) : null,
    environments: listEnvironments(db),
  };
}

export function listEnvironments(db: Database): Environment[] {
  const rows = db.prepare('SELECT data FROM environments ORDER BY position, name').all() as {
    data: string;
  }[];
  return rows.map((r) => Environment.parse(JSON.parse(r.data)));
}

/** A service's name for a one-line summary (the outbox panel), or 'a deleted service'. */
export function serviceName(db: Database, id: string): string {
  const row = db.prepare('SELECT name FROM services WHERE id = ?').get(id) as { name: string } | undefined;
  return row?.name ?? 'a deleted service';
}
