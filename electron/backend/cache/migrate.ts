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
    // A bundler may emit non-ASCII characters as \u escapes; hash the characters either way.
    .map((l) =>
      l.replace(/\\u\{?([0-9a-fA-F]{4,6})\}?/g, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16))),
    )
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
 *
 * Versions need only be unique and increasing: each issue owns a numbering range (push 2–9,
 * self-service 10–19, …), so gaps are normal. `user_version` is the highest version applied; a
 * migration is pending when `schema_migrations` has no row for it, so one that lands below the
 * current version (a range filled in later) still runs.
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
    if (!Number.isInteger(m.version) || m.version < 1)
      throw new CacheMigrationError(
        `migration versions must be positive integers; found ${m.version}`,
        m.version,
      );
    const prev = sorted[i - 1];
    if (prev && prev.version === m.version)
      throw new CacheMigrationError(`two migrations share version ${m.version}`, m.version);
  });
  const byVersion = new Map(sorted.map((m) => [m.version, m]));

  const from = Number(db.pragma('user_version', { simple: true }));
  const latest = sorted.at(-1)?.version ?? 0;
  if (from > latest) {
    throw new CacheMigrationError(
      `the cache was written by a newer Pave (schema ${from}, this build knows ${latest}); update Pave or delete the cache`,
      from,
    );
  }
  const applied = db
    .prepare('SELECT version, name, checksum FROM schema_migrations ORDER BY version')
    .all() as AppliedRow[];
  const appliedVersions = new Set<number>();
  for (const row of applied) {
    appliedVersions.add(row.version);
    const m = byVersion.get(row.version);
    if (!m) {
      throw new CacheMigrationError(
        `cache migration ${row.version} ("${row.name}") is unknown to this build; update Pave or delete the cache`,
        row.version,
      );
    }
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
  let to = from;
  for (const m of sorted) {
    if (appliedVersions.has(m.version)) continue;
    to = Math.max(to, m.version);
    const version = to;
    db.transaction(() => {
      m.up(db);
      record.run(m.version, m.name, migrationChecksum(m), new Date().toISOString());
      db.pragma(`user_version = ${version}`);
    })();
  }
  return { from, to };
}
