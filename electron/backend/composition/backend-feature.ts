import type { Database } from 'better-sqlite3';
import type { IpcCommand, IpcEvent, IpcEventPayload } from '../../../shared/contract';
import type { IpcCommandMap } from '../../../shared/ipc/shared-feature';
import type { Migration } from '../cache/migrate';
import type { EntityWriteHook, EntityWriter } from '../cache/synced-entities';
import type { IpcHandlers } from '../ipc/dispatch';
import type { LocalMutator } from '../outbox/local-mutator';
import type { PlatformClient } from '../platform/platform-client';

/**
 * What the backend gives every feature's handlers: ONE shape for all of them
 * (docs/architecture.md, "Features").
 */
export interface BackendContext {
  /** The cache: the one writable connection. */
  readonly db: Database;
  /** The platform in use; `client()` is null while none is connected. */
  readonly platform: { client(): PlatformClient | null };
  /**
   * Records a user's change: the outbox row and its optimistic effect in one transaction, then
   * announces the tables it touched and asks the sync engine to push soon.
   */
  enqueue(name: string, args: unknown): { mutationId: number };
  emit<E extends IpcEvent>(event: E, payload: IpcEventPayload<E>): void;
  /** Announces tables a handler wrote outside `enqueue` (a fetched result it caches). */
  tablesChanged(tables: string[]): void;
  log(line: string): void;
  now(): Date;
}

/** A command name of one feature's share of the contract. */
export type CommandOf<M extends IpcCommandMap> = keyof M & IpcCommand;

/** A feature's IPC handlers (exactly its own commands) and what to stop when the backend closes. */
export interface FeatureHandlers<C extends IpcCommand> {
  handlers: Pick<IpcHandlers, C>;
  close?(): void;
}

/**
 * A backend feature: one per `features/<f>/index.ts`, listed once in electron/backend/features.ts
 * (docs/architecture.md, "Add a feature"). The core composes them: cache migrations, synced
 * tables, entity writers and local mutators go to the cache, the sync engine and the outbox; the
 * handlers of every feature together must serve every command of the contract.
 */
export interface BackendFeature<M extends IpcCommandMap = IpcCommandMap> {
  readonly name: string;
  /** The feature's commands in the shared contract (shared/features/<f>/ipc.ts): it handles exactly these. */
  readonly commands: M;
  readonly cacheMigrations: readonly Migration[];
  /** Tables a resync clears and announces (entity tables and local tables derived from them). */
  readonly syncedTables: readonly string[];
  /** Cleared on a resync but never announced: no query reads them by name (search indexes). */
  readonly indexTables?: readonly string[];
  /** One writer per synced entity the feature owns. */
  readonly entityWriters: readonly EntityWriter[];
  /** Runs after writes of another feature's (or the directory's) entity. */
  readonly entityWriteHooks?: readonly EntityWriteHook[];
  readonly localMutators: readonly LocalMutator[];
  handlers(ctx: BackendContext): FeatureHandlers<CommandOf<M>>;
}

/** Keeps the feature's command map literal, so its handlers are typed by its own commands. */
export const defineBackendFeature = <const M extends IpcCommandMap>(feature: BackendFeature<M>) => feature;
