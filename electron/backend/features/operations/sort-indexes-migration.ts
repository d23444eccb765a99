import type { Migration } from '../../cache/migrate';

/**
 * Cache migration 51 (issue 12, windowed reads): the operations list reads one window at a time,
 * newest or oldest first, filtered by status, kind or service; each index serves one of those walks,
 * ties falling to the id (docs/architecture.md, "Core").
 */
export const operationsSortIndexesMigration: Migration = {
  version: 51,
  name: 'operations: an index per list walk',
  sql: `
      CREATE INDEX operations_sort_created ON operations (created_at, id);
      CREATE INDEX operations_sort_status ON operations (status, created_at, id);
      CREATE INDEX operations_sort_kind ON operations (kind, created_at, id);
      CREATE INDEX operations_sort_service ON operations (service_id, created_at, id);
    `,
};
