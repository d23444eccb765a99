import type { QueryKey } from '@tanstack/react-query';
import { queryKeys } from './query-keys';

/** Cache table → the query keys (prefixes) that read it. */
export type QueryKeysByTable = Readonly<Partial<Record<string, readonly QueryKey[]>>>;

/** The tables the core's own queries read (directory, settings, sync state, outbox). */
const coreQueryKeysByTable: QueryKeysByTable = {
  teams: [queryKeys.teams],
  org: [queryKeys.settings],
  users: [queryKeys.settings],
  settings: [queryKeys.settings],
  sync_state: [queryKeys.syncStatus],
  outbox: [queryKeys.syncStatus, queryKeys.outbox],
};

/**
 * Which queries read which cache tables: the core's map merged with every feature's
 * `queryKeysByTable` (docs/architecture.md, "Sync and push"). A `tables:changed` event
 * invalidates exactly these keys — no polling, no manual refetches.
 */
export function mergeQueryKeysByTable(
  featureMaps: readonly QueryKeysByTable[],
): Readonly<Record<string, readonly QueryKey[]>> {
  const merged: Record<string, QueryKey[]> = {};
  for (const map of [coreQueryKeysByTable, ...featureMaps]) {
    for (const [table, keys] of Object.entries(map)) {
      if (!keys) continue;
      merged[table] = [...(Object.hasOwn(merged, table) ? (merged[table] ?? []) : []), ...keys];
    }
  }
  return merged;
}

/**
 * The distinct key prefixes to invalidate for the tables a write touched. A table we do not
 * know (a newer backend) returns null: invalidate everything rather than show stale data.
 */
export function queryKeysForTables(
  queriesByTable: Readonly<Record<string, readonly QueryKey[]>>,
  tables: readonly string[],
): QueryKey[] | null {
  const seen = new Map<string, QueryKey>();
  for (const table of tables) {
    // hasOwn: a table named like an Object.prototype member must not match it.
    const keys = Object.hasOwn(queriesByTable, table) ? queriesByTable[table] : undefined;
    if (!keys) return null;
    for (const key of keys) seen.set(JSON.stringify(key), key);
  }
  return [...seen.values()];
}
