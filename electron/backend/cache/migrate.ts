import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { CacheMigrationError } from './cache-errors';
import type { Migration } from './migrations';

const STRING_LITERALS = /`(?:[^`\\]|\\.)*`|'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"/g;

/**
 * What a migration does lives in its SQL string literals, so the checksum covers those (with
 * whitespace collapsed): any edit of a shipped migration's SQL is caught (Bruno hashes migrations
 * the same way), while the dev transpile (tsx) and the packaged bundle (esbuild), which may
 * rename variables or reformat code, still agree. A migration without literals hashes its code.
 */
export function migrationChecksum(m: Migration): string {
  const source = m.up.toString();
  const literals = source.match(STRING_LITERALS);
  const body = (literals?.map((l) => l.slice(1, -1)) ?? [source])
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .join('\n');
  return createHash('sha256').update(`${m.version}\n${m.name}\n${body}`).digest('hex');
}

interface AppliedRow {
  version: number;
  name: string;
  checksum: string;
}

/**
 * Brings the cache to the latest version: each pending migration runs in its own transaction
 * together with its `user_version` bump and checksum row, so a crash never half-applies one.
 */
export function migrate(db: Database, list: readonly Migration[]): { from: number; to: number } {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    checksum TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`);
  const sorted = [...list].sort((a, b) => a.version - b.version);
  sorted.forEach((m, i) => {
    if (m.version !== i + 1)
      throw new CacheMigrationError(`migrations must be numbered 1..n; found ${m.version}`, m.version);
  });

  const from = Number(db.pragma('user_version', { simple: true }));
  const latest = sorted.length;
  if (from > latest) {
    throw new CacheMigrationError(
      `the cache was written by a newer Pave (schema ${from}, this build knows ${latest}); update Pave or delete the cache`,
      from,
    );
  }
  const applied = db
    .prepare('SELECT version, name, checksum FROM schema_migrations ORDER BY version')
    .all() as AppliedRow[];
  for (const row of applied) {
    const m = sorted[row.version - 1];
    if (!m || row.version > from) continue;
    if (migrationChecksum(m) !== row.checksum) {
      throw new CacheMigrationError(
        `cache migration ${row.version} ("${row.name}") was edited after it was applied; add a new migration instead`,
        row.version,
      );
    }
  }

  const record = db.prepare(
    'INSERT OR REPLACE INTO schema_migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)',
  );
  for (const m of sorted.slice(from)) {
    db.transaction(() => {
      m.up(db);
      record.run(m.version, m.name, migrationChecksum(m), new Date().toISOString());
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  return { from, to: latest };
}
