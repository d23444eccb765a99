import type { Migration } from '../../cache/migrate';

/**
 * Cache migration 15 (issue 3 part B): synced deployments, alert rules and incidents, plus the
 * last fetched template list (so "Create service" works offline). All disposable.
 */
export const selfServiceCacheMigration: Migration = {
  version: 15,
  name: 'deployments, alert rules, incidents, templates',
  sql: `
      CREATE TABLE deployments (
        id TEXT PRIMARY KEY,
        service_id TEXT NOT NULL,
        environment TEXT NOT NULL,
        status TEXT NOT NULL,
        started_at TEXT NOT NULL,
        data TEXT NOT NULL
      );
      CREATE INDEX deployments_service ON deployments (service_id, environment, started_at DESC);
      CREATE TABLE alert_rules (
        id TEXT PRIMARY KEY,
        service_id TEXT NOT NULL,
        data TEXT NOT NULL
      );
      CREATE TABLE incidents (
        id TEXT PRIMARY KEY,
        service_id TEXT NOT NULL,
        status TEXT NOT NULL,
        opened_at TEXT NOT NULL,
        data TEXT NOT NULL
      );
      CREATE INDEX incidents_opened ON incidents (opened_at DESC);
      CREATE TABLE templates (
        id TEXT PRIMARY KEY,
        position INTEGER NOT NULL,
        data TEXT NOT NULL
      );
    `,
};
