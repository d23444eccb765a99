import type { Database } from 'better-sqlite3';
import type { IpcEventPayload } from '../../../shared/contract';
import type { LocalMutatorRegistry } from '../outbox/local-mutator';
import { createOperationHandlers, type OperationHandlers } from '../operations/operation-handlers';
import { createOperationWatcher } from '../operations/operation-watcher';
import type { PlatformClient } from '../platform/platform-client';
import { createSecretHandlers, type SecretHandlers } from '../secrets/secret-handlers';
import { createResourceHandlers, type ResourceHandlers } from './resource-handlers';

export type ResourceFeatureHandlers = OperationHandlers & ResourceHandlers & SecretHandlers;

export interface ResourceFeatureDeps {
  db: Database;
  mutators: LocalMutatorRegistry;
  platform: { client(): PlatformClient | null };
  onTablesChanged(tables: string[]): void;
  onLocalChange(): void;
  emitProgress(payload: IpcEventPayload<'operation:progress'>): void;
  log(line: string): void;
  now?: () => Date;
  reconnectMs?: number;
}

/** Issue 3 part A on the desktop: operations (with live logs), resources and secrets, wired once. */
export function createResourceFeature(deps: ResourceFeatureDeps): {
  handlers: ResourceFeatureHandlers;
  close(): void;
} {
  const watcher = createOperationWatcher({
    db: deps.db,
    platform: deps.platform,
    emit: deps.emitProgress,
    log: deps.log,
    ...(deps.reconnectMs !== undefined ? { reconnectMs: deps.reconnectMs } : {}),
  });
  return {
    handlers: {
      ...createOperationHandlers(deps.db, watcher),
      ...createResourceHandlers(deps),
      ...createSecretHandlers(deps),
    },
    close: () => watcher.close(),
  };
}
