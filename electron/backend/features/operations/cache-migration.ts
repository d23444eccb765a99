import type { Migration } from '../../cache/migrate';

/**
 * Cache migration 10 (issue 3 part A): synced operations, resources and secret METADATA (a secret
 * value is never stored on this device), plus the operation events fetched for the live log. All
 * disposable: a resync clears them and the platform sends them again.
 */
export const operationsCacheMigration: Migration = {
  version: 10,
  name: 'operations, operation events, resources, secret metadata',
  sql: `
      CREATE TABLE operations (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        status TEXT NOT NULL,
        service_id TEXT,
        created_at TEXT NOT NULL,
        data TEXT NOT NULL
      );
      CREATE INDEX operations_created ON operations (created_at DESC);
      CREATE INDEX operations_service ON operations (service_id, created_at DESC);
      CREATE TABLE operation_events (
        operation_id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        data TEXT NOT NULL,
        PRIMARY KEY (operation_id, seq)
      );
      CREATE TABLE resources (
        id TEXT PRIMARY KEY,
        service_id TEXT NOT NULL,
        status TEXT NOT NULL,
        created_at TEXT NOT NULL,
        data TEXT NOT NULL
      );
      CREATE INDEX resources_service ON resources (service_id, created_at);
      -- Names and timestamps only: there is deliberately no column a value could go in.
      CREATE TABLE secrets (
        id TEXT PRIMARY KEY,
        service_id TEXT NOT NULL,
        environment TEXT NOT NULL,
        name TEXT NOT NULL,
        data TEXT NOT NULL
      );
      CREATE INDEX secrets_service ON secrets (service_id, environment, name);
    `,
};
