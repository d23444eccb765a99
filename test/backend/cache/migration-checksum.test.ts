import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { migrationChecksum, type Migration } from '../../../electron/backend/cache/migrate';
import { openCache } from '../../../electron/backend/cache/open-cache';
import { backendFeatures } from '../../../electron/backend/features';

/**
 * The checksums every existing cache has recorded, computed by the code that shipped before
 * migrations declared their SQL (it hashed the SQL string literal of each migration's `up`). A
 * cache must keep opening: these may never change.
 */
const shipped: Record<number, string> = {
  1: 'ef02473a876d182e221f02207a7a4654a731f5016db12afc9d4e32a732c7626c',
  2: '300b6b6ee5f2637b717c76befeee0e7e43dfb94711437865565bf53c3150b5c1',
  10: 'f1eca13d0244647f5c8a0aed05d55fb31ab99171e399fe44a351b42aa4d12779',
  15: '0ff52425ed6745e09803ebe05a36901cfd4c007043f9c15f2486a8edd03d4c4a',
  20: 'c4c4edc599fef2a20f4aa93c2296d59a3cd169ae744d2ac7e9c60cf72b1cb965',
  30: '39d6c08275bf54582f0de4d46784d4cd335937f0aa611bba1d7cf74209bed718',
};

describe('cache migration checksum', () => {
  it('is the same whether a bundler emits non-ASCII SQL as characters or as \\u escapes', () => {
    // tsx and vitest transpile differently: one keeps "→", the other may write "\u2192".
    const literal: Migration = { version: 2, name: 'm', sql: `-- a → b\nSELECT 1` };
    const escaped: Migration = { version: 2, name: 'm', sql: '-- a \u2192 b\nSELECT 1' };
    expect(migrationChecksum(literal)).toBe(migrationChecksum(escaped));
    const other: Migration = { version: 2, name: 'm', sql: `-- a ← b\nSELECT 1` };
    expect(migrationChecksum(other)).not.toBe(migrationChecksum(literal));
  });

  it('still matches what caches written before migrations declared their SQL recorded', () => {
    // Later migrations are new rows; the shipped ones may never change.
    const computed = Object.fromEntries(
      backendFeatures.migrations
        .filter((m) => m.version in shipped)
        .map((m) => [m.version, migrationChecksum(m)]),
    );
    expect(computed).toEqual(shipped);
  });

  it('opens a cache file created by the previous build without complaint', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pave-old-cache-'));
    try {
      const file = join(dir, 'cache.db');
      // Written by `openCache` at the commit before this change (schema 30, nothing synced yet).
      writeFileSync(
        file,
        gunzipSync(readFileSync(join(import.meta.dirname, 'cache-written-before-issue-8.db.gz'))),
      );
      const cache = openCache(file, backendFeatures.migrations);
      try {
        const applied = cache.db
          .prepare('SELECT version, checksum FROM schema_migrations ORDER BY version')
          .all() as { version: number; checksum: string }[];
        const recorded = Object.fromEntries(applied.map((r) => [r.version, r.checksum]));
        expect(recorded).toMatchObject(shipped);
        // Every later migration applied on top of the old file.
        const newest = Math.max(...backendFeatures.migrations.map((m) => m.version));
        expect(cache.db.pragma('user_version', { simple: true })).toBe(newest);
      } finally {
        cache.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
