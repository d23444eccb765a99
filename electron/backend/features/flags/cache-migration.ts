import type { Migration } from '../../cache/migrate';

/** Cache migration 39: synced feature flags, one row per flag (its full API shape in `data`). Disposable. */
export const flagsCacheMigration: Migration = {
  version: 39,
  name: 'feature flags',
  sql: `
      CREATE TABLE flags (
        id TEXT PRIMARY KEY,
        service_id TEXT NOT NULL,
        environment TEXT NOT NULL,
        key TEXT NOT NULL,
        data TEXT NOT NULL
      );
      CREATE INDEX flags_service ON flags (service_id, environment, key);
    `,
};
