import type { Database } from 'better-sqlite3';
import type { CatalogSortColumn } from '../../../../shared/features/catalog/ipc';
import { prepared } from '../../cache/prepared';

/** One (owner team, tier, lifecycle) combination: the unit every facet count adds up. */
export interface CellKey {
  team: string;
  tier: number;
  lifecycle: string;
}

/**
 * The catalog's rows reduced to numbers, held in memory between writes to the catalog: each
 * row's facet cell and, per sort, every rowid in the sort's order. A search's facet counts and
 * any window of its matches are then a pass over typed arrays, where SQL would seek into the
 * services table once per match (a first-letter search matches half of 100,000 rows: 40 ms of
 * counting, 100+ ms for a window deep in its matches). Building costs one scan of the facet
 * index, and of a sort's index on its first use, after each write to the catalog.
 */
export interface ReadIndex {
  /** rowid → 1 + the row's cell number; 0 where no service has that rowid. */
  cellOf: Uint32Array;
  cells: CellKey[];
  /** Every rowid, in the sort's ascending order (the descending order is its reverse). */
  order(column: CatalogSortColumn): Int32Array;
}

/**
 * The ascending order of each sort: exactly the columns of its index (cache migration 46), then
 * the rowid every index ends with, so SQLite reads the index in order and sorts nothing.
 */
export const sortIndexes: Record<CatalogSortColumn, { index: string; keys: string[] }> = {
  name: { index: 'services_sort_name', keys: ['s.name COLLATE NOCASE', 's.tier', 's.lifecycle', 's.rowid'] },
  title: {
    index: 'services_sort_title',
    keys: ['s.title COLLATE NOCASE', 's.name COLLATE NOCASE', 's.tier', 's.lifecycle', 's.rowid'],
  },
  team: {
    index: 'services_sort_team',
    keys: ['s.team_name COLLATE NOCASE', 's.name COLLATE NOCASE', 's.tier', 's.lifecycle', 's.rowid'],
  },
  tier: { index: 'services_sort_tier', keys: ['s.tier', 's.name COLLATE NOCASE', 's.lifecycle', 's.rowid'] },
  lifecycle: {
    index: 'services_sort_lifecycle',
    keys: [
      `(CASE s.lifecycle WHEN 'experimental' THEN 1 WHEN 'production' THEN 2 ELSE 3 END)`,
      's.name COLLATE NOCASE',
      's.tier',
      's.rowid',
    ],
  },
  updatedAt: {
    index: 'services_sort_updated',
    keys: ['s.updated_at', 's.name COLLATE NOCASE', 's.tier', 's.lifecycle', 's.rowid'],
  },
};

const built = new WeakMap<Database, { stamp: Buffer; index: ReadIndex }>();

/**
 * What moves whenever a service is written: the search index's structure record (rowid 10 of
 * `services_fts_data`, FTS5's format). Every write to services_fts, which the catalog's writers
 * make for every service put, delete and team rename (and a resync's emptying), adds a segment
 * and bumps the record's write counter, so it never repeats. Reading it is one row.
 */
function catalogStamp(db: Database): Buffer {
  const block = prepared(db, 'SELECT block FROM services_fts_data WHERE id = 10').pluck().get() as
    Buffer | undefined;
  return block ?? Buffer.alloc(0);
}

/** A JSON array of integers (SQLite's json_group_array) as typed array. */
const rowids = (json: string | null): Int32Array => Int32Array.from(JSON.parse(json ?? '[]') as number[]);

export function readIndex(db: Database): ReadIndex {
  const stamp = catalogStamp(db);
  const last = built.get(db);
  if (last && last.stamp.equals(stamp)) return last.index;

  const maxRowid =
    (prepared(db, 'SELECT COALESCE(MAX(rowid), 0) FROM services').pluck().get() as number) || 0;
  const cellOf = new Uint32Array(maxRowid + 1);
  // The cells from the counts the writers keep (cache migration 47), then each cell's rows from
  // its range of the facet index: a third cheaper than grouping the whole index in one statement.
  const cells = prepared(
    db,
    'SELECT team, tier, lifecycle FROM service_facet_counts WHERE n > 0',
  ).all() as CellKey[];
  const rowsOfCell = prepared(
    db,
    `SELECT json_group_array(rowid) FROM services INDEXED BY services_facets
     WHERE owner_team_id = ? AND tier = ? AND lifecycle = ?`,
  ).pluck();
  cells.forEach(({ team, tier, lifecycle }, i) => {
    for (const rowid of rowids(rowsOfCell.get(team, tier, lifecycle) as string)) cellOf[rowid] = i + 1;
  });
  const orders = new Map<CatalogSortColumn, Int32Array>();
  const index: ReadIndex = {
    cellOf,
    cells,
    order(column) {
      let order = orders.get(column);
      if (!order) {
        const sort = sortIndexes[column];
        // The subquery's ORDER BY holds: SQLite never flattens an ordered subquery into an aggregate.
        order = rowids(
          prepared(
            db,
            `SELECT json_group_array(rowid) FROM (
               SELECT s.rowid AS rowid FROM services s INDEXED BY ${sort.index} ORDER BY ${sort.keys.join(', ')})`,
          )
            .pluck()
            .get() as string,
        );
        orders.set(column, order);
      }
      return order;
    },
  };
  built.set(db, { stamp, index });
  return index;
}

/**
 * The rowids a search matches, in one string from SQLite: a row at a time across the native
 * boundary costs about twice the search itself when it matches half the catalog.
 */
export function searchMatches(db: Database, fts: string): number[] {
  const json = prepared(db, 'SELECT json_group_array(rowid) FROM services_fts WHERE services_fts MATCH ?')
    .pluck()
    .get(fts) as string;
  return JSON.parse(json) as number[];
}

/** Whether the read index in memory is the one for the catalog as it is now (for tests). */
export function readIndexIsCurrent(db: Database): boolean {
  return built.get(db)?.stamp.equals(catalogStamp(db)) ?? false;
}

const warmups = new WeakMap<Database, NodeJS.Timeout>();
/** Quiet time after the last catalog write before the read index is rebuilt ahead of a read. */
export const WARM_AFTER_MS = 1_000;

/**
 * Rebuilds the read index (and the default sort's order) once the catalog has been quiet for
 * `WARM_AFTER_MS`, so the first search after a sync does not pay for it: 40–60 ms at 100,000
 * services, against ~14 ms for the search itself. Pages of a sync arrive faster than that, so an
 * initial sync rebuilds once, at its end. A search within that second still rebuilds on its way.
 */
export function warmReadIndexSoon(db: Database): void {
  const pending = warmups.get(db);
  if (pending) clearTimeout(pending);
  const timer = setTimeout(() => {
    warmups.delete(db);
    if (!db.open) return;
    try {
      readIndex(db).order('name');
    } catch {
      // Only a warm-up: the next read builds the index itself and reports what fails.
    }
  }, WARM_AFTER_MS);
  timer.unref();
  warmups.set(db, timer);
}
