import type { Database } from 'better-sqlite3';
import { createBackendContext } from '../../electron/backend/composition/backend-context';
import type { BackendContext } from '../../electron/backend/composition/backend-feature';
import { backendFeatures } from '../../electron/backend/features';
import type { PlatformClient } from '../../electron/backend/platform/platform-client';

/** The one context create-backend.ts gives every feature's handlers, over a cache a test opened itself. */
export function featureContext(
  db: Database,
  opts: {
    now?: () => Date;
    onTablesChanged?: (tables: string[]) => void;
    onLocalChange?: () => void;
    client?: () => PlatformClient | null;
  } = {},
): BackendContext {
  return createBackendContext({
    db,
    model: backendFeatures.model,
    platform: { client: opts.client ?? (() => null) },
    emit: (event, payload) => {
      if (event === 'tables:changed') opts.onTablesChanged?.((payload as { tables: string[] }).tables);
    },
    onLocalChange: opts.onLocalChange ?? (() => {}),
    log: () => {},
    ...(opts.now ? { now: opts.now } : {}),
  });
}
