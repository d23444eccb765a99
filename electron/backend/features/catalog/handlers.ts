import type { catalogCommands } from '../../../../shared/features/catalog/ipc';
import type { BackendContext, CommandOf, FeatureHandlers } from '../../composition/backend-feature';
import { getServiceDetail, listCatalog } from './queries';

/** Reads come from the cache only, so the catalog works offline; an edit is queued with its optimistic effect. */
export function createCatalogHandlers(
  ctx: BackendContext,
): FeatureHandlers<CommandOf<typeof catalogCommands>> {
  const { db } = ctx;
  return {
    handlers: {
      'catalog:list': (query) => listCatalog(db, query),
      'catalog:get': ({ id }) => getServiceDetail(db, id),
      'services:update': (args) => ctx.enqueue('service.update', args),
    },
  };
}
