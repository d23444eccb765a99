import BetterSqlite3 from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChangeEntry } from '../../../shared/contract';
import { CacheMigrationError } from '../../../electron/backend/cache/cache-errors';
import { listTeams } from '../../../electron/backend/cache/directory-queries';
import { getServiceDetail, listCatalog } from '../../../electron/backend/features/catalog/queries';
import { migrate, migrationChecksum, type Migration } from '../../../electron/backend/cache/migrate';
import { openCache, type Cache } from '../../../electron/backend/cache/open-cache';
import { countPendingChanges } from '../../../electron/backend/cache/outbox';
import { readSyncState, writeCursor } from '../../../electron/backend/cache/sync-state';
import { backendFeatures } from '../../../electron/backend/features';
import { del, demoChanges, put, service, team } from '../catalog-fixtures';

const { migrations, model } = backendFeatures;
let dir: string;
let cache: Cache;
// Versions may have gaps (each issue owns a range); user_version is the highest applied.
const latestVersion = Math.max(...migrations.map((m) => m.version));

const apply = (changes: ChangeEntry[]) => {
  const touched = new Set<string>();
  cache.db.transaction(() => changes.forEach((c) => model.entities.apply(cache.db, c, touched)))();
  return [...touched].sort();
};
const names = (input: unknown = {}) => listCatalog(cache.db, input).rows.map((r) => r.name);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pave-cache-'));
  cache = openCache(join(dir, 'cache.db'), migrations);
});
afterEach(() => {
  cache.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('opening and migrating', () => {
  it('sets honest pragmas and records every migration', () => {
    expect(cache.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(cache.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(cache.db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(cache.db.pragma('user_version', { simple: true })).toBe(latestVersion);
    const applied = cache.db.prepare('SELECT version FROM schema_migrations').all();
    expect(applied).toHaveLength(migrations.length);
  });

  it('reopens an up-to-date cache without re-running migrations', () => {
    cache.close();
    cache = openCache(join(dir, 'cache.db'), migrations);
    expect(cache.db.pragma('user_version', { simple: true })).toBe(latestVersion);
  });

  it('applies new migrations in order, each atomically', () => {
    const db = new BetterSqlite3(':memory:');
    const extra: Migration[] = [
      ...migrations,
      {
        version: latestVersion + 1,
        name: 'add a column',
        sql: 'ALTER TABLE teams ADD COLUMN x TEXT',
      },
      {
        version: latestVersion + 2,
        name: 'broken',
        sql: 'CREATE TABLE t1 (a); SELECT * FROM nope',
      },
    ];
    expect(() => migrate(db, extra)).toThrow(/nope/);
    // The good one stuck, the broken one rolled back completely (t1 does not exist).
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion + 1);
    expect(db.prepare(`SELECT name FROM sqlite_master WHERE name = 't1'`).get()).toBeUndefined();
    db.close();
  });

  it('refuses a cache whose applied migration was edited', () => {
    cache.close();
    const edited: Migration[] = migrations.map((m, i) =>
      i === 0 ? { ...m, sql: 'CREATE TABLE something_else (a)' } : m,
    );
    expect(() => openCache(join(dir, 'cache.db'), edited)).toThrow(CacheMigrationError);
    expect(() => openCache(join(dir, 'cache.db'), edited)).toThrow(/was edited/);
    cache = openCache(join(dir, 'cache.db'), migrations);
  });

  it('checksums the SQL, so re-indenting a migration does not count as an edit but changing it does', () => {
    const a: Migration = { version: 1, name: 'm', sql: `CREATE TABLE a (x)` };
    const b: Migration = { version: 1, name: 'm', sql: '\n  CREATE   TABLE a (x)\n' };
    const c: Migration = { version: 1, name: 'm', sql: `CREATE TABLE a (y)` };
    expect(migrationChecksum(a)).toBe(migrationChecksum(b));
    expect(migrationChecksum(a)).not.toBe(migrationChecksum(c));
  });

  it('accepts gaps between versions and runs a migration that lands below the current version', () => {
    const db = new BetterSqlite3(':memory:');
    const gap = (version: number): Migration => ({
      version,
      name: `m${version}`,
      sql: `CREATE TABLE t${version} (a)`,
    });
    expect(migrate(db, [gap(1), gap(10)])).toEqual({ from: 0, to: 10 });
    expect(db.pragma('user_version', { simple: true })).toBe(10);
    // A range filled in later (version 2 after 10 was applied) still runs; user_version stays 10.
    expect(migrate(db, [gap(1), gap(2), gap(10)])).toEqual({ from: 10, to: 10 });
    expect(db.prepare(`SELECT name FROM sqlite_master WHERE name = 't2'`).get()).toBeDefined();
    expect(() => migrate(db, [gap(1), gap(2), gap(2), gap(10)])).toThrow(/share version 2/);
    expect(() => migrate(db, [gap(1), gap(10)])).toThrow(/unknown to this build/);
    db.close();
  });

  it('refuses a cache written by a newer build', () => {
    cache.db.pragma('user_version = 99');
    cache.close();
    expect(() => openCache(join(dir, 'cache.db'), migrations)).toThrow(CacheMigrationError);
    const raw = new BetterSqlite3(join(dir, 'cache.db'));
    raw.pragma(`user_version = ${latestVersion}`);
    raw.close();
    cache = openCache(join(dir, 'cache.db'), migrations);
  });
});

describe('writes', () => {
  it('upserts, deletes and reports the tables it touched', () => {
    expect(apply(demoChanges())).toEqual(['environments', 'services', 'teams']);
    expect(listCatalog(cache.db, {}).totalAll).toBe(6);

    expect(apply([put('service', service('ledger', { title: 'General Ledger', tier: 1 }))])).toEqual([
      'services',
    ]);
    expect(getServiceDetail(cache.db, 'ledger')?.title).toBe('General Ledger');
    expect(listCatalog(cache.db, {}).totalAll).toBe(6);

    expect(apply([del('service', 'ledger')])).toEqual(['services']);
    expect(getServiceDetail(cache.db, 'ledger')).toBeNull();
    expect(names({ search: 'ledger' })).toEqual([]);
    // Deleting something never seen is a no-op, not an error.
    expect(() => apply([del('service', 'never-existed')])).not.toThrow();
  });

  it('keeps search in step when the owner team is renamed or deleted', () => {
    apply(demoChanges());
    expect(names({ search: 'payments' })).toEqual(['ledger', 'payments-api']);
    apply([put('team', team('team-a', 'Money Movement'))]);
    expect(names({ search: 'money' })).toEqual(['ledger', 'payments-api']);
    expect(names({ search: 'payments' })).toEqual(['payments-api']); // its own name still matches
    apply([del('team', 'team-a')]);
    expect(names({ search: 'money' })).toEqual([]);
    expect(listCatalog(cache.db, { search: 'ledger' }).rows[0]?.ownerTeamName).toBeNull();
  });

  it('clears synced tables and the cursor but keeps the outbox and settings', () => {
    apply(demoChanges());
    writeCursor(cache.db, 'c1', new Date().toISOString());
    cache.db
      .prepare(
        `INSERT INTO outbox (client_id, mutation_id, name, args, idempotency_key, created_at) VALUES ('c', 1, 'x', '{}', 'k1', 'now')`,
      )
      .run();
    cache.db.prepare(`INSERT INTO settings (key, value) VALUES ('k', '1')`).run();
    model.entities.clear(cache.db, 'e2');
    expect(listCatalog(cache.db, {}).totalAll).toBe(0);
    expect(listTeams(cache.db)).toEqual([]);
    expect(readSyncState(cache.db)).toEqual({ cursor: null, lastSyncedAt: null, epoch: 'e2' });
    expect(countPendingChanges(cache.db)).toBe(1);
    expect(cache.db.prepare('SELECT COUNT(*) AS n FROM settings').get()).toEqual({ n: 1 });
  });
});
