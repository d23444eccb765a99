import type { Database } from 'better-sqlite3';
import type { IpcHandlers } from '../ipc/dispatch';
import { getOperationView, listOperationViews } from './operation-queries';
import type { OperationWatcher } from './operation-watcher';

export type OperationHandlers = Pick<
  IpcHandlers,
  'operations:list' | 'operations:get' | 'operations:events' | 'operations:watch' | 'operations:unwatch'
>;

/** Operations read from the cache (synced rows); their live logs come through the watcher. */
export function createOperationHandlers(db: Database, watcher: OperationWatcher): OperationHandlers {
  return {
    'operations:list': ({ serviceId }) => listOperationViews(db, serviceId),
    'operations:get': ({ id }) => getOperationView(db, id),
    'operations:events': ({ id, after }) => watcher.log(id, after),
    'operations:watch': ({ id }) => ({ watchId: watcher.watch(id) }),
    'operations:unwatch': ({ watchId }) => {
      watcher.unwatch(watchId);
      return {};
    },
  };
}
