import BetterSqlite3 from 'better-sqlite3';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCache } from '../../../electron/backend/cache/open-cache';
import { ensurePrivateDir } from '../../../electron/backend/cache/private-files';
import { backendFeatures } from '../../../electron/backend/features';
import { createKeyFileVault } from '../../../electron/backend/settings/key-file-vault';

// Issue 13, finding 8: the browser-mode cache was world-readable (cache.db 0644, data dir 0755).
const modeOf = (path: string) => statSync(path).mode & 0o777;
let root: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'pave-private-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('owner-only cache files and data dirs', () => {
  it('creates a new cache with its -wal and -shm files 0600', () => {
    const file = join(root, 'cache.db');
    const cache = openCache(file, backendFeatures.migrations);
    try {
      cache.db.prepare("INSERT INTO settings (key, value) VALUES ('probe', '1')").run();
      for (const path of [file, `${file}-wal`, `${file}-shm`]) expect(modeOf(path), path).toBe(0o600);
    } finally {
      cache.close();
    }
  });

  it('tightens a cache an older install left 0644, -wal and -shm included', () => {
    const file = join(root, 'cache.db');
    // An older Pave: SQLite's default 0644, and a crash that left -wal and -shm behind.
    const old = new BetterSqlite3(file);
    old.pragma('journal_mode = WAL');
    old.exec('CREATE TABLE leftover (x)');
    old.close();
    const leftWal = `${file}-wal`;
    for (const path of [leftWal, `${file}-shm`]) writeFileSync(path, Buffer.alloc(0), { flag: 'a' });
    for (const path of [file, leftWal, `${file}-shm`]) chmodSync(path, 0o644);

    const cache = openCache(file, backendFeatures.migrations);
    try {
      for (const path of [file, leftWal, `${file}-shm`]) expect(modeOf(path), path).toBe(0o600);
    } finally {
      cache.close();
    }
  });

  it('creates data dirs 0700 and tightens ones left 0755', () => {
    const fresh = join(root, 'a', 'b');
    ensurePrivateDir(fresh);
    expect(modeOf(fresh)).toBe(0o700);
    const loose = join(root, 'loose');
    mkdirSync(loose, { mode: 0o755 });
    chmodSync(loose, 0o755);
    ensurePrivateDir(loose);
    expect(modeOf(loose)).toBe(0o700);
  });

  it('the browser-mode vault makes its data dir 0700 and tightens a loose vault.key', () => {
    const dataDir = join(root, 'data');
    mkdirSync(dataDir);
    chmodSync(dataDir, 0o755);
    const sealed = createKeyFileVault(dataDir).encrypt('token');
    expect(modeOf(dataDir)).toBe(0o700);
    expect(modeOf(join(dataDir, 'vault.key'))).toBe(0o600);

    chmodSync(join(dataDir, 'vault.key'), 0o644);
    expect(createKeyFileVault(dataDir).decrypt(sealed)).toBe('token');
    expect(modeOf(join(dataDir, 'vault.key'))).toBe(0o600);
  });
});
