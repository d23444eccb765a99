import type { Migration } from '../../cache/migrate';

/** Cache migration 36 (issue 9): synced published versions, what the app offers to deploy. Disposable. */
export const versionsCacheMigration: Migration = {
  version: 36,
  name: 'published versions',
  sql: `
      CREATE TABLE versions (
        id TEXT PRIMARY KEY,
        service_id TEXT NOT NULL,
        number INTEGER NOT NULL,
        data TEXT NOT NULL
      );
      CREATE INDEX versions_service ON versions (service_id, number DESC);
    `,
};
