import type { Migration } from '../../cache/migrate';

/**
 * Cache migration 37: the last Source view fetched per service, so the section still shows
 * offline (with its time). `data` NULL records "not hosted by the platform". Disposable.
 */
export const gitCacheMigration: Migration = {
  version: 37,
  name: 'service repositories (last fetched Source view)',
  sql: `
      CREATE TABLE git_repositories (
        service_id TEXT PRIMARY KEY,
        fetched_at TEXT NOT NULL,
        data TEXT
      );
    `,
};
