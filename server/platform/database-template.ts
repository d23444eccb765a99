import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { migrate, readMigrationFiles } from '../db/migrate';
import { startEmbeddedPostgres } from '../db/embedded-postgres';
import { ensureDatabase } from './ensure-database';

/**
 * A prepared PostgreSQL cluster (initdb done, every migration applied, nothing else) kept once per
 * machine and copied into each new platform data directory, so a first launch skips initdb and
 * the migrations (issue 12, "Start in a second"). It is keyed by what it holds: the migration
 * files' text and the PostgreSQL binaries. A changed, added or removed migration gives a new key,
 * hence a new template; and the copy is still checked by `migrate` (checksums) on every start.
 */

/** Bump when the template's layout or contents change for reasons the key cannot see. */
const TEMPLATE_FORMAT = 'pave-database-template/1';
export const TEMPLATE_DATABASE = 'pave';
const PASSWORD_FILE = 'postgres-password';

const execFileAsync = promisify(execFile);

/** The version of the embedded PostgreSQL binaries, from the embedded-postgres package. */
async function postgresBinariesVersion(): Promise<string> {
  const entry = createRequire(import.meta.url).resolve('embedded-postgres');
  for (let dir = path.dirname(entry); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (!existsSync(manifest)) continue;
    const { name, version } = JSON.parse(await readFile(manifest, 'utf8')) as {
      name?: string;
      version?: string;
    };
    if (name === 'embedded-postgres' && version) return version;
  }
  throw new Error('cannot find the embedded-postgres package version');
}

/** The template's key: a hash of the format, the PostgreSQL version and every migration file. */
export async function templateKey(
  migrationDirs: readonly string[],
  postgresVersion?: string,
): Promise<string> {
  const hash = createHash('sha256');
  hash.update(`${TEMPLATE_FORMAT}\0${postgresVersion ?? (await postgresBinariesVersion())}\0`);
  for (const migration of await readMigrationFiles(migrationDirs))
    hash.update(`${migration.label}\0${migration.checksum}\0`);
  return hash.digest('hex').slice(0, 24);
}

export interface PreparedTemplate {
  /** The cluster directory to copy. */
  databaseDir: string;
  /** The superuser password the template was initialised with. */
  password: string;
}

export interface TemplateOptions {
  /** Where templates are kept, one folder per key (e.g. ~/.cache/pave/database-templates). */
  templatesDir: string;
  migrationDirs: readonly string[];
  /** Progress of the migrations while a template is built (once per key). */
  onMigration?: (progress: { done: number; total: number }) => void;
  /** Called when no template exists yet and one is built now. */
  onBuild?: () => void;
  log?: (line: string) => void;
}

/**
 * The template for the current migrations, built first if there is none: in a private folder
 * next to it, renamed into place only when complete, so a crash or a second builder never leaves a
 * half-made template under the key.
 */
export async function ensureTemplate(options: TemplateOptions): Promise<PreparedTemplate> {
  const key = await templateKey(options.migrationDirs);
  const finalDir = path.join(options.templatesDir, key);
  const ready = await readTemplate(finalDir);
  if (ready) return ready;

  options.onBuild?.();
  await mkdir(options.templatesDir, { recursive: true, mode: 0o700 });
  const workDir = path.join(
    options.templatesDir,
    `.building-${key}-${process.pid}-${randomBytes(4).toString('hex')}`,
  );
  try {
    const password = randomBytes(18).toString('base64url');
    await mkdir(workDir, { mode: 0o700 });
    const cluster = await startEmbeddedPostgres({
      databaseDir: path.join(workDir, 'postgres'),
      password,
      ...(options.log ? { log: options.log } : {}),
    });
    try {
      const pool = new pg.Pool({
        connectionString: await ensureDatabase(cluster.adminUrl, TEMPLATE_DATABASE),
        max: 1,
      });
      try {
        await migrate(pool, options.migrationDirs, options.onMigration);
      } finally {
        await pool.end();
      }
    } finally {
      // A clean shutdown: the copy must not need crash recovery.
      await cluster.stop();
    }
    await writeFile(path.join(workDir, PASSWORD_FILE), `${password}\n`, { mode: 0o600 });
    try {
      await rename(workDir, finalDir);
    } catch (error) {
      // Another platform finished the same template first: use theirs.
      const theirs = await readTemplate(finalDir);
      if (!theirs) throw error;
    }
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
  const made = await readTemplate(finalDir);
  if (!made) throw new Error(`the database template in ${finalDir} is incomplete after building it`);
  return made;
}

async function readTemplate(dir: string): Promise<PreparedTemplate | null> {
  const databaseDir = path.join(dir, 'postgres');
  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) return null;
  const password = (await readFile(path.join(dir, PASSWORD_FILE), 'utf8').catch(() => '')).trim();
  return password ? { databaseDir, password } : null;
}

/**
 * Copies the template's cluster to `databaseDir` (which must not exist yet), through a temporary
 * sibling renamed at the end, so an interrupted copy is never taken for a cluster. `cp -a` keeps
 * owners and modes: run as root, PostgreSQL's files belong to its own OS user and must stay so.
 */
export async function copyTemplate(template: PreparedTemplate, databaseDir: string): Promise<void> {
  const partial = `${databaseDir}.partial`;
  await rm(partial, { recursive: true, force: true });
  await mkdir(path.dirname(databaseDir), { recursive: true });
  if (process.platform === 'win32') await cp(template.databaseDir, partial, { recursive: true });
  else await execFileAsync('cp', ['-a', '--', template.databaseDir, partial]);
  await rename(partial, databaseDir);
}

/**
 * A copied cluster starts with the template's superuser password: give it this data dir's own,
 * so no two data directories share one.
 */
export async function setSuperuserPassword(adminUrl: string, password: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`ALTER ROLE CURRENT_USER PASSWORD ${client.escapeLiteral(password)}`);
  } finally {
    await client.end();
  }
}
