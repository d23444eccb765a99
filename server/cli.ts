import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { z } from 'zod';
import { buildApp, prepareDatabase } from './app';
import { ensureAdminTokenFile } from './auth/admin-token';
import { ADMIN_USER_ID } from './directory/admin-user';
import { lockDataDir } from './process/data-dir-lock';
import { ensurePrivateDir } from './process/private-dir';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './db/embedded-postgres';
import { createPool } from './db/pool';
import { loadSecretsKey } from './process/secrets-key';

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

async function ensureDatabase(adminUrl: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function main(): Promise<void> {
  const args = parseCommandLine();
  const dataDir = path.resolve(args['data-dir']);
  await ensurePrivateDir(dataDir);
  const unlock = await lockDataDir(dataDir);

  let embedded: EmbeddedPostgres | null = null;
  let pool: pg.Pool | null = null;
  let app: FastifyInstance | null = null;
  let stopping: Promise<void> | null = null;

  const shutdown = (code: number) => {
    stopping ??= (async () => {
      await app?.close().catch((error: unknown) => stderr(`closing HTTP: ${String(error)}`));
      await pool?.end().catch(() => undefined);
      await embedded?.stop().catch((error: unknown) => stderr(`stopping PostgreSQL: ${String(error)}`));
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
      embedded = await startEmbeddedPostgres({
        databaseDir: path.join(dataDir, 'postgres'),
        password: await embeddedPassword(dataDir),
        log: process.env.PAVE_LOG_POSTGRES ? stderr : undefined,
      });
      databaseUrl = await ensureDatabase(embedded.adminUrl, 'pave');
    }
    pool = createPool(databaseUrl);
    await prepareDatabase(pool, { seed: args.seed });
    const secretsKey = await loadSecretsKey(dataDir);
    await ensureAdminTokenFile(pool, path.join(dataDir, 'admin-token'), ADMIN_USER_ID);
    app = buildApp({
      pool,
      redisUrl: args['redis-url'] ?? null,
      resourceDatabaseUrl: args['resource-database-url'],
      dataDir,
      secretsKey,
      // stdout carries exactly one line (the URL) for the parent process; logs go to stderr.
      logger: { level: process.env.PAVE_LOG_LEVEL ?? 'warn', stream: process.stderr },
    });
    await app.listen({ host: args.host, port: args.port });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : args.port;
    const host = args.host.includes(':') ? `[${args.host}]` : args.host;
    process.stdout.write(`Pave platform listening on http://${host}:${port}\n`);
  } catch (error) {
    stderr(`Pave platform failed to start: ${error instanceof Error ? error.message : String(error)}`);
    await shutdown(1);
  }
}

main().catch((error: unknown) => {
  stderr(error instanceof Error ? error.message : String(error));
  process.exit(2);
});
