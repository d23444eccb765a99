import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { CacheMigrationError } from './cache-errors';

/**
 * One numbered cache migration: the SQL it runs, as text. Never edit one that has shipped:
 * `migrate` hashes each applied migration and refuses to open a cache whose history differs
 * (docs/architecture.md, "Core"). Add a new one. Versions need only be unique and increasing; each feature owns
 * its own range (docs/architecture.md, "Features").
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/**
 * The checksum covers the SQL a migration runs, with whitespace collapsed, so re-indenting a
 * migration is harmless while any edit of what it does is caught (Bruno hashes migrations the
 * same way). Caches written before migrations declared their SQL hashed the one SQL literal of
 * each migration's code the same way, so their recorded checksums still match.
 */
export function migrationChecksum(m: Migration): string {
  const sql = m.sql.replace(/\s+/g, ' ').trim();
  return createHash('sha256').update(`${m.version}\n${m.name}\n${sql}`).digest('hex');
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
      db.exec(m.sql);
      record.run(m.version, m.name, migrationChecksum(m), new Date().toISOString());
      db.pragma(`user_version = ${version}`);
    })();
  }
  return { from, to };
}
