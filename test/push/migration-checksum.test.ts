import { describe, expect, it } from 'vitest';
import { migrationChecksum } from '../../electron/backend/cache/migrate';
import type { Migration } from '../../electron/backend/cache/migrations';

describe('cache migration checksum', () => {
  it('is the same whether a bundler emits non-ASCII SQL as characters or as \\u escapes', () => {
    // tsx and vitest transpile differently: one keeps "→", the other may write "\u2192".
    const literal: Migration = { version: 2, name: 'm', up: (db) => db.exec(`-- a → b\nSELECT 1`) };
    const escaped: Migration = { version: 2, name: 'm', up: (db) => db.exec('-- a \u2192 b\nSELECT 1') };
    const escapedSource = {
      ...escaped,
      up: { toString: () => "(db) => db.exec('-- a \\u2192 b\\nSELECT 1')" },
    };
    expect(migrationChecksum(literal)).toBe(migrationChecksum(escaped));
    expect(migrationChecksum(escapedSource as unknown as Migration)).toBe(migrationChecksum(literal));
    const other: Migration = { version: 2, name: 'm', up: (db) => db.exec(`-- a ← b\nSELECT 1`) };
    expect(migrationChecksum(other)).not.toBe(migrationChecksum(literal));
  });
});
