import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { FastifyInstance } from 'fastify';
import type pg from 'pg';
import { z } from 'zod';
import { formatSetupLine, idleSetup, type PlatformSetup } from '../shared/ipc/platform-setup';
import { buildApp, migrationDirs } from './app';
import { ensureAdminTokenFile } from './auth/admin-token';
import { ADMIN_USER_ID } from './directory/admin-user';
import { lockDataDir } from './process/data-dir-lock';
import { ensurePrivateDir } from './process/private-dir';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './db/embedded-postgres';
import { createPool } from './db/pool';
import { loadSecretsKey } from './process/secrets-key';
import {
  ensureTemplate,
  findTemplate,
  refillTemplateSpare,
  setSuperuserPassword,
  takeTemplateCopy,
} from './platform/database-template';
import { prepareDatabaseToServe } from './platform/prepare-database';
import { serverFeatures } from './features';
import { ensureDatabase } from './platform/ensure-database';

const USAGE =
  'usage: npm run platform -- --data-dir DIR [--port 0] [--seed demo|none] [--host 127.0.0.1] [--exit-with-parent] [--redis-url redis://…] [--resource-database-url postgres://…]';

const Args = z.object({
  'data-dir': z.string().min(1, 'is required'),
  port: z.coerce.number().int().min(0).max(65535).default(0),
  seed: z.enum(['demo', 'none']).default('none'),
  host: z.string().min(1).default('127.0.0.1'),
  'exit-with-parent': z.boolean().default(false),
  'redis-url': z.url({ protocol: /^rediss?$/ }).optional(),
  'resource-database-url': z.url({ protocol: /^postgres(ql)?$/ }).optional(),
});

const stderr = (line: string) => process.stderr.write(`${line}\n`);

/**
 * With PAVE_START_TIMELINE set, each step of a start on stderr with the milliseconds since this
 * process began: where a first launch's seconds go (issue 12, "Start in a second").
 */
const markStep = process.env.PAVE_START_TIMELINE
  ? (step: string) => stderr(`start-step ${Math.round(performance.now())} ms (at ${Date.now()}): ${step}`)
  : () => undefined;

function parseCommandLine(): z.output<typeof Args> {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string' },
      seed: { type: 'string' },
      host: { type: 'string' },
      'exit-with-parent': { type: 'boolean' },
      'redis-url': { type: 'string' },
      'resource-database-url': { type: 'string' },
    },
    strict: true,
  });
  const parsed = Args.safeParse({
    ...values,
    'redis-url': values['redis-url'] || process.env.REDIS_URL || undefined,
    'resource-database-url':
      values['resource-database-url'] || process.env.RESOURCE_DATABASE_URL || undefined,
  });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `--${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`${problems.join('; ')}\n${USAGE}`);
  }
  return parsed.data;
}

/** The embedded cluster's superuser password, created once and kept next to the data. */
async function embeddedPassword(dataDir: string): Promise<string> {
  const file = path.join(dataDir, 'postgres-password');
  const existing = (await readFile(file, 'utf8').catch(() => '')).trim();
  if (existing) return existing;
  const password = randomBytes(18).toString('base64url');
  await writeFile(file, `${password}\n`, { mode: 0o600 });
  return password;
}

/**
 * Where prepared database templates are kept ($PAVE_DATABASE_TEMPLATES, `none` for no template;
 * by default the user's cache folder): see server/platform/database-template.ts.
 */
function templatesDir(): string | null {
  const fromEnv = process.env.PAVE_DATABASE_TEMPLATES;
  if (fromEnv === 'none') return null;
  if (fromEnv) return path.resolve(fromEnv);
  const cache = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(cache, 'pave', 'database-templates');
}

/** Setup progress for the process that launched us, one `pave-setup {json}` line each on stdout. */
const reportSetup = (setup: Partial<PlatformSetup> & Pick<PlatformSetup, 'step'>) =>
  process.stdout.write(`${formatSetupLine({ ...idleSetup, ...setup })}\n`);

/**
 * A new embedded cluster: a copy of the prepared template (built first when this machine has none
 * for these migrations), or initdb when there can be no template or making one failed. Returns the
 * password the cluster starts with.
 */
async function createCluster(databaseDir: string, password: string): Promise<string> {
  const templates = templatesDir();
  if (templates) {
    try {
      const template = await ensureTemplate({
        templatesDir: templates,
        migrationDirs,
        onBuild: () =>
          reportSetup({ step: 'database', detail: 'preparing the database, once for this version of Pave' }),
        onMigration: ({ done, total }) => reportSetup({ step: 'migrations', done, total }),
        log: process.env.PAVE_LOG_POSTGRES ? stderr : undefined,
      });
      reportSetup({ step: 'database', detail: 'copying the prepared database' });
      markStep('template found');
      const made = await takeTemplateCopy(template, databaseDir);
      markStep(`cluster made from the template's ${made}`);
      return template.password;
    } catch (error) {
      stderr(
        `the prepared database template cannot be used (${error instanceof Error ? error.message : String(error)}); creating the database from scratch`,
      );
    }
  }
  reportSetup({ step: 'database', detail: 'creating the database' });
  return password;
}

/**
 * The demo seed's second half, written while the platform already serves the catalog (issue 12,
 * "Start in a second"); the app's sync brings it in as it lands. A failure is logged and retried
 * on the next start, which finds the missing parts.
 */
async function finishDemoSeed(
  seedRest: (options: { stopped: () => boolean }) => Promise<void>,
  stopped: () => boolean,
): Promise<void> {
  const started = performance.now();
  stderr('writing the rest of the demo data while serving');
  try {
    await seedRest({ stopped });
    if (!stopped())
      stderr(`demo data complete (${Math.round(performance.now() - started)} ms after serving)`);
  } catch (error) {
    stderr(
      `writing the rest of the demo data failed (${error instanceof Error ? error.message : String(error)}); the next start retries`,
    );
  }
}

/**
 * Once this platform serves and its demo seed is complete: a spare copy of the template, so the
 * next new data dir on this machine starts without copying (server/platform/database-template.ts).
 */
async function refillSpare(): Promise<void> {
  const templates = templatesDir();
  if (!templates) return;
  try {
    const template = await findTemplate({ templatesDir: templates, migrationDirs });
    if (template) await refillTemplateSpare(template);
  } catch (error) {
    stderr(
      `cannot prepare a spare database for the next new data dir (${error instanceof Error ? error.message : String(error)})`,
    );
  }
}

async function main(): Promise<void> {
  markStep('main');
  const args = parseCommandLine();
  const dataDir = path.resolve(args['data-dir']);
  await ensurePrivateDir(dataDir);
  const unlock = await lockDataDir(dataDir);

  // Kept while PostgreSQL starts: a stop in that window must still stop it once it is up.
  let embedded: Promise<EmbeddedPostgres> | null = null;
  let pool: pg.Pool | null = null;
  let app: FastifyInstance | null = null;
  let stopping: Promise<void> | null = null;
  let seedingRest: Promise<void> | null = null;

  // A spare for the next new data dir, once this platform served: after its demo seed, or when it
  // stops before that (a first launch closed at once); the copy runs on in a process of its own.
  let spareWanted = false;
  const refillSpareOnce = async () => {
    if (!spareWanted) return;
    spareWanted = false;
    await refillSpare();
  };

  const shutdown = (code: number) => {
    stopping ??= (async () => {
      await app?.close().catch((error: unknown) => stderr(`closing HTTP: ${String(error)}`));
      // The demo part being written finishes (or the next start redoes it); no later part starts.
      await seedingRest;
      await pool?.end().catch(() => undefined);
      const postgres = await embedded?.catch(() => null);
      await postgres?.stop().catch((error: unknown) => stderr(`stopping PostgreSQL: ${String(error)}`));
      if (code === 0) await refillSpareOnce();
      await unlock();
      process.exit(code);
    })();
    return stopping;
  };
  // Log the reason, then stop PostgreSQL cleanly instead of dying with it still running.
  process.on('unhandledRejection', (reason) => {
    stderr(
      `unhandled rejection: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`,
    );
    if (!stopping) void shutdown(1);
  });
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));
  if (args['exit-with-parent']) {
    // A parent killed with SIGKILL cannot tell us; being re-parented is the signal.
    const parent = process.ppid;
    setInterval(() => {
      if (process.ppid !== parent) {
        stderr(`parent process ${parent} is gone; shutting down`);
        void shutdown(0);
      }
    }, 1000).unref();
  }

  try {
    let databaseUrl = process.env.DATABASE_URL;
    if (!databaseUrl) {
      const databaseDir = path.join(dataDir, 'postgres');
      const password = await embeddedPassword(dataDir);
      const fresh = !existsSync(path.join(databaseDir, 'PG_VERSION'));
      const startingPassword = fresh ? await createCluster(databaseDir, password) : password;
      markStep('cluster ready');
      // Stopped while copying the cluster: do not start a PostgreSQL nobody would stop.
      if (stopping) return;
      embedded = startEmbeddedPostgres({
        databaseDir,
        password: startingPassword,
        log: process.env.PAVE_LOG_POSTGRES ? stderr : undefined,
      });
      let adminUrl = (await embedded).adminUrl;
      markStep('postgres started');
      if (startingPassword !== password) {
        await setSuperuserPassword(adminUrl, password);
        const url = new URL(adminUrl);
        url.password = encodeURIComponent(password);
        adminUrl = url.toString();
      }
      databaseUrl = await ensureDatabase(adminUrl, 'pave');
      markStep('database ensured');
    }
    pool = createPool(databaseUrl);
    const preparing = prepareDatabaseToServe(pool, serverFeatures, {
      seed: args.seed,
      onSetup: reportSetup,
    });
    // Awaited below; meanwhile a failure must not count as unhandled (that handler shuts down).
    preparing.catch(() => undefined);
    // While PostgreSQL checks the migrations and writes the first demo half, this process builds
    // the app: Fastify, its routes and their schemas, ~0.2–0.5 s of CPU (issue 12, "Start in a
    // second"). Only its onReady hooks, which read the database, wait for the database (listen).
    const secretsKey = await loadSecretsKey(dataDir);
    // Writes wait for the rest of the demo seed (a second or two): a write racing the seed's own
    // transactions can deadlock with them on the change log's counter (seen: creating a backlog
    // item while the seed wrote the backlog). Reads, the catalog's sync among them, go on.
    let writesOpen = false;
    let releaseWrites = () => {};
    const writesWait = new Promise<void>((resolve) => (releaseWrites = resolve)).then(
      () => void (writesOpen = true),
    );
    app = buildApp({
      pool,
      redisUrl: args['redis-url'] ?? null,
      resourceDatabaseUrl: args['resource-database-url'],
      dataDir,
      secretsKey,
      // stdout is for the parent process (setup progress, then the URL line); logs go to stderr.
      logger: { level: process.env.PAVE_LOG_LEVEL ?? 'warn', stream: process.stderr },
    });
    app.addHook('onRequest', async (request) => {
      if (writesOpen || request.method === 'GET' || request.method === 'HEAD' || request.method === 'OPTIONS')
        return;
      await writesWait;
    });
    // The plugins and routes load now; ready() (in listen) then only runs the onReady hooks.
    await app.after();
    markStep('app built');
    const seedRest = await preparing;
    markStep('database prepared');
    if (!seedRest) releaseWrites();
    reportSetup({ step: 'starting' });
    await ensureAdminTokenFile(pool, path.join(dataDir, 'admin-token'), ADMIN_USER_ID);
    await app.listen({ host: args.host, port: args.port });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : args.port;
    const host = args.host.includes(':') ? `[${args.host}]` : args.host;
    markStep('listening');
    spareWanted = !process.env.DATABASE_URL;
    process.stdout.write(`Pave platform listening on http://${host}:${port}\n`);
    if (seedRest) seedingRest = finishDemoSeed(seedRest, () => stopping !== null).finally(releaseWrites);
    void (seedingRest ?? Promise.resolve()).then(() => (stopping ? undefined : refillSpareOnce()));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    reportSetup({ step: 'failed', error: { code: 'platform_setup_failed', message } });
    stderr(`Pave platform failed to start: ${message}`);
    await shutdown(1);
  }
}

main().catch((error: unknown) => {
  stderr(error instanceof Error ? error.message : String(error));
  process.exit(2);
});
