import type { Migration } from './migrate';

/**
 * The core's cache migrations; each feature brings its own (docs/architecture.md, "Features").
 *
 * Migration 1 shipped before the features had folders, so it also creates the catalog's synced
 * tables (services, services_fts, environments); it cannot be split without changing its checksum.
 * The synced tables are disposable: a later migration may drop and recreate them and reset the
 * cursor, and the sync engine pulls everything again. `outbox` and `settings` hold the user's own
 * data and are never dropped.
 */
export const coreMigrations: readonly Migration[] = [
  {
    version: 1,
    name: 'catalog, sync state, outbox, settings',
    sql: `
        CREATE TABLE org (
          id TEXT PRIMARY KEY,
          name TEXT NOT NULL,
          is_demo INTEGER NOT NULL,
          data TEXT NOT NULL
        );
        -- No foreign keys between synced tables: the server is the authority and a page may
        -- carry a service before its owner team.
        CREATE TABLE teams (
          id TEXT PRIMARY KEY,
          slug TEXT NOT NULL,
          name TEXT NOT NULL,
          data TEXT NOT NULL
        );
        CREATE TABLE users (
          id TEXT PRIMARY KEY,
          name TEXT NOT NULL,
          email TEXT NOT NULL,
          role TEXT NOT NULL,
          data TEXT NOT NULL
        );
        CREATE TABLE services (
          id TEXT PRIMARY KEY,
          name TEXT NOT NULL,
          title TEXT NOT NULL,
          description TEXT NOT NULL,
          owner_team_id TEXT NOT NULL,
          tier INTEGER NOT NULL,
          lifecycle TEXT NOT NULL,
          tags TEXT NOT NULL,
          updated_at TEXT NOT NULL,
          data TEXT NOT NULL
        );
        CREATE INDEX services_owner_team ON services (owner_team_id);
        -- rowid = services.rowid, so an upsert or delete touches exactly one FTS row.
        CREATE VIRTUAL TABLE services_fts USING fts5 (
          name, title, description, tags, team_name,
          tokenize = 'unicode61 remove_diacritics 2'
        );
        CREATE TABLE environments (
          id TEXT PRIMARY KEY,
          name TEXT NOT NULL,
          position INTEGER NOT NULL,
          data TEXT NOT NULL
        );
        CREATE TABLE sync_state (
          id INTEGER PRIMARY KEY CHECK (id = 1),
          cursor TEXT,
          last_synced_at TEXT,
          epoch TEXT
        );
        INSERT INTO sync_state (id) VALUES (1);
        CREATE TABLE outbox (
          client_id TEXT NOT NULL,
          mutation_id INTEGER NOT NULL,
          name TEXT NOT NULL,
          args TEXT NOT NULL,
          idempotency_key TEXT NOT NULL UNIQUE,
          created_at TEXT NOT NULL,
          status TEXT NOT NULL DEFAULT 'pending',
          PRIMARY KEY (client_id, mutation_id)
        );
        CREATE INDEX outbox_status ON outbox (status);
        CREATE TABLE settings (
          key TEXT PRIMARY KEY,
          value TEXT NOT NULL
        );
      `,
  },
  {
    version: 2,
    name: 'push: outbox lifecycle columns, shadow rows for rebase',
    sql: `
        -- Outbox lifecycle: pending, then applied or rejected; or pending, then needs_confirmation
        -- (past expires_at), then pending again (confirmed) or discarded. Applied rows stay a while.
        ALTER TABLE outbox ADD COLUMN expires_at TEXT;
        ALTER TABLE outbox ADD COLUMN confirmed_at TEXT;
        ALTER TABLE outbox ADD COLUMN reason TEXT;
        ALTER TABLE outbox ADD COLUMN result TEXT;
        ALTER TABLE outbox ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE outbox ADD COLUMN sent_at TEXT;
        ALTER TABLE outbox ADD COLUMN settled_at TEXT;
        -- Applied but the pull carrying its effect has not arrived yet: rebase keeps re-applying
        -- it so the UI does not flicker back to the old value in between.
        ALTER TABLE outbox ADD COLUMN awaiting_pull INTEGER NOT NULL DEFAULT 0;
        -- The server version (data NULL = absent) of each synced row a pending mutation touched.
        CREATE TABLE shadow (
          entity TEXT NOT NULL,
          id TEXT NOT NULL,
          data TEXT,
          PRIMARY KEY (entity, id)
        );
      `,
  },
];

/** The directory's synced tables, cleared on a resync like every feature's. */
export const coreSyncedTables = ['org', 'teams', 'users'] as const;
