import type { Database } from 'better-sqlite3';
import { ChangeEntry, entitySchemas, type SyncEntity } from '../../../shared/contract';
import { prepared } from './prepared';

/**
 * Writes of synced rows (docs/architecture.md, "Sync and push"). The core knows no entity: each
 * feature (and the directory) declares a writer per entity it syncs, and the composition hands the
 * composed `SyncedEntities` to the sync engine and the outbox. Every write records the tables it
 * touched so the backend can emit `tables:changed` and the renderer invalidates exactly the
 * queries that read them (docs/architecture.md, "Sync and push"). Callers own the transaction: the sync engine wraps a whole
 * page plus its cursor in one.
 */

export type TouchedTables = Set<string>;

/** The API shape of a synced entity, as a `put` change carries it. */
export type EntityData<E extends SyncEntity> = Extract<ChangeEntry, { op: 'put'; entity: E }>['data'];

/** How one synced entity lands in its cache table. */
export interface EntityWriter<E extends SyncEntity = SyncEntity> {
  entity: E;
  /** The cache table; it has an `id` key and keeps the entity's full API shape in `data`. */
  table: string;
  put(db: Database, data: EntityData<E>): void;
  /**
   * Puts a run of rows of this entity at once (a pulled page); absent = `put` for each. Lets a
   * writer fill a derived index in one `INSERT … SELECT` instead of row by row.
   */
  putMany?(db: Database, rows: EntityData<E>[]): void;
  /** Removes the row; `DELETE FROM <table> WHERE id = ?` unless the entity needs more (an FTS row). */
  delete?(db: Database, id: string): void;
}

/**
 * Runs after every put or delete of `entity`, whoever wrote it: how a feature keeps its own rows
 * in step with another's (the catalog re-indexes service search when a team is renamed).
 */
export interface EntityWriteHook<E extends SyncEntity = SyncEntity> {
  entity: E;
  afterWrite(db: Database, id: string, touched: TouchedTables): void;
}

/** Keeps the entity's literal type, so `put` receives that entity's API shape. */
export const entityWriter = <E extends SyncEntity>(writer: EntityWriter<E>): EntityWriter =>
  // Sound: the composed writers only ever hand a writer the data of its own entity.
  writer as unknown as EntityWriter;

export const entityWriteHook = <E extends SyncEntity>(hook: EntityWriteHook<E>): EntityWriteHook => hook;

/** Every synced entity's writer, composed once from the directory's and the features'. */
export interface SyncedEntities {
  /** Tables a resync clears: every entity table plus local tables derived from them (indexes, caches). */
  readonly tables: readonly string[];
  /** Applies one change-log entry; `del` deletes, `put` upserts the entity's full shape. */
  apply(db: Database, change: ChangeEntry, touched: TouchedTables): void;
  /** Applies a page's changes in order, as `apply` would, handing runs of puts to `putMany`. */
  applyMany(db: Database, changes: readonly ChangeEntry[], touched: TouchedTables): void;
  /** The row as stored (its API shape), or null when absent. */
  read(db: Database, entity: SyncEntity, id: string): unknown;
  /** Puts (data) or deletes (null) a row; data is validated as the entity's API shape first. */
  write(db: Database, entity: SyncEntity, id: string, data: unknown, touched: TouchedTables): void;
  /** Empties every synced table and forgets the cursor; the outbox and settings stay. Returns the tables to announce. */
  clear(db: Database, epoch: string | null): string[];
}

export function composeSyncedEntities(parts: {
  writers: readonly EntityWriter[];
  hooks: readonly EntityWriteHook[];
  /** Cleared on a resync and announced. */
  tables: readonly string[];
  /** Cleared on a resync but never announced: no query names them (search indexes). */
  indexTables: readonly string[];
}): SyncedEntities {
  const writers = new Map<string, EntityWriter>();
  for (const w of parts.writers) {
    if (writers.has(w.entity)) throw new Error(`synced entity ${w.entity} has two cache writers`);
    writers.set(w.entity, w);
  }
  for (const entity of Object.keys(entitySchemas)) {
    if (!writers.has(entity)) throw new Error(`synced entity ${entity} has no cache writer`);
  }
  const hooks = new Map<string, EntityWriteHook[]>();
  for (const h of parts.hooks) hooks.set(h.entity, [...(hooks.get(h.entity) ?? []), h]);

  const writerOf = (entity: SyncEntity): EntityWriter => {
    const writer = writers.get(entity);
    if (!writer) throw new Error(`synced entity ${entity} has no cache writer; a feature must declare one`);
    return writer;
  };

  const apply = (db: Database, change: ChangeEntry, touched: TouchedTables): void => {
    const writer = writerOf(change.entity);
    if (change.op === 'del') {
      if (writer.delete) writer.delete(db, change.id);
      else prepared(db, `DELETE FROM ${writer.table} WHERE id = ?`).run(change.id);
    } else {
      writer.put(db, change.data);
    }
    touched.add(writer.table);
    for (const hook of hooks.get(change.entity) ?? []) hook.afterWrite(db, change.id, touched);
  };

  const applyMany = (db: Database, changes: readonly ChangeEntry[], touched: TouchedTables): void => {
    for (let start = 0; start < changes.length;) {
      const first = changes[start] as ChangeEntry;
      const writer = writerOf(first.entity);
      let end = start + 1;
      if (first.op === 'put' && writer.putMany) {
        while (end < changes.length && changes[end]?.op === 'put' && changes[end]?.entity === first.entity)
          end++;
      }
      if (end - start === 1 || !writer.putMany) {
        apply(db, first, touched);
      } else {
        const run = changes.slice(start, end);
        writer.putMany(
          db,
          run.map((change) => change.data as EntityData<SyncEntity>),
        );
        touched.add(writer.table);
        const entityHooks = hooks.get(first.entity) ?? [];
        for (const change of run) for (const hook of entityHooks) hook.afterWrite(db, change.id, touched);
      }
      start = end;
    }
  };

  const tables = [...parts.tables, ...parts.indexTables];
  return {
    tables,
    apply,
    applyMany,
    read(db, entity, id) {
      const row = prepared(db, `SELECT data FROM ${writerOf(entity).table} WHERE id = ?`).get(id) as
        { data: string } | undefined;
      return row ? (JSON.parse(row.data) as unknown) : null;
    },
    write(db, entity, id, data, touched) {
      const change =
        data === null
          ? ChangeEntry.parse({ seq: 1, entity, id, op: 'del', data: null })
          : ChangeEntry.parse({ seq: 1, entity, id, op: 'put', data });
      apply(db, change, touched);
    },
    clear(db, epoch) {
      for (const table of tables) prepared(db, `DELETE FROM ${table}`).run();
      prepared(db, 'UPDATE sync_state SET cursor = NULL, last_synced_at = NULL, epoch = ? WHERE id = 1').run(
        epoch,
      );
      return [...parts.tables];
    },
  };
}
