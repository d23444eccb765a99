import type { Migration } from '../../cache/migrate';

/** Cache migration 35: synced platform events, the raw material of the metrics. Disposable. */
export const eventsCacheMigration: Migration = {
  version: 35,
  name: 'platform events',
  sql: `
      CREATE TABLE platform_events (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        service_id TEXT,
        team_id TEXT,
        environment TEXT,
        at TEXT NOT NULL,
        data TEXT NOT NULL
      );
      CREATE INDEX platform_events_kind_at ON platform_events (kind, at);
      CREATE INDEX platform_events_service ON platform_events (service_id, at);
    `,
};
