import type { Migration } from '../../cache/migrate';

/**
 * Cache migration 30 (issue 5): survey definitions (synced), the cached results a lead studies
 * offline, and which surveys the user has answered according to the platform's receipts.
 * All disposable: a resync or a platform switch clears them and they are fetched again.
 */
export const surveyCacheMigration: Migration = {
  version: 30,
  name: 'surveys, cached survey results, answered receipts',
  sql: `
      CREATE TABLE surveys (
        id TEXT PRIMARY KEY,
        status TEXT NOT NULL,
        opens_at TEXT NOT NULL,
        closes_at TEXT NOT NULL,
        data TEXT NOT NULL
      );
      CREATE INDEX surveys_closes ON surveys (closes_at);
      -- Aggregates only, already passed through the server's anonymity rules.
      CREATE TABLE survey_results (
        survey_id TEXT PRIMARY KEY,
        fetched_at TEXT NOT NULL,
        data TEXT NOT NULL
      );
      CREATE TABLE survey_receipts (
        survey_id TEXT PRIMARY KEY
      );
    `,
};
