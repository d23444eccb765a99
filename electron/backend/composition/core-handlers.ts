import type { Database } from 'better-sqlite3';
import { listTeams } from '../cache/directory-queries';
import type { PlatformConnection } from '../connection/platform-connection';
import type { IpcHandlers } from '../ipc/dispatch';
import type { OutboxHandlers } from '../outbox/outbox-handlers';
import type { SyncEngine } from '../sync/sync-engine';
import type { CoreCommand } from './compose-features';

/** The core's own commands: sync and settings go through their owners, the outbox panel, the directory's teams. */
export function createCoreHandlers(
  db: Database,
  engine: SyncEngine,
  platform: PlatformConnection,
  outbox: OutboxHandlers,
): Pick<IpcHandlers, CoreCommand> {
  return {
    ...outbox,
    'teams:list': () => listTeams(db),
    'sync:status': () => engine.status(),
    'sync:now': () => {
      platform.retryIfFailed();
      return engine.syncNow();
    },
    'settings:get': () => platform.settings(),
    'settings:setPlatform': ({ url, token }) => platform.setPlatform(url, token),
    'settings:useEmbedded': () => platform.useEmbedded(),
    'platform:setup': () => platform.setup(),
  };
}
