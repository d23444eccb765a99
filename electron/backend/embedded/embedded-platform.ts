import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { idleSetup, parseSetupLine, type PlatformSetup } from '../../../shared/ipc/platform-setup';
import { ensurePrivateDir } from '../cache/private-files';

export interface EmbeddedPlatformOptions {
  /** The platform's own directory (DATADIR/platform): embedded PostgreSQL data and admin-token. */
  dataDir: string;
  log: (line: string) => void;
  /** Defaults to $PAVE_PLATFORM_ENTRY, else server/cli.ts in this repository. */
  entry?: string;
  startTimeoutMs?: number;
  /** How long close() waits after SIGTERM before SIGKILL. */
  killAfterMs?: number;
  /** How to start the entry; Electron main passes a utilityProcess (see spawnNodeProcess). */
  spawn?: SpawnPlatform;
  /**
   * The platform's setup as it reports it (a new database, migrations, the demo seed), then
   * `ready` or `failed`: the progress shown before the first rows.
   */
  onSetup?: (setup: PlatformSetup) => void;
}

/** The parts of a child process the launcher uses: node's ChildProcess and an adapter of Electron's utilityProcess both fit. */
export interface PlatformProcess {
  readonly stdout: NodeJS.ReadableStream | null;
  readonly stderr: NodeJS.ReadableStream | null;
  kill(signal: 'SIGTERM' | 'SIGKILL'): boolean;
  once(event: 'exit', listener: (code: number | null, signal: NodeJS.Signals | null) => void): unknown;
  once(event: 'error', listener: (err: Error) => void): unknown;
}

/** Starts `entry` (a JavaScript or TypeScript file) with `args` as a Node program. */
export type SpawnPlatform = (
  entry: string,
  args: string[],
  opts: { cwd: string; env: NodeJS.ProcessEnv },
) => PlatformProcess;

/**
 * Plain Node: `process.execPath` (node, or Electron made plain Node by ELECTRON_RUN_AS_NODE in
 * development; packaged builds turn that fuse off and pass a utilityProcess instead). stdin stays
 * a pipe so the child notices when we die (its --exit-with-parent).
 */
export const spawnNodeProcess: SpawnPlatform = (entry, args, { cwd, env }) => {
  // TypeScript sources need tsx; a bundled JS entry does not.
  const loader = /\.[cm]?ts$/.test(entry) ? ['--import', 'tsx'] : [];
  return spawn(process.execPath, [...loader, entry, ...args], {
    cwd,
    env: { ...env, ELECTRON_RUN_AS_NODE: '1' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
};

export interface EmbeddedPlatform {
  /** Resolves once the server listens and its admin token is readable. */
  readonly ready: Promise<{ url: string; adminToken: string }>;
  /** Settles when the child has exited, for whatever reason, with how it ended. */
  readonly exited: Promise<string>;
  /** SIGTERM, wait for exit (SIGKILL after killAfterMs). Safe to call while still starting. */
  close(): Promise<void>;
}

export class EmbeddedPlatformError extends Error {
  override readonly name = 'EmbeddedPlatformError';
  readonly code = 'embedded_platform_failed';
}

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** Packaged builds set PAVE_PLATFORM_ENTRY to a bundled server; development runs the TS source. */
export function resolvePlatformEntry(): { entry: string; cwd: string } {
  const fromEnv = process.env.PAVE_PLATFORM_ENTRY;
  if (fromEnv) return { entry: resolve(fromEnv), cwd: dirname(resolve(fromEnv)) };
  return { entry: join(repoRoot, 'server', 'cli.ts'), cwd: repoRoot };
}

/**
 * DATABASE_URL is dropped: the server would use it instead of its embedded PostgreSQL, and a
 * developer's shell often has one pointing at a real database the demo seed must not touch.
 */
function embeddedEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.DATABASE_URL;
  return env;
}

const LISTENING = /listening on (http\S+)/;

/**
 * Starts the reference platform as a child process (docs/architecture.md, "Runtimes": the embedded default) with an
 * embedded PostgreSQL and the demo seed, and reports its URL and admin token.
 */
export function launchEmbeddedPlatform(opts: EmbeddedPlatformOptions): EmbeddedPlatform {
  const { entry, cwd } = opts.entry ? { entry: opts.entry, cwd: repoRoot } : resolvePlatformEntry();
  const startTimeoutMs = opts.startTimeoutMs ?? 120_000;
  const killAfterMs = opts.killAfterMs ?? 10_000;
  ensurePrivateDir(opts.dataDir);

  const report = opts.onSetup ?? (() => undefined);
  // The platform's own words for why its setup failed beat "exited with code 1".
  let setupFailure: string | null = null;
  const stderrTail: string[] = [];
  const tail = () => (stderrTail.length ? `\n${stderrTail.join('\n')}` : '');
  const child = (opts.spawn ?? spawnNodeProcess)(
    entry,
    ['--data-dir', opts.dataDir, '--port', '0', '--seed', 'demo', '--exit-with-parent'],
    { cwd: existsSync(cwd) ? cwd : process.cwd(), env: embeddedEnv() },
  );
  let ended = false;
  const exited = new Promise<string>((res) => {
    child.once('exit', (code, signal) => {
      ended = true;
      res(signal ? `signal ${signal}` : `exit code ${code}`);
    });
    child.once('error', (err) => {
      ended = true;
      res(err.message);
    });
  });

  const ready = new Promise<{ url: string; adminToken: string }>((resolveReady, rejectReady) => {
    let settled = false;
    const fail = (message: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      report({
        ...idleSetup,
        step: 'failed',
        error: { code: 'embedded_platform_failed', message: setupFailure ?? message },
      });
      rejectReady(new EmbeddedPlatformError(message + tail()));
    };
    const timer = setTimeout(() => {
      fail(`the embedded platform did not start within ${startTimeoutMs / 1000} s`);
      child.kill('SIGTERM');
    }, startTimeoutMs);

    forwardLines(child.stdout, (line) => {
      const setup = parseSetupLine(line);
      // Setup steps reach the page as progress; the terminal keeps only what a person reads.
      if (!setup) opts.log(`[platform] ${line}`);
      else if (setup.step === 'failed')
        opts.log(`[platform] setup failed: ${setup.error?.message ?? 'no reason given'}`);
      // The platform's own `failed` gives the reason; the exit that follows rejects `ready`.
      if (setup?.step === 'failed') setupFailure = setup.error?.message ?? null;
      else if (setup && !settled) report(setup);
      const m = LISTENING.exec(line);
      if (!m?.[1] || settled) return;
      const url = m[1];
      readFile(join(opts.dataDir, 'admin-token'), 'utf8').then(
        (token) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          report({ ...idleSetup, step: 'ready' });
          resolveReady({ url, adminToken: token.trim() });
        },
        (err: unknown) =>
          fail(`the embedded platform is listening but its admin token is unreadable: ${String(err)}`),
      );
    });
    forwardLines(child.stderr, (line) => {
      opts.log(`[platform] ${line}`);
      stderrTail.push(line);
      if (stderrTail.length > 20) stderrTail.shift();
    });
    child.once('error', (err) => fail(`cannot start the embedded platform (${entry}): ${err.message}`));
    child.once('exit', (code, signal) =>
      fail(`the embedded platform exited before it was ready (${signal ?? `code ${code}`})`),
    );
  });
  // The caller may never await `ready` (closed while starting); don't crash on its rejection.
  ready.catch(() => {});

  return {
    ready,
    exited,
    async close() {
      if (ended) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

function forwardLines(stream: NodeJS.ReadableStream | null, onLine: (line: string) => void): void {
  if (!stream) return;
  let buffer = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    buffer += chunk;
    let nl: number;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, nl).replace(/\r$/, '');
      buffer = buffer.slice(nl + 1);
      if (line) onLine(line);
    }
  });
  stream.on('end', () => {
    if (buffer) onLine(buffer);
    buffer = '';
  });
}
