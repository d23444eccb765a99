import { chromium, type Browser } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

/**
 * Launch timings as a person meets them (issue 12, "Start in a second"): `npm start` in browser
 * mode with the embedded demo platform, timed from the launch to the first catalog row in
 * Chromium. Cold is a data dir never used before; warm is the same data dir launched again.
 */

const root = new URL('../../', import.meta.url).pathname;
const URL_LINE = /(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/;

/** How the app is launched: `npm start`'s own script, or the older tsx path (for comparison). */
export type LaunchPath = 'npm-start' | 'tsx';

/** Chromium as the bench drives it (the system's build). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
}

export interface Launched {
  child: ChildProcess;
  url: string;
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts browser mode on `dataDir` the way `npm start` does (scripts/start.mjs, which runs the host
 * in its own process: `child.pid` is the backend's), with a remote `platform` or the embedded one.
 */
export async function launch(
  dataDir: string,
  path: LaunchPath = 'npm-start',
  platform?: { url: string; tokenFile: string },
): Promise<Launched> {
  const args = ['--data-dir', dataDir, '--port', '0'];
  if (platform) args.push('--platform', platform.url, '--token-file', platform.tokenFile);
  const entry =
    path === 'npm-start'
      ? [join(root, 'scripts/start.mjs'), ...args]
      : ['--import', 'tsx', join(root, 'electron/web/cli.ts'), ...args];
  const child = spawn(process.execPath, entry, {
    cwd: root,
    env: { ...process.env, FORCE_COLOR: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the app did not print its URL:\n${log}`)), 180_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      const match = URL_LINE.exec(log);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the app exited with ${code} before printing its URL:\n${log}`));
    });
  });
  return {
    child,
    url,
    output: () => log,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

export interface LaunchFigures {
  /** Launch to the first catalog row in Chromium. */
  ms: number;
  /** Launch to the URL line: the host is serving. */
  urlMs: number;
  /** Whether the platform's setup progress was on the page before the rows. */
  sawSetupProgress: boolean;
}

/** Launches the app on `dataDir`, opens it in Chromium and times the first catalog row. */
export async function timeLaunchToFirstRow(
  browser: Browser,
  dataDir: string,
  path: LaunchPath = 'npm-start',
): Promise<LaunchFigures> {
  const started = performance.now();
  const app = await launch(dataDir, path);
  const urlMs = performance.now() - started;
  const page = await browser.newPage();
  try {
    await page.goto(app.url);
    let sawSetupProgress = false;
    const progress = page
      .getByTestId('platform-setup')
      .waitFor({ timeout: 300_000 })
      .then(() => (sawSetupProgress = true))
      .catch(() => undefined);
    await page.locator('[data-testid="service-row"]').first().waitFor({ timeout: 300_000 });
    const ms = performance.now() - started;
    void progress;
    return { ms, urlMs, sawSetupProgress };
  } catch (error) {
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n${app.output()}`);
  } finally {
    await page.close();
    await app.stop();
  }
}

export interface StartFigures {
  coldMs: number;
  warmMs: number;
  coldShowedProgress: boolean;
  warmUrlMs: number;
}

/** A cold first launch on a new data dir, then a warm launch of the same one. */
export async function measureStart(browser: Browser, path: LaunchPath = 'npm-start'): Promise<StartFigures> {
  const dir = await mkdtemp(join(tmpdir(), 'pave-bench-start-'));
  try {
    const cold = await timeLaunchToFirstRow(browser, join(dir, 'app'), path);
    const warm = await timeLaunchToFirstRow(browser, join(dir, 'app'), path);
    return {
      coldMs: cold.ms,
      warmMs: warm.ms,
      coldShowedProgress: cold.sawSetupProgress,
      warmUrlMs: warm.urlMs,
    };
  } finally {
    // A PostgreSQL still shutting down may write a last file while the folder goes.
    await rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 500 });
  }
}

/** `npx tsx test/bench/start-launch.ts [tsx]`: the start figures alone ($PAVE_BENCH_RUNS runs, 3 by default). */
if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const path: LaunchPath = process.argv[2] === 'tsx' ? 'tsx' : 'npm-start';
  const browser = await launchChromium();
  try {
    for (let run = 0; run < Number(process.env.PAVE_BENCH_RUNS ?? 3); run++) {
      const figures = await measureStart(browser, path);
      console.log(
        `${path}: cold ${Math.round(figures.coldMs)} ms (progress shown: ${figures.coldShowedProgress}), warm ${Math.round(figures.warmMs)} ms (URL after ${Math.round(figures.warmUrlMs)} ms)`,
      );
    }
  } finally {
    await browser.close();
  }
}
