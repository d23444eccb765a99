import path from 'node:path';
import type { Pool } from 'pg';
import type { Tx } from '../../../db/transaction';

/**
 * The platform data dir, recorded in the database at start so that code holding only a
 * transaction (a push listener, a pipeline publishing a version) can resolve the relative paths
 * stored in rows. Rewritten on every start: a moved data dir keeps working.
 */
export async function recordDataDir(pool: Pool, dataDir: string): Promise<void> {
  await pool.query(
    `INSERT INTO platform_data_dir (singleton, path) VALUES (true, $1)
     ON CONFLICT (singleton) DO UPDATE SET path = EXCLUDED.path`,
    [path.resolve(dataDir)],
  );
}

export async function dataDirOf(db: Pool | Tx): Promise<string> {
  const { rows } = await db.query<{ path: string }>('SELECT path FROM platform_data_dir');
  const dir = rows[0]?.path;
  if (!dir) throw new Error('this platform runs without a data dir: it has no repositories or artifacts');
  return dir;
}

/** `file` relative to the data dir; throws when it lies outside (a path row must never escape it). */
export function insideDataDir(dataDir: string, file: string): string {
  const relative = path.relative(dataDir, path.resolve(file));
  if (!relative || relative.startsWith('..') || path.isAbsolute(relative)) {
    throw new Error(`${file} is not inside the platform data dir ${dataDir}`);
  }
  return relative;
}
