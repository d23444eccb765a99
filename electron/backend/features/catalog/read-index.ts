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
 * The catalog's rows reduced to numbers, held in memory between reads: each row's facet cell
 * and, per sort, every rowid in the sort's order. A search's facet counts and any window of its
 * matches are then a pass over typed arrays, where SQL would seek into the services table once
 * per match (a first-letter search matches half of 100,000 rows: 40 ms of counting, 100+ ms for
 * a window deep in its matches). Built with one scan of the facet index (and of a sort's index on
 * its first use); after that the catalog's writers keep it current row by row (`keepReadIndex`).
 */
export interface ReadIndex {
  /** rowid → 1 + the row's cell number; 0 where no service has that rowid (it may run past the last rowid). */
  readonly cellOf: Uint32Array;
  /** Every cell a row is or was in since the build (a cell may be empty now). */
  readonly cells: readonly CellKey[];
  /** Every rowid, in the sort's ascending order (the descending order is its reverse). */
  order(column: CatalogSortColumn): Int32Array;
  /** What a search (an FTS5 query) matches, per row and per cell. */
  search(fts: string): IndexedSearch;
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

/** A service row as written: its rowid and the cell it counts in. */
export interface PlacedRow {
  rowid: number;
  cell: CellKey;
}

/** A search's matches: rowid → 1 where the row matches; per cell number, how many rows match. */
export interface IndexedSearch {
  matches: Uint8Array;
  counts: number[];
}

/** Searches kept current between reads (the last ones asked). */
const KEPT_SEARCHES = 8;
/**
 * Rows times kept searches a write may check to keep the searches current (~10 µs each); past
 * that, asking the searches again on their next use (a one-letter search ~6 ms) is cheaper.
 */
const SEARCH_CHECK_LIMIT = 400;

const probeTables = new WeakSet<Database>();
/**
 * Whether one row matches each search. Asking `services_fts` with `rowid = ?` seeks the search's
 * terms in each of its segments (a thousand after a sync: ~1.5 ms per question), so the row's
 * search text is copied into a one-row FTS5 table of this connection with the same columns and
 * tokenizer, where MATCH means exactly what it means in `services_fts`.
 */
function rowMatches(db: Database, rowid: number, searches: readonly string[]): boolean[] {
  if (!probeTables.has(db)) {
    db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.service_search_probe USING fts5 (
      name, title, description, tags, team_name, tokenize = 'unicode61 remove_diacritics 2')`);
    probeTables.add(db);
  }
  prepared(db, 'DELETE FROM temp.service_search_probe').run();
  // CAST: better-sqlite3 binds a number as REAL, and FTS5 then ignores a rowid constraint.
  prepared(
    db,
    `INSERT INTO temp.service_search_probe (rowid, name, title, description, tags, team_name)
     SELECT 1, name, title, description, tags, team_name FROM services_fts WHERE rowid = CAST(? AS INTEGER)`,
  ).run(rowid);
  const match = prepared(
    db,
    'SELECT 1 FROM temp.service_search_probe WHERE service_search_probe MATCH ?',
  ).pluck();
  return searches.map((fts) => match.get(fts) !== undefined);
}

/** A sort's rowids in a buffer with room to grow: the first `length` entries are the order. */
interface Order {
  ids: Int32Array;
  length: number;
}

/** The index of one connection, and the search index's structure record it is current for. */
class BuiltIndex implements ReadIndex {
  cellOf: Uint32Array;
  readonly cells: CellKey[] = [];
  private readonly cellNumbers = new Map<string, number>();
  private readonly orders = new Map<CatalogSortColumn, Order>();
  private readonly searches = new Map<string, IndexedSearch>();

  constructor(
    private readonly db: Database,
    public stamp: Buffer,
  ) {
    const maxRowid =
      (prepared(db, 'SELECT COALESCE(MAX(rowid), 0) FROM services').pluck().get() as number) || 0;
    this.cellOf = new Uint32Array(maxRowid + 1);
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
    for (const cell of cells) {
      const number = this.cellNumber(cell);
      for (const rowid of rowids(rowsOfCell.get(cell.team, cell.tier, cell.lifecycle) as string))
        this.cellOf[rowid] = number;
    }
  }

  order(column: CatalogSortColumn): Int32Array {
    let order = this.orders.get(column);
    if (!order) {
      order = this.readOrder(column);
      this.orders.set(column, order);
    }
    return order.ids.subarray(0, order.length);
  }

  size(): number {
    return this.cellOf.length;
  }

  /** The cell's number (1-based), numbering it if no row was in it yet. */
  private cellNumber(cell: CellKey): number {
    const key = `${cell.team}\u0000${cell.tier}\u0000${cell.lifecycle}`;
    let number = this.cellNumbers.get(key);
    if (number === undefined) {
      this.cells.push({ team: cell.team, tier: cell.tier, lifecycle: cell.lifecycle });
      number = this.cells.length;
      this.cellNumbers.set(key, number);
    }
    return number;
  }

  private readOrder(column: CatalogSortColumn): Order {
    const sort = sortIndexes[column];
    // The subquery's ORDER BY holds: SQLite never flattens an ordered subquery into an aggregate.
    const ids = rowids(
      prepared(
        this.db,
        `SELECT json_group_array(rowid) FROM (
           SELECT s.rowid AS rowid FROM services s INDEXED BY ${sort.index} ORDER BY ${sort.keys.join(', ')})`,
      )
        .pluck()
        .get() as string,
    );
    return { ids, length: ids.length };
  }

  /**
   * Puts rows, as they are in the table now, in their cells and in every built sort's order.
   * All of them leave the orders first: a binary search needs every other row in its place.
   */
  place(rows: readonly PlacedRow[]): void {
    const byRowid = new Map(rows.map((row) => [row.rowid, row.cell]));
    const [only] = byRowid.keys();
    for (const [column, order] of this.orders) {
      if (byRowid.size === 1 && only !== undefined && this.stays(column, order, only)) continue;
      for (const rowid of byRowid.keys()) if ((this.cellOf[rowid] ?? 0) !== 0) this.drop(order, rowid);
      for (const rowid of byRowid.keys()) this.insert(column, order, rowid);
    }
    this.setCells(rows);
  }

  /** Puts rows in their cells only (their sorts' orders are read again instead), and in the kept searches. */
  setCells(rows: readonly PlacedRow[]): void {
    const byRowid = new Map(rows.map((row) => [row.rowid, row.cell]));
    let top = 0;
    for (const rowid of byRowid.keys()) top = Math.max(top, rowid);
    if (top >= this.cellOf.length) {
      const grown = new Uint32Array(Math.max(top + 1, Math.ceil(this.cellOf.length * 1.5)));
      grown.set(this.cellOf);
      this.cellOf = grown;
    }
    if (byRowid.size * this.searches.size > SEARCH_CHECK_LIMIT) this.searches.clear();
    const searches = [...this.searches];
    for (const [rowid, cell] of byRowid) {
      const number = this.cellNumber(cell);
      const matched =
        searches.length > 0
          ? rowMatches(
              this.db,
              rowid,
              searches.map(([fts]) => fts),
            )
          : [];
      for (const [k, [, found]] of searches.entries()) {
        this.unmatch(found, rowid);
        if (!matched[k]) continue;
        if (rowid >= found.matches.length) {
          const grown = new Uint8Array(this.cellOf.length);
          grown.set(found.matches);
          found.matches = grown;
        }
        found.matches[rowid] = 1;
        found.counts[number] = (found.counts[number] ?? 0) + 1;
      }
      this.cellOf[rowid] = number;
    }
  }

  /** Takes a deleted row out of its cell, out of the kept searches and out of every built order. */
  remove(rowid: number): void {
    if (rowid >= this.cellOf.length || this.cellOf[rowid] === 0) return;
    for (const found of this.searches.values()) this.unmatch(found, rowid);
    this.cellOf[rowid] = 0;
    for (const order of this.orders.values()) this.drop(order, rowid);
  }

  /** Most writes leave a row's sort keys as they were: two comparisons show it is still in place. */
  private stays(column: CatalogSortColumn, order: Order, rowid: number): boolean {
    if ((this.cellOf[rowid] ?? 0) === 0) return false;
    const at = order.ids.subarray(0, order.length).indexOf(rowid);
    if (at < 0) return false;
    const afterPrevious = at === 0 || this.before(column, order.ids[at - 1] ?? 0, rowid);
    return afterPrevious && (at === order.length - 1 || this.before(column, rowid, order.ids[at + 1] ?? 0));
  }

  private drop(order: Order, rowid: number): void {
    const at = order.ids.subarray(0, order.length).indexOf(rowid);
    if (at < 0) return;
    order.ids.copyWithin(at, at + 1, order.length);
    order.length--;
  }

  private unmatch(found: IndexedSearch, rowid: number): void {
    if (found.matches[rowid] !== 1) return;
    found.matches[rowid] = 0;
    const cell = this.cellOf[rowid] ?? 0;
    found.counts[cell] = (found.counts[cell] ?? 1) - 1;
  }

  /**
   * The rows a search (an FTS5 query) matches and how many in each cell, kept between reads:
   * scrolling asks the same search again and again, and a one-letter search costs 5 ms of FTS5
   * alone at 100,000 services. The writers keep the last few current row by row, like the rest.
   */
  search(fts: string): IndexedSearch {
    let found = this.searches.get(fts);
    if (found) {
      // Most recently used last: the first is the one dropped.
      this.searches.delete(fts);
      this.searches.set(fts, found);
      return found;
    }
    const { cellOf } = this;
    const counts: number[] = new Array<number>(this.cells.length + 1).fill(0);
    const matches = new Uint8Array(cellOf.length);
    const ids = searchMatches(this.db, fts);
    for (let k = 0; k < ids.length; k++) {
      const rowid = ids[k] ?? 0;
      // A rowid past the read index has no service row (cell 0, counted nowhere).
      const cell = rowid < cellOf.length ? (cellOf[rowid] ?? 0) : 0;
      if (cell === 0) continue;
      counts[cell] = (counts[cell] ?? 0) + 1;
      matches[rowid] = 1;
    }
    found = { matches, counts };
    if (this.searches.size >= KEPT_SEARCHES) {
      const [oldest] = this.searches.keys();
      if (oldest !== undefined) this.searches.delete(oldest);
    }
    this.searches.set(fts, found);
    return found;
  }

  forgetSearches(): void {
    this.searches.clear();
  }

  /** Reads a built sort's order again from its index: cheaper than placing thousands of rows one by one. */
  reread(column?: CatalogSortColumn): void {
    for (const built of [...this.orders.keys()]) {
      if (column === undefined || built === column) this.orders.set(built, this.readOrder(built));
    }
  }

  /** Binary search for the row's place, SQLite comparing the sort's keys (its collations are the index's). */
  private insert(column: CatalogSortColumn, order: Order, rowid: number): void {
    let low = 0;
    let high = order.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.before(column, order.ids[mid] ?? 0, rowid)) low = mid + 1;
      else high = mid;
    }
    if (order.length === order.ids.length) {
      const grown = new Int32Array(Math.max(16, Math.ceil(order.length * 1.25)));
      grown.set(order.ids);
      order.ids = grown;
    }
    order.ids.copyWithin(low + 1, low, order.length);
    order.ids[low] = rowid;
    order.length++;
  }

  /** Whether row `a` sorts before row `b` in the sort's ascending order. */
  private before(column: CatalogSortColumn, a: number, b: number): boolean {
    return prepared(this.db, compareSql(column)).pluck().get(a, b) === 1;
  }
}

const comparisons = new Map<CatalogSortColumn, string>();
/** `(keys of row a) < (keys of row b)` as a row-value comparison: each key keeps its collation. */
function compareSql(column: CatalogSortColumn): string {
  let sql = comparisons.get(column);
  if (!sql) {
    const keys = (alias: string) =>
      sortIndexes[column].keys.map((k) => k.replaceAll('s.', `${alias}.`)).join(', ');
    sql = `SELECT (${keys('a')}) < (${keys('b')}) FROM services a, services b WHERE a.rowid = ? AND b.rowid = ?`;
    comparisons.set(column, sql);
  }
  return sql;
}

const built = new WeakMap<Database, BuiltIndex>();

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

/**
 * Inside a transaction FTS5 holds its writes in memory until the commit, and the structure
 * record moves only then; flushing them first makes the record read now the one the commit
 * will leave (and a rollback restores the old one, which the index then no longer matches).
 */
function flushedStamp(db: Database): Buffer {
  prepared(db, `INSERT INTO services_fts (services_fts) VALUES ('flush')`).run();
  return catalogStamp(db);
}

/** A JSON array of integers (SQLite's json_group_array) as typed array. */
const rowids = (json: string | null): Int32Array => Int32Array.from(JSON.parse(json ?? '[]') as number[]);

export function readIndex(db: Database): ReadIndex {
  const stamp = catalogStamp(db);
  const last = built.get(db);
  if (last && last.stamp.equals(stamp)) return last;
  const index = new BuiltIndex(db, stamp);
  built.set(db, index);
  return index;
}

/** What a catalog writer may do to the read index after its write (in the same transaction). */
export interface ReadIndexUpdate {
  /** The rows were written (added, or changed in any sort key or facet): put them where they belong now. */
  place(rows: readonly PlacedRow[]): void;
  /** Puts rows in their cells only, when their sorts' orders are read again (`reread`). */
  setCells(rows: readonly PlacedRow[]): void;
  /** The row was deleted. */
  remove(rowid: number): void;
  /** Many rows moved in the given sort (or in all sorts): read its order again from its index. */
  reread(column?: CatalogSortColumn): void;
  /** About how many rows the catalog has (its highest rowid). */
  size(): number;
}

/**
 * Runs a write to the catalog and brings the read index up to date with it, so the next read
 * finds it current instead of rebuilding it (40–60 ms at 100,000 services). The index must be
 * current before the write (an uncovered write would otherwise hide behind this one); when it
 * is not, or none is built, it is dropped and warmed again once the writes are quiet. After the
 * update the index records the structure record the write leaves: a rollback, or any write that
 * bypasses the writers (a resync's emptying), leaves another, and the next read rebuilds.
 */
export function keepReadIndex<T>(
  db: Database,
  write: () => T,
  update: (index: ReadIndexUpdate, written: T) => void,
): T {
  let index = built.get(db);
  if (index && !index.stamp.equals(flushedStamp(db))) {
    built.delete(db);
    index = undefined;
  }
  const written = write();
  if (!index) {
    warmReadIndexSoon(db);
    return written;
  }
  try {
    // Flushed first, so the kept searches' questions to FTS5 see this write.
    const stamp = flushedStamp(db);
    update(index, written);
    index.stamp = stamp;
  } catch {
    // The write stands; the index is rebuilt ahead of the next read instead.
    built.delete(db);
    warmReadIndexSoon(db);
  }
  return written;
}

/**
 * The rowids a search matches, in one string from SQLite: a row at a time across the native
 * boundary costs about twice the search itself when it matches half the catalog.
 */
function searchMatches(db: Database, fts: string): number[] {
  const json = prepared(db, 'SELECT json_group_array(rowid) FROM services_fts WHERE services_fts MATCH ?')
    .pluck()
    .get(fts) as string;
  return JSON.parse(json) as number[];
}

/** Whether the read index in memory is the one for the catalog as it is now (for tests). */
export function readIndexIsCurrent(db: Database): boolean {
  return built.get(db)?.stamp.equals(catalogStamp(db)) ?? false;
}

/**
 * What an index holds, comparable with `toEqual` (for tests): every rowid's cell, the sorts'
 * orders, and the rows and counts per cell of the searches (asked of the index if not kept).
 */
export function readIndexContents(
  index: ReadIndex,
  columns: readonly CatalogSortColumn[],
  searches: readonly string[] = [],
): { cells: (CellKey | null)[]; orders: number[][]; searches: { rowids: number[]; counts: string[] }[] } {
  const cells: (CellKey | null)[] = [];
  index.cellOf.forEach((n, rowid) => {
    if (n !== 0) cells[rowid] = index.cells[n - 1] ?? null;
  });
  return {
    cells,
    orders: columns.map((c) => [...index.order(c)]),
    searches: searches.map((fts) => {
      const { matches, counts } = index.search(fts);
      const rowids: number[] = [];
      matches.forEach((m, rowid) => {
        if (m === 1) rowids.push(rowid);
      });
      const perCell = index.cells.flatMap((c, i) =>
        (counts[i + 1] ?? 0) > 0 ? [`${c.team}/${c.tier}/${c.lifecycle}: ${counts[i + 1]}`] : [],
      );
      return { rowids, counts: perCell.sort() };
    }),
  };
}

/** Forgets the searches the index keeps, so the next one asks FTS5 again (for benchmarks of a cold search). */
export function forgetKeptSearches(db: Database): void {
  built.get(db)?.forgetSearches();
}

/** A new index of the catalog as it is now, not kept (for tests). */
export function freshReadIndex(db: Database): ReadIndex {
  return new BuiltIndex(db, catalogStamp(db));
}

const warmups = new WeakMap<Database, NodeJS.Timeout>();
/** Quiet time after the last catalog write before the read index is rebuilt ahead of a read. */
export const WARM_AFTER_MS = 1_000;

/**
 * Builds the read index (and the default sort's order) once the catalog has been quiet for
 * `WARM_AFTER_MS`, when no index was built or the writers had to drop it, so the first search
 * after an initial sync does not pay for it: 40–60 ms at 100,000 services. Pages of a sync arrive
 * faster than that, so an initial sync builds once, at its end. A search within that second still
 * builds on its way.
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
