import type { Database } from 'better-sqlite3';
import { Environment, Lifecycle, Service, type Tier } from '../../../../shared/features/catalog/api';
import { Team } from '../../../../shared/api/directory';
import {
  CatalogQuery,
  type CatalogPage,
  type ServiceDetail,
  type ServiceRow,
} from '../../../../shared/features/catalog/ipc';
import { prepared } from '../../cache/prepared';
import { toFtsQuery } from './fts-query';
import { readIndex, sortIndexes, type CellKey, type ReadIndex } from './read-index';

type ParsedQuery = ReturnType<typeof CatalogQuery.parse>;

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
interface CubeCell extends CellKey {
  n: number;
}

interface Cube {
  cells: CubeCell[];
  /** How many rows the search matched (all rows with no search). */
  matched: number;
}

interface SearchResult {
  cube: Cube;
  /** rowid → 1 where the row matches the search. */
  matches: Uint8Array;
}

function allCube(db: Database): Cube {
  const cells = prepared(
    db,
    'SELECT team, tier, lifecycle, n FROM service_facet_counts WHERE n > 0',
  ).all() as CubeCell[];
  return { cells, matched: cells.reduce((sum, c) => sum + c.n, 0) };
}

/**
 * The search's matches and counts per cell, from the read index, which keeps the last searches
 * between reads and current through writes (`read-index.ts`). With no search the cube is read from
 * `service_facet_counts` (cache migration 47), kept exact by the writers.
 */
function search(index: ReadIndex, fts: string): SearchResult {
  const { matches, counts } = index.search(fts);
  const found = index.cells.flatMap((c, i) => {
    const n = counts[i + 1] ?? 0;
    return n > 0 ? [{ ...c, n }] : [];
  });
  return { cube: { cells: found, matched: found.reduce((sum, c) => sum + c.n, 0) }, matches };
}

/**
 * The catalog table, one window at a time: the rows `offset … offset + limit` of the sorted,
 * filtered catalog, with `total`, `totalAll` and facet counts. Each facet is counted under the
 * search and the OTHER facets' filters (Linear/Algolia), so picking a team still shows how many
 * services every other team would add. With no search and no team filter, counts come from
 * `service_facet_counts` and rows from a walk along the sort's index, which holds the tier and
 * lifecycle; a search or a team filter (neither of which the sort indexes can check) is answered
 * from the in-memory read index (`read-index.ts`).
 */
export function listCatalog(db: Database, input: unknown): CatalogPage {
  const q = CatalogQuery.parse(input);
  const fts = toFtsQuery(q.search);
  const all = allCube(db);
  const index = fts || q.teamIds.length > 0 ? readIndex(db) : null;
  const found = fts && index ? search(index, fts) : null;
  const cube = found ? found.cube : all;
  const totalAll = all.matched;

  const teamSet = new Set(q.teamIds);
  const tierSet = new Set<number>(q.tiers);
  const lcSet = new Set<string>(q.lifecycles);
  const teamOk = (c: CellKey) => teamSet.size === 0 || teamSet.has(c.team);
  const tierOk = (c: CellKey) => tierSet.size === 0 || tierSet.has(c.tier);
  const lcOk = (c: CellKey) => lcSet.size === 0 || lcSet.has(c.lifecycle);

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

  let rows: ServiceRow[] = [];
  if (q.offset < total) {
    const window = windowOf(q, total);
    const ids = index
      ? indexWindow(index, q, window, found?.matches ?? null, (c) => teamOk(c) && tierOk(c) && lcOk(c))
      : indexWalk(db, q, window);
    rows = rowsOf(db, window.fromEnd ? ids.reverse() : ids);
  }
  return { rows, offset: q.offset, total, totalAll, facets: { teams, tiers, lifecycles } };
}

/**
 * Where the window lies: a window in the far half is read from the other end, passing at most
 * half the rows. `skip` and `take` count along that walk; its ids come in walk order.
 */
interface Window {
  fromEnd: boolean;
  /** The walk's order is the sort's ascending order (else its reverse). */
  ascending: boolean;
  skip: number;
  take: number;
}

function windowOf(q: ParsedQuery, total: number): Window {
  const end = Math.min(total, q.offset + q.limit);
  const fromEnd = q.offset > total - end;
  return {
    fromEnd,
    ascending: (q.sort.direction === 'asc') !== fromEnd,
    skip: fromEnd ? total - end : q.offset,
    take: end - q.offset,
  };
}

/** The window's rowids from a walk along the sort's index, the tier and lifecycle filters checked in it. */
function indexWalk(db: Database, q: ParsedQuery, w: Window): number[] {
  const sort = sortIndexes[q.sort.column];
  const where: string[] = [];
  const params: unknown[] = [];
  if (q.tiers.length) {
    where.push(`s.tier IN (${placeholders(q.tiers.length)})`);
    params.push(...q.tiers);
  }
  if (q.lifecycles.length) {
    where.push(`s.lifecycle IN (${placeholders(q.lifecycles.length)})`);
    params.push(...q.lifecycles);
  }
  return prepared(
    db,
    `SELECT s.rowid AS rowid FROM services s INDEXED BY ${sort.index}
     ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY ${sort.keys.map((key) => `${key} ${w.ascending ? 'ASC' : 'DESC'}`).join(', ')} LIMIT ? OFFSET ?`,
  )
    .pluck()
    .all(...params, w.take, w.skip) as number[];
}

/** The window's rowids from the read index's order: rows of the search and of the filters' cells. */
function indexWindow(
  index: ReadIndex,
  q: ParsedQuery,
  w: Window,
  matches: Uint8Array | null,
  cellOk: (c: CellKey) => boolean,
): number[] {
  const { cellOf } = index;
  const ok = new Uint8Array(index.cells.length + 1);
  index.cells.forEach((c, i) => (ok[i + 1] = cellOk(c) ? 1 : 0));
  const order = index.order(q.sort.column);
  const ids: number[] = [];
  let passed = 0;
  for (let k = 0; k < order.length && ids.length < w.take; k++) {
    const rowid = order[w.ascending ? k : order.length - 1 - k] ?? 0;
    if (!ok[cellOf[rowid] ?? 0] || (matches && !matches[rowid])) continue;
    if (passed++ >= w.skip) ids.push(rowid);
  }
  return ids;
}

/** The services of the given rowids, in that order, with their owner team's name. */
function rowsOf(db: Database, ids: number[]): ServiceRow[] {
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
