import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import type { SyncEntity } from '../../../shared/contract';
import type { SyncedEntities, TouchedTables } from '../cache/synced-entities';
import { touchShadow } from './shadow';

/**
 * What a local mutator may do to the cache. Its effect must be re-appliable on top of newer
 * server data (set fields, add set members; never increment), because rebase runs it again after
 * every pull while the mutation is pending.
 */
export interface LocalMutatorContext {
  readonly db: Database;
  /** The outbox id of the mutation being applied. */
  readonly mutationId: number;
  /** When the user made the change (ISO). */
  readonly createdAt: string;
  /** Tables written; the backend emits them as `tables:changed`. Add local-only tables you write. */
  readonly tables: TouchedTables;
  /**
   * Call before writing a synced row yourself: the first pending mutation to touch a row saves
   * the server's version of it, so rebase can restore it. `put`/`del` call it for you.
   */
  touch(entity: SyncEntity, id: string): void;
  /** The row as the user sees it now (optimistic), its entity API shape; null when absent. */
  read(entity: SyncEntity, id: string): unknown;
  /** Writes the entity's full API shape (validated with shared/api/sync's ChangeEntry). */
  put(entity: SyncEntity, id: string, data: unknown): void;
  del(entity: SyncEntity, id: string): void;
}

export interface LocalMutator {
  /** The server mutation name it mirrors (a server feature's mutations), e.g. `service.update`. */
  name: string;
  args: z.ZodType;
  /** Past this age unsent it waits for the user to confirm (the server rejects it as expired). */
  maxAgeMs?: number;
  /** One line for the outbox panel, e.g. "Edit Payments API: title, tier". */
  describe(db: Database, args: unknown): string;
  apply(ctx: LocalMutatorContext, args: unknown): void;
}

/** Declares the optimistic local effect of a push mutation; a feature lists it in its descriptor's `localMutators`. */
export function defineLocalMutator<S extends z.ZodType>(def: {
  name: string;
  args: S;
  maxAgeMs?: number;
  describe?(db: Database, args: z.output<S>): string;
  apply(ctx: LocalMutatorContext, args: z.output<S>): void;
}): LocalMutator {
  return {
    name: def.name,
    args: def.args,
    ...(def.maxAgeMs !== undefined ? { maxAgeMs: def.maxAgeMs } : {}),
    describe: (db, args) => (def.describe ? def.describe(db, args as z.output<S>) : def.name),
    apply: (ctx, args) => def.apply(ctx, args as z.output<S>),
  };
}

export type LocalMutatorRegistry = ReadonlyMap<string, LocalMutator>;

export function localMutatorRegistry(list: readonly LocalMutator[]): LocalMutatorRegistry {
  const map = new Map<string, LocalMutator>();
  for (const m of list) {
    if (map.has(m.name)) throw new Error(`local mutator ${m.name} is defined twice`);
    map.set(m.name, m);
  }
  return map;
}

export function mutatorContext(
  db: Database,
  entities: SyncedEntities,
  mutation: { mutationId: number; createdAt: string },
  tables: TouchedTables,
): LocalMutatorContext {
  const touch = (entity: SyncEntity, id: string) => touchShadow(db, entities, entity, id);
  return {
    db,
    mutationId: mutation.mutationId,
    createdAt: mutation.createdAt,
    tables,
    touch,
    read: (entity, id) => entities.read(db, entity, id),
    put(entity, id, data) {
      touch(entity, id);
      entities.write(db, entity, id, data, tables);
    },
    del(entity, id) {
      touch(entity, id);
      entities.write(db, entity, id, null, tables);
    },
  };
}
