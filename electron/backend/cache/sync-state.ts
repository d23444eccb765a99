import type { Database } from 'better-sqlite3';

export interface SyncStateRow {
  cursor: string | null;
  lastSyncedAt: string | null;
  /** Which platform the synced rows came from; a different one means the cache is rebuilt. */
  epoch: string | null;
}

export function readSyncState(db: Database): SyncStateRow {
  const row = db.prepare('SELECT cursor, last_synced_at, epoch FROM sync_state WHERE id = 1').get() as
    { cursor: string | null; last_synced_at: string | null; epoch: string | null } | undefined;
  return {
    cursor: row?.cursor ?? null,
    lastSyncedAt: row?.last_synced_at ?? null,
    epoch: row?.epoch ?? null,
  };
}

export function writeCursor(db: Database, cursor: string, syncedAt: string): void {
  db.prepare('UPDATE sync_state SET cursor = ?, last_synced_at = ? WHERE id = 1').run(cursor, syncedAt);
}

export function writeSyncedAt(db: Database, syncedAt: string): void {
  db.prepare('UPDATE sync_state SET last_synced_at = ? WHERE id = 1').run(syncedAt);
}
