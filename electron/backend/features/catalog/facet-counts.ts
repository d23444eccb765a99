import type { Database } from 'better-sqlite3';
import { prepared } from '../../cache/prepared';

/** The cell of `service_facet_counts` (cache migration 47) a service row counts in. */
export interface FacetCell {
  owner_team_id: string;
  tier: number;
  lifecycle: string;
}

/** A service row already in the cache: its rowid (which an upsert keeps) and its cell. */
export interface CachedServiceCell {
  rowid: number;
  cell: FacetCell;
}

/** The service `id` as cached now (its rowid and cell), or undefined when it is not in the cache. */
export function cachedServiceCell(db: Database, id: string): CachedServiceCell | undefined {
  const row = prepared(db, 'SELECT rowid, owner_team_id, tier, lifecycle FROM services WHERE id = ?').get(
    id,
  ) as (FacetCell & { rowid: number }) | undefined;
  if (!row) return undefined;
  const { rowid, ...cell } = row;
  return { rowid, cell };
}

/** The services of a pulled page that are already in the cache, by id (one statement). */
export function cachedServiceCells(
  db: Database,
  services: readonly { id: string }[],
): Map<string, CachedServiceCell> {
  const rows = prepared(
    db,
    `SELECT rowid, id, owner_team_id, tier, lifecycle FROM services
     WHERE id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(services.map((s) => s.id))) as (FacetCell & { id: string; rowid: number })[];
  return new Map(rows.map(({ id, rowid, ...cell }) => [id, { rowid, cell }]));
}

/** One service more (+1) or less (-1) in `cell`; a cell that reaches zero is removed. */
export function countInCell(db: Database, cell: FacetCell, delta: 1 | -1): void {
  if (delta > 0) {
    prepared(
      db,
      `INSERT INTO service_facet_counts (team, tier, lifecycle, n) VALUES (?, ?, ?, 1)
       ON CONFLICT (team, tier, lifecycle) DO UPDATE SET n = n + 1`,
    ).run(cell.owner_team_id, cell.tier, cell.lifecycle);
    return;
  }
  prepared(db, 'UPDATE service_facet_counts SET n = n - 1 WHERE team = ? AND tier = ? AND lifecycle = ?').run(
    cell.owner_team_id,
    cell.tier,
    cell.lifecycle,
  );
  prepared(
    db,
    'DELETE FROM service_facet_counts WHERE team = ? AND tier = ? AND lifecycle = ? AND n <= 0',
  ).run(cell.owner_team_id, cell.tier, cell.lifecycle);
}

/** Moves a service from the cell it was in (if any) to the one it is in now. */
export function recount(db: Database, before: FacetCell | undefined, after: FacetCell): void {
  if (
    before &&
    before.owner_team_id === after.owner_team_id &&
    before.tier === after.tier &&
    before.lifecycle === after.lifecycle
  )
    return;
  if (before) countInCell(db, before, -1);
  countInCell(db, after, 1);
}

/** Counts every service above `rowid` (the new rows of a pulled page) in one statement. */
export function countServicesAbove(db: Database, rowid: number): void {
  prepared(
    db,
    `INSERT INTO service_facet_counts (team, tier, lifecycle, n)
     SELECT owner_team_id, tier, lifecycle, COUNT(*) FROM services WHERE rowid > ? GROUP BY 1, 2, 3
     ON CONFLICT (team, tier, lifecycle) DO UPDATE SET n = n + excluded.n`,
  ).run(rowid);
}
