import type { Database } from 'better-sqlite3';
import { getServiceDetail, listCatalog, listTeams } from '../cache/catalog-queries';
import type { OutboxHandlers } from '../outbox/outbox-handlers';
import type { PlatformConnection } from '../platform/platform-connection';
import type { SyncEngine } from '../sync/sync-engine';
import type { IpcHandlers } from './dispatch';

/** Reads come from the cache only, so the catalog works offline; sync and settings go through their owners. */
export function createBackendHandlers(
  db: Database,
  engine: SyncEngine,
  platform: PlatformConnection,
  outbox: OutboxHandlers,
): IpcHandlers {
  return {
    ...outbox,
    'catalog:list': (query) => listCatalog(db, query),
    'catalog:get': ({ id }) => getServiceDetail(db, id),
    'teams:list': () => listTeams(db),
    'sync:status': () => engine.status(),
    'sync:now': () => {
      platform.retryIfFailed();
      return engine.syncNow();
    },
    'settings:get': () => platform.settings(),
    'settings:setPlatform': ({ url, token }) => platform.setPlatform(url, token),
    'settings:useEmbedded': () => platform.useEmbedded(),
  };
}
