import type { Database } from 'better-sqlite3';
import type { BackendEvents } from '../host/backend-events';
import { enqueue } from '../outbox/enqueue';
import type { LocalModel } from '../outbox/local-model';
import type { PlatformClient } from '../platform/platform-client';
import type { BackendContext } from './backend-feature';

export interface BackendContextDeps {
  db: Database;
  model: LocalModel;
  platform: { client(): PlatformClient | null };
  emit: BackendEvents['emit'];
  /** The outbox changed: the sync engine reports the count and pushes soon. */
  onLocalChange(): void;
  log(line: string): void;
  now?: () => Date;
}

/** The one context every feature's handlers get (create-backend.ts builds it; tests build their own). */
export function createBackendContext(deps: BackendContextDeps): BackendContext {
  const { db, model } = deps;
  const now = deps.now ?? (() => new Date());
  const tablesChanged = (tables: string[]) => deps.emit('tables:changed', { tables });
  return {
    db,
    platform: deps.platform,
    enqueue(name, args) {
      const { entry, tables } = enqueue(db, model, name, args, now());
      tablesChanged(tables);
      deps.onLocalChange();
      return { mutationId: entry.mutationId };
    },
    emit: deps.emit,
    tablesChanged,
    log: deps.log,
    now,
  };
}
