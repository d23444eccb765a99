import type { Database } from 'better-sqlite3';
import { ChangeEntry, type SyncEntity } from '../../../shared/contract';
import { applyChange, tableOf, type TouchedTables } from '../cache/catalog-writes';

/**
 * Synced rows seen as the server's entities: every synced table keeps the entity's full API shape
 * in its `data` column, and writes go through the cache's own `applyChange`, so optimistic
 * writes and rebase restores update the same columns (and the FTS index) a pull does.
 */

/** The cache table of a synced entity; rebase needs one (with a `data` column) for every entity it shadows. */
function tableFor(entity: SyncEntity): string {
  const table: string | undefined = (tableOf as Record<string, string>)[entity];
  if (!table) {
    throw new Error(
      `synced entity ${entity} has no cache table in catalog-writes tableOf; add it to use touch/read/put`,
    );
  }
  return table;
}

export function readEntity(db: Database, entity: SyncEntity, id: string): unknown {
  const table = tableFor(entity);
  const row = db.prepare(`SELECT data FROM ${table} WHERE id = ?`).get(id) as { data: string } | undefined;
  return row ? (JSON.parse(row.data) as unknown) : null;
}

/** Puts (data) or deletes (null) a synced row; data is validated as the entity's API shape. */
export function writeEntity(
  db: Database,
  entity: SyncEntity,
  id: string,
  data: unknown,
  touched: TouchedTables,
): void {
  const change =
    data === null
      ? ChangeEntry.parse({ seq: 1, entity, id, op: 'del', data: null })
      : ChangeEntry.parse({ seq: 1, entity, id, op: 'put', data });
  applyChange(db, change, touched);
}
