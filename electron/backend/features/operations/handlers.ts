import type { operationsCommands } from '../../../../shared/features/operations/ipc';
import type { BackendContext, CommandOf, FeatureHandlers } from '../../composition/backend-feature';
import { getOperationView, listOperationViews, operationsPage } from './queries';
import { createOperationWatcher } from './watcher';

/** Operations read from the cache (synced rows); their live logs come through the watcher. */
export function createOperationHandlers(
  ctx: BackendContext,
): FeatureHandlers<CommandOf<typeof operationsCommands>> {
  const { db } = ctx;
  const watcher = createOperationWatcher({
    db,
    platform: ctx.platform,
    emit: (payload) => ctx.emit('operation:progress', payload),
    log: (line) => ctx.log(line),
  });
  return {
    handlers: {
      'operations:list': ({ serviceId }) => listOperationViews(db, serviceId),
      'operations:page': (query) => operationsPage(db, query),
      'operations:get': ({ id }) => getOperationView(db, id),
      'operations:events': ({ id, after }) => watcher.log(id, after),
      'operations:watch': ({ id }) => ({ watchId: watcher.watch(id) }),
      'operations:unwatch': ({ watchId }) => {
        watcher.unwatch(watchId);
        return {};
      },
    },
    close: () => watcher.close(),
  };
}
