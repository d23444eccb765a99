import type { Migration } from '../../cache/migrate';

/**
 * Cache migration 40: the platform's last metrics answers, one row per question (scope, range
 * preset or dates, adoption window) and one for the settings, so the Metrics page reads offline
 * and says as of when. Disposable: the platform recomputes them.
 */
export const metricsCacheMigration: Migration = {
  version: 40,
  name: 'metrics reports (last fetched per question)',
  sql: `
      CREATE TABLE metrics_reports (
        key TEXT PRIMARY KEY,
        fetched_at TEXT NOT NULL,
        data TEXT NOT NULL
      );
    `,
};
