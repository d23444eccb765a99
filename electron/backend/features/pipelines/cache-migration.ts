import type { Migration } from '../../cache/migrate';

/** Cache migration 38 (issue 9): synced pipeline runs, newest first per service. Disposable. */
export const pipelinesCacheMigration: Migration = {
  version: 38,
  name: 'pipeline runs',
  sql: `
      CREATE TABLE pipeline_runs (
        id TEXT PRIMARY KEY,
        service_id TEXT NOT NULL,
        number INTEGER NOT NULL,
        status TEXT NOT NULL,
        created_at TEXT NOT NULL,
        data TEXT NOT NULL
      );
      CREATE INDEX pipeline_runs_service ON pipeline_runs (service_id, created_at DESC);
    `,
};
