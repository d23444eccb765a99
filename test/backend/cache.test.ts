import BetterSqlite3 from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChangeEntry } from '../../shared/contract';
import { CacheMigrationError } from '../../electron/backend/cache/cache-errors';
import { getServiceDetail, listCatalog, listTeams } from '../../electron/backend/cache/catalog-queries';
import { applyChange, clearSyncedData } from '../../electron/backend/cache/catalog-writes';
import { migrate, migrationChecksum } from '../../electron/backend/cache/migrate';
import { migrations, type Migration } from '../../electron/backend/cache/migrations';
import { openCache, type Cache } from '../../electron/backend/cache/open-cache';
import { countPendingChanges } from '../../electron/backend/cache/outbox';
import { readSyncState, writeCursor } from '../../electron/backend/cache/sync-state';
import { toFtsQuery } from '../../electron/backend/cache/fts-query';
import { del, demoChanges, put, service, team } from './catalog-fixtures';

let dir: string;
let cache: Cache;
// Versions may have gaps (each issue owns a range); user_version is the highest applied.
const latestVersion = Math.max(...migrations.map((m) => m.version));

const apply = (changes: ChangeEntry[]) => {
  const touched = new Set<string>();
  cache.db.transaction(() => changes.forEach((c) => applyChange(cache.db, c, touched)))();
  return [...touched].sort();
};
const names = (input: unknown = {}) => listCatalog(cache.db, input).rows.map((r) => r.name);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pave-cache-'));
  cache = openCache(join(dir, 'cache.db'));
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
    cache = openCache(join(dir, 'cache.db'));
    expect(cache.db.pragma('user_version', { simple: true })).toBe(latestVersion);
  });

  it('applies new migrations in order, each atomically', () => {
    const db = new BetterSqlite3(':memory:');
    const extra: Migration[] = [
      ...migrations,
      {
        version: latestVersion + 1,
        name: 'add a column',
        up: (d) => d.exec('ALTER TABLE teams ADD COLUMN x TEXT'),
      },
      {
        version: latestVersion + 2,
        name: 'broken',
        up: (d) => d.exec('CREATE TABLE t1 (a); SELECT * FROM nope'),
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
      i === 0 ? { ...m, up: (d) => d.exec('CREATE TABLE something_else (a)') } : m,
    );
    expect(() => openCache(join(dir, 'cache.db'), edited)).toThrow(CacheMigrationError);
    expect(() => openCache(join(dir, 'cache.db'), edited)).toThrow(/was edited/);
    cache = openCache(join(dir, 'cache.db'));
  });

  it('checksums the SQL, so a transpiler renaming variables or quotes does not count as an edit', () => {
    const a: Migration = { version: 1, name: 'm', up: (db) => db.exec(`CREATE TABLE a (x)`) };
    const b: Migration = { version: 1, name: 'm', up: (database) => database.exec('CREATE   TABLE a (x)') };
    const c: Migration = { version: 1, name: 'm', up: (db) => db.exec(`CREATE TABLE a (y)`) };
    expect(migrationChecksum(a)).toBe(migrationChecksum(b));
    expect(migrationChecksum(a)).not.toBe(migrationChecksum(c));
  });

  it('accepts gaps between versions and runs a migration that lands below the current version', () => {
    const db = new BetterSqlite3(':memory:');
    const gap = (version: number): Migration => ({
      version,
      name: `m${version}`,
      up: (d) => d.exec(`CREATE TABLE t${version} (a)`),
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
    expect(() => openCache(join(dir, 'cache.db'))).toThrow(CacheMigrationError);
    const raw = new BetterSqlite3(join(dir, 'cache.db'));
    raw.pragma(`user_version = ${latestVersion}`);
    raw.close();
    cache = openCache(join(dir, 'cache.db'));
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
    clearSyncedData(cache.db, 'e2');
    expect(listCatalog(cache.db, {}).totalAll).toBe(0);
    expect(listTeams(cache.db)).toEqual([]);
    expect(readSyncState(cache.db)).toEqual({ cursor: null, lastSyncedAt: null, epoch: 'e2' });
    expect(countPendingChanges(cache.db)).toBe(1);
    expect(cache.db.prepare('SELECT COUNT(*) AS n FROM settings').get()).toEqual({ n: 1 });
  });
});

describe('search', () => {
  beforeEach(() => apply(demoChanges()));

  it('matches prefixes of every word across name, title, description, tags and team', () => {
    expect(names({ search: 'pay' })).toEqual(['ledger', 'payments-api']);
    expect(names({ search: 'bill led' })).toEqual(['ledger']);
    expect(names({ search: 'oauth' })).toEqual(['auth-gateway']);
    expect(names({ search: 'JAVA' })).toEqual(['payments-api']);
    expect(names({ search: 'search infra' })).toEqual(['search-indexer']);
  });

  it.each([
    '"',
    '*',
    'OR',
    'NEAR',
    'AND pay',
    '"pay',
    'pay*',
    '(',
    ')',
    'a:b',
    '-',
    '^',
    '💳',
    '   ',
    "'; DROP TABLE services; --",
    'NOT',
    '{}',
    '\\',
  ])('never throws on %j', (input) => {
    expect(() => listCatalog(cache.db, { search: input })).not.toThrow();
  });

  it('treats operators and punctuation as plain words', () => {
    expect(toFtsQuery('pay OR "led')).toBe('"pay"* "OR"* "led"*');
    expect(toFtsQuery('*"()')).toBeNull();
    expect(names({ search: '"pay' })).toEqual(['ledger', 'payments-api']);
    expect(names({ search: '*' })).toHaveLength(6); // nothing searchable: no filter
  });
});

describe('filters, facets and sort', () => {
  beforeEach(() => apply(demoChanges()));

  it('filters by team, tier and lifecycle and counts total vs totalAll', () => {
    const page = listCatalog(cache.db, { teamIds: ['team-a', 'team-b'], tiers: [1] });
    expect(page.rows.map((r) => r.name)).toEqual(['auth-gateway', 'payments-api']);
    expect(page.total).toBe(2);
    expect(page.totalAll).toBe(6);
    expect(names({ lifecycles: ['experimental'] })).toEqual(['ledger', 'zeta-batch']);
  });

  it("counts each facet under the search and the other facets' filters", () => {
    const page = listCatalog(cache.db, { teamIds: ['team-a'], tiers: [1, 2] });
    const count = <T>(list: { value: T; count: number }[], value: T) =>
      list.find((f) => f.value === value)?.count;
    // Teams: filtered by tier only (not by the team filter itself).
    expect(count(page.facets.teams, 'team-a')).toBe(2);
    expect(count(page.facets.teams, 'team-b')).toBe(1);
    expect(count(page.facets.teams, 'team-c')).toBe(1);
    // Tiers: filtered by team only.
    expect(page.facets.tiers.map((t) => t.count)).toEqual([1, 1, 0, 0]);
    // Lifecycles: filtered by team and tier.
    expect(Object.fromEntries(page.facets.lifecycles.map((l) => [l.value, l.count]))).toEqual({
      experimental: 1,
      production: 1,
      deprecated: 0,
    });
    // An owner team not synced yet still shows up, labelled by its id.
    const all = listCatalog(cache.db, {});
    expect(all.facets.teams.find((t) => t.value === 'team-unknown')).toEqual({
      value: 'team-unknown',
      label: 'team-unknown',
      count: 1,
    });

    const searched = listCatalog(cache.db, { search: 'billing' });
    expect(searched.facets.tiers.map((t) => t.count)).toEqual([1, 1, 0, 0]);
  });

  it.each([
    [
      'name',
      'asc',
      ['auth-gateway', 'ledger', 'payments-api', 'search-indexer', 'user-profile', 'zeta-batch'],
    ],
    [
      'title',
      'desc',
      ['zeta-batch', 'user-profile', 'search-indexer', 'payments-api', 'ledger', 'auth-gateway'],
    ],
    [
      'team',
      'asc',
      ['auth-gateway', 'user-profile', 'ledger', 'payments-api', 'search-indexer', 'zeta-batch'],
    ],
    [
      'tier',
      'asc',
      ['auth-gateway', 'payments-api', 'ledger', 'search-indexer', 'user-profile', 'zeta-batch'],
    ],
    [
      'lifecycle',
      'asc',
      ['ledger', 'zeta-batch', 'auth-gateway', 'payments-api', 'search-indexer', 'user-profile'],
    ],
    [
      'updatedAt',
      'desc',
      ['auth-gateway', 'payments-api', 'search-indexer', 'ledger', 'user-profile', 'zeta-batch'],
    ],
  ] as const)('sorts by %s %s', (column, direction, expected) => {
    expect(names({ sort: { column, direction } })).toEqual(expected);
  });

  it('returns service detail with owner team and environments in promotion order', () => {
    const detail = getServiceDetail(cache.db, 'payments-api');
    expect(detail?.ownerTeam?.name).toBe('Payments');
    expect(detail?.environments.map((e) => e.name)).toEqual(['development', 'staging', 'production']);
    expect(getServiceDetail(cache.db, 'zeta-batch')?.ownerTeam).toBeNull();
    expect(listTeams(cache.db).map((t) => t.name)).toEqual(['Identity', 'Payments', 'Search Infra']);
  });
});
