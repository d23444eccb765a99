import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Pool } from 'pg';

/** The core's own migrations (org, directory, change log, push); features bring theirs. */
export const coreMigrationsDir = fileURLToPath(new URL('./migrations/', import.meta.url));

/** Thrown when the database and the migration files disagree; the server must not start. */
export class MigrationError extends Error {
  override name = 'MigrationError';
}

export interface MigrationFile {
  version: number;
  name: string;
  /** The file name without .sql, e.g. 001_initial. */
  label: string;
  sql: string;
  checksum: string;
}

// Any constant works; it only has to be the same for every Pave server process.
const MIGRATION_LOCK_KEY = 0x7061_7665;

/** Every migration file of `dirs`, in version order (also what a prepared database template is keyed by). */
export async function readMigrationFiles(dirs: readonly string[]): Promise<MigrationFile[]> {
  const migrations: MigrationFile[] = [];
  // The platform bundle copies every folder's files into one, which each source then names: read it once.
  for (const dir of new Set(dirs)) migrations.push(...(await readMigrationDir(dir)));
  migrations.sort((a, b) => a.version - b.version);
  const versions = new Set(migrations.map((m) => m.version));
  if (versions.size !== migrations.length) {
    throw new MigrationError(`duplicate migration versions in ${[...new Set(dirs)].join(', ')}`);
  }
  return migrations;
}

async function readMigrationDir(dir: string): Promise<MigrationFile[]> {
  const files = (await readdir(dir)).filter((file) => file.endsWith('.sql')).sort();
  const migrations: MigrationFile[] = [];
  for (const file of files) {
    const match = /^(\d+)_([a-z0-9_]+)\.sql$/.exec(file);
    if (!match?.[1] || !match[2]) throw new MigrationError(`bad migration file name: ${file} (NNN_name.sql)`);
    const sql = await readFile(path.join(dir, file), 'utf8');
    const checksum = createHash('sha256').update(sql).digest('hex');
    migrations.push({ version: Number(match[1]), name: match[2], label: file.slice(0, -4), sql, checksum });
  }
  return migrations;
}

/**
 * Applies pending migrations from `dirs` (the core's and each feature's folder) in version order,
 * each in its own transaction. An advisory lock lets several
 * server processes start at once: the first migrates, the others wait and then find nothing to do.
 * Applied migrations are never edited (Bruno-style checksums): a changed file refuses to start.
 */
export async function migrate(
  pool: Pool,
  dirs: readonly string[],
  /** Called before each pending migration and once all are applied, for setup progress. */
  onProgress?: (progress: { done: number; total: number }) => void,
): Promise<{ applied: string[] }> {
  const migrations = await readMigrationFiles(dirs);
  const client = await pool.connect();
  const applied: string[] = [];
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const { rows } = await client.query<{ version: number; name: string; checksum: string }>(
      'SELECT version, name, checksum FROM schema_migrations ORDER BY version',
    );
    const known = new Map(migrations.map((m) => [m.version, m]));
    for (const row of rows) {
      const file = known.get(row.version);
      if (!file) {
        throw new MigrationError(
          `database has migration ${row.version}_${row.name} that this server does not know (is it older than the database?)`,
        );
      }
      if (file.checksum !== row.checksum) {
        throw new MigrationError(
          `migration ${file.label} was changed after it was applied; add a new migration instead`,
        );
      }
    }
    const done = new Set(rows.map((row) => row.version));
    const pending = migrations.filter((migration) => !done.has(migration.version));
    for (const [index, migration] of pending.entries()) {
      onProgress?.({ done: index, total: pending.length });
      await client.query('BEGIN');
      try {
        await client.query(migration.sql);
        await client.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [
          migration.version,
          migration.name,
          migration.checksum,
        ]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw new MigrationError(`migration ${migration.label} failed: ${(error as Error).message}`);
      }
      applied.push(migration.label);
    }
    if (pending.length > 0) onProgress?.({ done: pending.length, total: pending.length });
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    client.release();
  }
  return { applied };
}
