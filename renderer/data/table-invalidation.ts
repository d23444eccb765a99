import type { QueryKey } from '@tanstack/react-query';
import { queryKeys } from './query-keys';

/**
 * Which queries read which cache tables (electron/backend/cache/migrations.ts). A
 * `tables:changed` event invalidates exactly these keys — no polling, no manual refetches.
 */
export const queriesByTable: Readonly<Record<string, readonly QueryKey[]>> = {
  services: [queryKeys.catalogList, queryKeys.service],
  services_fts: [queryKeys.catalogList],
  // Team names appear in catalog rows, facets and the service page's owner block.
  teams: [queryKeys.catalogList, queryKeys.service, queryKeys.teams],
  environments: [queryKeys.service],
  org: [queryKeys.settings],
  users: [queryKeys.settings],
  settings: [queryKeys.settings],
  sync_state: [queryKeys.syncStatus],
  outbox: [queryKeys.syncStatus, queryKeys.outbox],
};

/**
 * The distinct key prefixes to invalidate for the tables a write touched. A table we do not
 * know (a newer backend) returns null: invalidate everything rather than show stale data.
 */
export function queryKeysForTables(tables: readonly string[]): QueryKey[] | null {
  const seen = new Map<string, QueryKey>();
  for (const table of tables) {
    // hasOwn: a table named like an Object.prototype member must not match it.
    const keys = Object.hasOwn(queriesByTable, table) ? queriesByTable[table] : undefined;
    if (!keys) return null;
    for (const key of keys) seen.set(JSON.stringify(key), key);
  }
  return [...seen.values()];
}
