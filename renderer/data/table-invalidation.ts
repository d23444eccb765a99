import type { QueryKey } from '@tanstack/react-query';
import { queryKeys } from './query-keys';
import { backlogQueriesByTable } from '../backlog/backlog-data';
import { operationsQueriesByTable } from '../operations/operation-keys';
import { selfServiceQueriesByTable } from '../deployments/self-service-queries';
import { surveysQueriesByTable } from '../surveys/survey-data';

/**
 * Which queries read which cache tables (electron/backend/cache/migrations.ts). A
 * `tables:changed` event invalidates exactly these keys — no polling, no manual refetches.
 */
export const queriesByTable: Readonly<Record<string, readonly QueryKey[]>> = {
  services_fts: [queryKeys.catalogList],
  // Team names appear in catalog rows, facets and the service page's owner block.
  teams: [queryKeys.catalogList, queryKeys.service, queryKeys.teams, ...backlogQueriesByTable.teams],
  environments: [queryKeys.service],
  org: [queryKeys.settings],
  users: [queryKeys.settings, ...operationsQueriesByTable.users],
  settings: [queryKeys.settings],
  sync_state: [queryKeys.syncStatus],
  outbox: [
    queryKeys.syncStatus,
    queryKeys.outbox,
    ...selfServiceQueriesByTable.outbox,
    ...surveysQueriesByTable.outbox,
    ...operationsQueriesByTable.outbox,
  ],
  services: [
    queryKeys.catalogList,
    queryKeys.service,
    ...selfServiceQueriesByTable.services,
    ...operationsQueriesByTable.services,
  ],
  deployments: selfServiceQueriesByTable.deployments,
  incidents: selfServiceQueriesByTable.incidents,
  alert_rules: selfServiceQueriesByTable.alert_rules,
  templates: selfServiceQueriesByTable.templates,
  surveys: surveysQueriesByTable.surveys,
  survey_receipts: surveysQueriesByTable.survey_receipts,
  survey_results: surveysQueriesByTable.survey_results,
  operations: operationsQueriesByTable.operations,
  operation_events: operationsQueriesByTable.operation_events,
  resources: operationsQueriesByTable.resources,
  secrets: operationsQueriesByTable.secrets,
  backlog_items: backlogQueriesByTable.backlog_items,
  backlog_weights: backlogQueriesByTable.backlog_weights,
  support_requests: backlogQueriesByTable.support_requests,
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
