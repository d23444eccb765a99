import type { Database } from 'better-sqlite3';
import type { BacklogHandlers } from '../backlog/backlog-handlers';
import { getServiceDetail, listCatalog, listTeams } from '../cache/catalog-queries';
import type { SelfServiceHandlers } from '../deployments/self-service-handlers';
import type { OutboxHandlers } from '../outbox/outbox-handlers';
import type { PlatformConnection } from '../platform/platform-connection';
import type { ResourceFeatureHandlers } from '../resources/resource-feature';
import type { SurveyHandlers } from '../surveys/survey-handlers';
import type { SyncEngine } from '../sync/sync-engine';
import type { IpcHandlers } from './dispatch';

/** Reads come from the cache only, so the catalog works offline; sync and settings go through their owners. */
export function createBackendHandlers(
  db: Database,
  engine: SyncEngine,
  platform: PlatformConnection,
  outbox: OutboxHandlers,
  selfService: SelfServiceHandlers,
  // The backlog's commands are created next to this in create-backend.ts and merged there.
): Omit<IpcHandlers, keyof BacklogHandlers | keyof ResourceFeatureHandlers | keyof SurveyHandlers> {
  return {
    ...outbox,
    ...selfService,
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
