import type { Database } from 'better-sqlite3';
import { prepared } from '../../cache/prepared';
import { entityWriteHook, entityWriter } from '../../cache/synced-entities';
import { upsertSynced } from '../../cache/upsert-synced';
import type { Service } from '../../../../shared/features/catalog/api';
import {
  cachedServiceCell,
  cachedServiceCells,
  countInCell,
  countServicesAbove,
  recount,
  type CachedServiceCell,
  type FacetCell,
} from './facet-counts';
import { keepReadIndex, type CellKey, type ReadIndexUpdate } from './read-index';

const teamNameSql = `COALESCE((SELECT name FROM teams WHERE id = ?), '')`;

/**
 * The owner team's name is searchable, so a team rename or delete re-indexes its services.
 * Returns how many services it changed: none when the name stayed (a team in every pulled page),
 * and then the search rows are left alone too.
 */
function refreshTeamNameInSearch(db: Database, teamId: string): number {
  const nameOrId = 'COALESCE((SELECT name FROM teams WHERE id = ?), owner_team_id)';
  const { changes } = prepared(
    db,
    `UPDATE services SET team_name = ${nameOrId} WHERE owner_team_id = ? AND team_name IS NOT ${nameOrId}`,
  ).run(teamId, teamId, teamId);
  if (changes === 0) return 0;
  prepared(
    db,
    `UPDATE services_fts SET team_name = ${teamNameSql}
     WHERE rowid IN (SELECT rowid FROM services WHERE owner_team_id = ?)`,
  ).run(teamId, teamId);
  return changes;
}

// team_name is what the team sort orders by: the owner team's name, or its id until it is synced.
// No RETURNING: it doubled the cost of the statement on a full sync (measured with 20,000 rows);
// a row's rowid, which the upsert keeps, is read with its cell before (cachedServiceCells).
const upsertServiceSql = `INSERT INTO services
    (id, name, title, description, owner_team_id, team_name, tier, lifecycle, tags, updated_at, data)
  VALUES (?, ?, ?, ?, ?, COALESCE((SELECT name FROM teams WHERE id = ?), ?), ?, ?, ?, ?, ?)
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, title = excluded.title, description = excluded.description,
    owner_team_id = excluded.owner_team_id, team_name = excluded.team_name, tier = excluded.tier,
    lifecycle = excluded.lifecycle, tags = excluded.tags, updated_at = excluded.updated_at, data = excluded.data`;

/** Upserts the service row (its rowid, shared with services_fts, stays what it was). */
function upsertService(db: Database, s: Service): void {
  prepared(db, upsertServiceSql).run(
    s.id,
    s.name,
    s.title,
    s.description,
    s.ownerTeamId,
    s.ownerTeamId,
    s.ownerTeamId,
    s.tier,
    s.lifecycle,
    JSON.stringify(s.tags),
    s.updatedAt,
    JSON.stringify(s),
  );
}

const rowidOf = (db: Database, id: string): number =>
  (prepared(db, 'SELECT rowid FROM services WHERE id = ?').get(id) as { rowid: number }).rowid;

function reindexService(db: Database, rowid: number, s: Service): void {
  prepared(db, 'DELETE FROM services_fts WHERE rowid = ?').run(rowid);
  prepared(
    db,
    `INSERT INTO services_fts (rowid, name, title, description, tags, team_name)
     VALUES (?, ?, ?, ?, ?, ${teamNameSql})`,
  ).run(rowid, s.name, s.title, s.description, s.tags.join(' '), s.ownerTeamId);
}

/**
 * The search rows of every service above `rowid`, in one statement: how a pulled page (and a
 * whole initial sync) fills services_fts, instead of an insert per row. Tags are stored as a
 * JSON array; the index holds them space-separated, as `reindexService` does.
 */
function indexServicesAbove(db: Database, rowid: number): void {
  prepared(
    db,
    `INSERT INTO services_fts (rowid, name, title, description, tags, team_name)
     SELECT s.rowid, s.name, s.title, s.description,
            COALESCE((SELECT group_concat(value, ' ') FROM json_each(s.tags)), ''),
            COALESCE((SELECT name FROM teams WHERE id = s.owner_team_id), '')
     FROM services s WHERE s.rowid > ?`,
  ).run(rowid);
}

const cellOf = (s: Service): FacetCell => ({
  owner_team_id: s.ownerTeamId,
  tier: s.tier,
  lifecycle: s.lifecycle,
});

const cellKey = (cell: FacetCell): CellKey => ({
  team: cell.owner_team_id,
  tier: cell.tier,
  lifecycle: cell.lifecycle,
});

/**
 * Placing a row costs about 20 comparisons per sort, each two row lookups in SQLite (~40 µs on
 * the bench machine); reading a sort's order again from its index costs ~15 ms at 100,000
 * services. Past about one row in 5,000 of the catalog (but never under 8), a write re-reads.
 */
const placeLimit = (catalogSize: number): number => Math.max(8, Math.floor(catalogSize / 5_000));

/** Puts written rows into the read index, or re-reads the sorts' orders when there are many. */
function placeRows(
  index: ReadIndexUpdate,
  rows: { rowid: number; cell: FacetCell }[],
  column?: 'team',
): void {
  const placed = rows.map(({ rowid, cell }) => ({ rowid, cell: cellKey(cell) }));
  if (rows.length <= placeLimit(index.size())) {
    index.place(placed);
  } else {
    index.setCells(placed);
    index.reread(column);
  }
}

/**
 * Services (with their search row and their count per team, tier and lifecycle) and
 * environments; pulls and optimistic writes alike go through these.
 */
export const catalogWriters = [
  entityWriter({
    entity: 'service',
    table: 'services',
    put(db, s) {
      keepReadIndex(
        db,
        () => {
          const before = cachedServiceCell(db, s.id);
          upsertService(db, s);
          const rowid = before?.rowid ?? rowidOf(db, s.id);
          reindexService(db, rowid, s);
          recount(db, before?.cell, cellOf(s));
          return rowid;
        },
        (index, rowid) => placeRows(index, [{ rowid, cell: cellOf(s) }]),
      );
    },
    putMany(db, services) {
      // A run of puts has no delete in it, so a row above today's highest rowid is new and has no
      // search row or count yet: those are indexed and counted together afterwards; rows that
      // existed are re-indexed and re-counted one by one, from their cells read in one statement
      // before. On an initial sync every row is new (docs/architecture.md, "Sync and push").
      keepReadIndex(
        db,
        () => {
          const { top } = prepared(db, 'SELECT COALESCE(MAX(rowid), 0) AS top FROM services').get() as {
            top: number;
          };
          const cached = top > 0 ? cachedServiceCells(db, services) : new Map<string, CachedServiceCell>();
          const changed = new Map<number, FacetCell>();
          for (const s of services) {
            upsertService(db, s);
            const row = cached.get(s.id);
            if (row) {
              reindexService(db, row.rowid, s);
              recount(db, row.cell, cellOf(s));
              row.cell = cellOf(s);
              changed.set(row.rowid, row.cell);
            }
          }
          indexServicesAbove(db, top);
          countServicesAbove(db, top);
          return { top, changed };
        },
        (index, { top, changed }) => {
          const added = prepared(
            db,
            'SELECT rowid, owner_team_id, tier, lifecycle FROM services WHERE rowid > ?',
          ).all(top) as (FacetCell & { rowid: number })[];
          placeRows(index, [
            ...[...changed].map(([rowid, cell]) => ({ rowid, cell })),
            ...added.map(({ rowid, ...cell }) => ({ rowid, cell })),
          ]);
        },
      );
    },
    delete(db, id) {
      keepReadIndex(
        db,
        () => {
          const before = cachedServiceCell(db, id);
          if (!before) return undefined;
          prepared(db, 'DELETE FROM services_fts WHERE rowid = ?').run(before.rowid);
          prepared(db, 'DELETE FROM services WHERE rowid = ?').run(before.rowid);
          countInCell(db, before.cell, -1);
          return before.rowid;
        },
        (index, rowid) => {
          if (rowid !== undefined) index.remove(rowid);
        },
      );
    },
  }),
  entityWriter({
    entity: 'environment',
    table: 'environments',
    put: (db, env) =>
      upsertSynced(db, 'environments', env.id, { name: env.name, position: env.position }, env),
  }),
];

/** Service rows show their owner team's name, and search finds it: a team write re-indexes them. */
export const catalogWriteHooks = [
  entityWriteHook({
    entity: 'team',
    afterWrite(db, teamId, touched) {
      keepReadIndex(
        db,
        () => refreshTeamNameInSearch(db, teamId),
        (index, changed) => {
          if (changed === 0) return;
          // Only the team sort orders by the name; the rows keep their cells.
          const rows = prepared(
            db,
            'SELECT rowid, owner_team_id, tier, lifecycle FROM services WHERE owner_team_id = ?',
          ).all(teamId) as (FacetCell & { rowid: number })[];
          placeRows(
            index,
            rows.map(({ rowid, ...cell }) => ({ rowid, cell })),
            'team',
          );
        },
      );
      touched.add('services');
    },
  }),
];
