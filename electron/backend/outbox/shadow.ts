import type { Database } from 'better-sqlite3';
import type { ChangeEntry, SyncEntity } from '../../../shared/contract';
import { prepared } from '../cache/prepared';
import type { SyncedEntities } from '../cache/synced-entities';

/**
 * Shadow rows (docs/architecture.md, "Sync and push"): the server's version of every synced row a pending
 * mutation has changed optimistically. Pulls update the shadow instead of the visible row, and
 * a rebase rebuilds visible rows as shadow + pending mutations.
 */

/** Saves the server version of a row the first time a pending mutation is about to change it. */
export function touchShadow(db: Database, entities: SyncedEntities, entity: SyncEntity, id: string): void {
  const current = entities.read(db, entity, id);
  db.prepare(
    'INSERT INTO shadow (entity, id, data) VALUES (?, ?, ?) ON CONFLICT (entity, id) DO NOTHING',
  ).run(entity, id, current === null ? null : JSON.stringify(current));
}

/** A pulled change for a shadowed row lands in its shadow; returns false when the row has none. */
export function absorbIntoShadow(db: Database, change: ChangeEntry): boolean {
  const result = prepared(db, 'UPDATE shadow SET data = ? WHERE entity = ? AND id = ?').run(
    change.op === 'del' ? null : JSON.stringify(change.data),
    change.entity,
    change.id,
  );
  return result.changes > 0;
}

/** Whether any row is shadowed; a page is checked once, not once per change (initial syncs are big). */
export function hasShadows(db: Database): boolean {
  return (prepared(db, 'SELECT EXISTS (SELECT 1 FROM shadow) AS yes').get() as { yes: number }).yes === 1;
}

export interface ShadowRow {
  entity: SyncEntity;
  id: string;
  data: unknown;
}

/** Every shadow, removing them: the caller restores them and re-applies pending mutations. */
export function takeShadows(db: Database): ShadowRow[] {
  const rows = db.prepare('SELECT entity, id, data FROM shadow ORDER BY entity, id').all() as {
    entity: SyncEntity;
    id: string;
    data: string | null;
  }[];
  db.prepare('DELETE FROM shadow').run();
  return rows.map((r) => ({
    entity: r.entity,
    id: r.id,
    data: r.data === null ? null : (JSON.parse(r.data) as unknown),
  }));
}

/** After a resync the synced rows are gone and so is what the shadows described. */
export function clearShadows(db: Database): void {
  db.prepare('DELETE FROM shadow').run();
}
