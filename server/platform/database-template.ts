import { execFile, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { migrate, readMigrationFiles } from '../db/migrate';
import { startEmbeddedPostgres } from '../db/embedded-postgres';
import { isProcessAlive } from '../process/process-alive';
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

/** The template for the current migrations when one was built, without building it. */
export async function findTemplate(
  options: Pick<TemplateOptions, 'templatesDir' | 'migrationDirs'>,
): Promise<PreparedTemplate | null> {
  return readTemplate(path.join(options.templatesDir, await templateKey(options.migrationDirs)));
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
 * A spare copy of the template, made ahead for the next new data directory: taking it is a rename.
 * Copying is slow for its file count, not its size (the ~1,500 files of four databases; creating a
 * file costs ~0.5 ms on an ext4 disk here, 0.8–3 s in all, the largest step of a cold first launch).
 */
const SPARE = 'spare';
/** A spare being made: `.spare-<pid of the copying process>`, renamed to SPARE when complete. */
const SPARE_PARTIAL = '.spare-';

const spareOf = (template: PreparedTemplate) => path.join(path.dirname(template.databaseDir), SPARE);

/**
 * A new cluster in `databaseDir` (which must not exist yet): the template's spare when one is
 * ready, else a copy. Returns which.
 */
export async function takeTemplateCopy(
  template: PreparedTemplate,
  databaseDir: string,
): Promise<'spare' | 'copy'> {
  await mkdir(path.dirname(databaseDir), { recursive: true });
  try {
    await rename(spareOf(template), databaseDir);
    return 'spare';
  } catch {
    // None ready (or another launch took it first), or the data dir is on another file system.
    await copyTemplate(template, databaseDir);
    return 'copy';
  }
}

/**
 * Starts making the template's spare unless one is ready or a live process is making one, in a
 * process of its own at the lowest priority that outlives ours: a platform stopped a second after
 * its first launch (a person closing the app) still leaves a spare for the next new data dir.
 * A copy cut short leaves its partial folder, removed by the next call. Returns whether it started.
 */
export async function refillTemplateSpare(template: PreparedTemplate): Promise<boolean> {
  // `cp -a` and a shell to rename after it; on Windows, new data dirs copy as before.
  if (process.platform === 'win32') return false;
  const dir = path.dirname(template.databaseDir);
  if (existsSync(spareOf(template))) return false;
  for (const entry of await readdir(dir)) {
    if (!entry.startsWith(SPARE_PARTIAL)) continue;
    if (isProcessAlive(Number(entry.slice(SPARE_PARTIAL.length)))) return false;
    await rm(path.join(dir, entry), { recursive: true, force: true });
  }
  // The partial is named after the shell's own pid ($$), alive exactly as long as the copy runs.
  // A spare made meanwhile by someone else wins (mv would move ours into it): ours goes.
  const spare = `"$1/${SPARE}"`;
  const script = `p="$1/${SPARE_PARTIAL}$$"; cp -a -- "$2" "$p" && [ ! -e ${spare} ] && mv -- "$p" ${spare}; rm -rf -- "$p"`;
  const child = spawn('nice', ['-n', '19', 'sh', '-c', script, 'sh', dir, template.databaseDir], {
    detached: true,
    stdio: 'ignore',
  });
  child.on('error', () => undefined);
  child.unref();
  return true;
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
