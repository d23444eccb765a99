import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type pg from 'pg';
import { createPool } from '../../../server/db/pool';
import { migrationDirs } from '../../../server/app';
import { migrate, MigrationError } from '../../../server/db/migrate';
import { createTestDatabase } from '../../harness/postgres';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let pool: pg.Pool;
let scratch: string;

beforeAll(async () => {
  database = await createTestDatabase();
  pool = createPool(database.url);
  scratch = await mkdtemp(path.join(tmpdir(), 'pave-migrations-'));
});
afterAll(async () => {
  await pool?.end();
  await database?.drop();
  await rm(scratch, { recursive: true, force: true });
});

/** Every shipped migration (the core's and each feature's) in one folder, to edit or extend. */
async function copyMigrations(dir: string): Promise<void> {
  for (const source of migrationDirs) await cp(source, dir, { recursive: true });
}

it('applies every migration once, even when several processes start at the same time', async () => {
  const runs = await Promise.all([
    migrate(pool, migrationDirs),
    migrate(pool, migrationDirs),
    migrate(pool, migrationDirs),
  ]);
  const appliedTotal = runs.flatMap((run) => run.applied);
  expect(appliedTotal).toContain('001_initial');
  expect(new Set(appliedTotal).size).toBe(appliedTotal.length);
  expect((await migrate(pool, migrationDirs)).applied).toEqual([]);
  const { rows } = await pool.query<{ name: string }>('SELECT name FROM environments ORDER BY position');
  expect(rows.map((row) => row.name)).toEqual(['development', 'staging', 'production']);
  const meta = await pool.query<{ epoch: string }>('SELECT epoch FROM server_meta');
  expect(meta.rows[0]?.epoch).toMatch(/^[0-9a-f-]{36}$/);
});

it('refuses to start when an applied migration was edited', async () => {
  const dir = path.join(scratch, 'edited');
  await copyMigrations(dir);
  const file = path.join(dir, '001_initial.sql');
  await writeFile(file, `${await readFile(file, 'utf8')}\n-- an innocent-looking edit\n`);
  await expect(migrate(pool, [dir])).rejects.toThrow(MigrationError);
  await expect(migrate(pool, [dir])).rejects.toThrow(/changed after it was applied/);
});

it('applies a new migration in order and rolls a failing one back entirely', async () => {
  const dir = path.join(scratch, 'extended');
  await copyMigrations(dir);
  await writeFile(path.join(dir, '900_add_probe.sql'), 'CREATE TABLE probe (id int PRIMARY KEY);');
  await writeFile(path.join(dir, '901_broken.sql'), 'CREATE TABLE half (id int); SELECT no_such_function();');
  await expect(migrate(pool, [dir])).rejects.toThrow(/901_broken failed/);
  const tables = await pool.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_name IN ('probe', 'half')`,
  );
  expect(tables.rows.map((row) => row.table_name)).toEqual(['probe']);
  const versions = await pool.query<{ version: number }>(
    'SELECT version FROM schema_migrations ORDER BY version',
  );
  const shipped = (await Promise.all(migrationDirs.map((d) => readdir(d))))
    .flat()
    .filter((f) => f.endsWith('.sql'))
    .map((f) => Number(f.slice(0, 3)));
  expect(versions.rows.map((row) => row.version)).toEqual([...shipped.sort((a, b) => a - b), 900]);
});
