import type { IpcCommand } from '../../../shared/contract';
import type { coreCommands } from '../../../shared/ipc/contract';
import { assertUnique, type IpcCommandMap } from '../../../shared/ipc/shared-feature';
import { coreMigrations, coreSyncedTables } from '../cache/core-migrations';
import { directoryWriters } from '../cache/directory-writers';
import type { Migration } from '../cache/migrate';
import { composeSyncedEntities } from '../cache/synced-entities';
import type { IpcHandlers } from '../ipc/dispatch';
import { localMutatorRegistry } from '../outbox/local-mutator';
import type { LocalModel } from '../outbox/local-model';
import type { BackendContext, BackendFeature, CommandOf } from './backend-feature';

/** The commands the core serves itself (sync, settings, outbox, teams). */
export type CoreCommand = keyof typeof coreCommands & IpcCommand;
export type FeatureCommand = Exclude<IpcCommand, CoreCommand>;

/** Any feature, whatever its commands: what the list in electron/backend/features.ts holds. */
export type ListedFeature = Omit<BackendFeature, 'handlers'> & {
  handlers(ctx: BackendContext): { handlers: object; close?(): void };
};

type Served<F> = F extends { commands: infer M extends IpcCommandMap } ? CommandOf<M> : never;

/** Commands of the contract no listed feature serves: must be none, or the composition fails `tsc`. */
export type UnservedCommands<F extends readonly ListedFeature[]> = Exclude<FeatureCommand, Served<F[number]>>;

export interface BackendComposition {
  /** The core's cache migrations and every feature's. */
  readonly migrations: readonly Migration[];
  /** Every table a resync clears (the directory's and every feature's). */
  readonly syncedTables: readonly string[];
  readonly model: LocalModel;
  /** Every feature's handlers, built with the one context; `close` stops what they started. */
  handlers(ctx: BackendContext): { handlers: Pick<IpcHandlers, FeatureCommand>; close(): void };
}

/**
 * Composes the features once (docs/architecture.md, "Features"). Type-checked: a command of the
 * contract without a feature to serve it fails `tsc` here, naming the command; each feature's
 * handlers are typed by its own commands. Checked at start: a command served twice or a synced
 * entity without a cache writer throws.
 */
export function composeBackendFeatures<const F extends readonly ListedFeature[]>(
  features: F &
    ([UnservedCommands<F>] extends [never] ? unknown : { 'commands no feature serves': UnservedCommands<F> }),
): BackendComposition {
  const list: readonly ListedFeature[] = features;
  assertUnique(
    'backend feature',
    list.map((f) => f.name),
  );
  const entities = composeSyncedEntities({
    writers: [...directoryWriters, ...list.flatMap((f) => f.entityWriters)],
    hooks: list.flatMap((f) => f.entityWriteHooks ?? []),
    tables: [...coreSyncedTables, ...list.flatMap((f) => f.syncedTables)],
    indexTables: list.flatMap((f) => f.indexTables ?? []),
  });
  return {
    migrations: [...coreMigrations, ...list.flatMap((f) => f.cacheMigrations)],
    syncedTables: entities.tables,
    model: { entities, mutators: localMutatorRegistry(list.flatMap((f) => f.localMutators)) },
    handlers(ctx) {
      const handlers: Record<string, unknown> = {};
      const closers: (() => void)[] = [];
      for (const feature of list) {
        const built = feature.handlers(ctx);
        const own = Object.keys(feature.commands).sort().join(', ');
        if (Object.keys(built.handlers).sort().join(', ') !== own) {
          throw new Error(`backend feature ${feature.name} must handle exactly its commands: ${own}`);
        }
        for (const [command, handler] of Object.entries(built.handlers)) {
          if (Object.hasOwn(handlers, command)) throw new Error(`IPC command ${command} is handled twice`);
          handlers[command] = handler;
        }
        if (built.close) closers.push(built.close);
      }
      return {
        handlers: handlers as Pick<IpcHandlers, FeatureCommand>,
        close: () => closers.forEach((close) => close()),
      };
    },
  };
}
