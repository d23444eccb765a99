import BetterSqlite3, { type Database } from 'better-sqlite3';
import { migrate, type Migration } from './migrate';
import { ensurePrivateFile } from './private-files';

export interface Cache {
  /** The one writable connection (docs/architecture.md, "Core": the database has one owner). */
  readonly db: Database;
  close(): void;
}

/**
 * Opens (creating if needed) the cache at `file` with honest pragmas and brings it to `migrations`:
 * the core's and every feature's, as the composition lists them.
 */
export function openCache(file: string, migrations: readonly Migration[]): Cache {
  // Owner-only before SQLite opens it (docs/architecture.md, "Core"): SQLite gives -wal and -shm
  // the database file's mode, and an older install may have left all three 0644.
  ensurePrivateFile(file, { create: true });
  for (const companion of [`${file}-wal`, `${file}-shm`]) ensurePrivateFile(companion);
  const db = new BetterSqlite3(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    // FULL: the outbox holds the user's offline work; losing it on power loss is not acceptable.
    db.pragma('synchronous = FULL');
    db.pragma('busy_timeout = 5000');
    // 64 MiB of page cache instead of SQLite's 2 MiB: at 100,000 services the sort and search
    // indexes no longer fit in 2 MiB, and every sync write and catalog read went to the disk.
    db.pragma('cache_size = -65536');
    migrate(db, migrations);
  } catch (err) {
    db.close();
    throw err;
  }
  let closed = false;
  return {
    db,
    close() {
      if (closed) return;
      closed = true;
      db.pragma('optimize');
      db.close();
    },
  };
}
