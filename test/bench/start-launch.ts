import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { chromiumAtRest } from './quiet-browser';

/**
 * Launch timings as a person meets them (issue 12, "Start in a second"): `npm start` in browser
 * mode with the embedded demo platform, timed from the launch to the first catalog row in
 * Chromium. Cold is a data dir never used before; warm is the same data dir launched again.
 */

const root = new URL('../../', import.meta.url).pathname;
const URL_LINE = /(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/;

/** How the app is launched: `npm start`'s own script, or the older tsx path (for comparison). */
export type LaunchPath = 'npm-start' | 'tsx';

const chromiumOptions = { executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] };

/** Chromium as the bench drives it (the system's build). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch(chromiumOptions);
}

/**
 * The Chromium profile that goes with a data dir, kept across launches. Electron keeps the
 * renderer's HTTP cache and V8's code cache in the app's userData, so a person's warm start finds
 * the scripts compiled; a persistent profile per data dir is browser mode's equivalent (the host
 * keeps one port per data dir, so the origin, and with it the cache, stays the same). A cold
 * first launch starts from an empty profile, as a new install does.
 */
export const profileOf = (dataDir: string): string => `${dataDir}-chromium`;

export function launchProfile(dataDir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profileOf(dataDir), chromiumOptions);
}

/**
 * The page the app will load, opened before the clock starts in a browser at rest: Electron makes
 * its window while its backend starts, and a person in browser mode opens the URL in a browser that
 * is already running, so neither the page's own setup nor Chromium's start-up work is the app's
 * start (quiet-browser.ts). The navigation to the app, a new site and so a new renderer process,
 * is timed.
 */
export async function pageAtRest(context: BrowserContext, profileDir: string): Promise<Page> {
  const page = await context.newPage();
  await chromiumAtRest(profileDir);
  return page;
}

/** Milliseconds since the epoch, to the microsecond: the clock that Node and the page share. */
export const epochNow = (): number => performance.timeOrigin + performance.now();

export interface AppAtRest<T> {
  context: BrowserContext;
  page: Page;
  app: T;
  /** When the clock started: the launch (epochNow). */
  startedAt: number;
  /** When `start` resolved: for the bench's launches, the URL was printed. */
  launchedAt: number;
}

/**
 * The data dir's profile with a page at rest (pageAtRest), then the clock and `start()`; the caller
 * navigates and closes `context`, which is closed here if the browser or the launch fails.
 */
export async function launchAtRest<T>(dataDir: string, start: () => Promise<T>): Promise<AppAtRest<T>> {
  const context = await launchProfile(dataDir);
  try {
    const page = await pageAtRest(context, profileOf(dataDir));
    const startedAt = epochNow();
    const app = await start();
    return { context, page, app, startedAt, launchedAt: epochNow() };
  } catch (error) {
    await context.close();
    throw error;
  }
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
  // No --port, as `npm start` runs it: the host reuses the data dir's last port (remembered-port.ts).
  const args = ['--data-dir', dataDir];
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

/**
 * Waits until the host's V8 code cache exists (scripts/code-cache.mjs writes it 5 s into a
 * launch). A person's warm start follows a session that lasted minutes; a bench launch stopped
 * sooner would leave every later launch compiling the host's 1.5 MB again.
 */
export async function hostCodeCacheWritten(): Promise<void> {
  const cacheFile = join(root, 'dist/web/cli.cjs.v8-cache');
  const until = performance.now() + 20_000;
  while (!existsSync(cacheFile) && performance.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export interface LaunchFigures {
  /** Launch to the first catalog row in Chromium. */
  ms: number;
  /** Launch to the URL line: the host is serving. */
  urlMs: number;
  /** Whether the platform's setup progress was on the page before the rows. */
  sawSetupProgress: boolean;
}

/**
 * Launches the app on `dataDir`, opens it in Chromium on the data dir's profile (launchAtRest)
 * and times the first catalog row.
 */
export async function timeLaunchToFirstRow(
  dataDir: string,
  path: LaunchPath = 'npm-start',
): Promise<LaunchFigures> {
  const { context, page, app, startedAt, launchedAt } = await launchAtRest(dataDir, () =>
    launch(dataDir, path),
  );
  const urlMs = launchedAt - startedAt;
  try {
    await page.goto(app.url);
    let sawSetupProgress = false;
    const progress = page
      .getByTestId('platform-setup')
      .waitFor({ timeout: 300_000 })
      .then(() => (sawSetupProgress = true))
      .catch(() => undefined);
    await page.locator('[data-testid="service-row"]').first().waitFor({ timeout: 300_000 });
    const ms = epochNow() - startedAt;
    void progress;
    if (path === 'npm-start') await hostCodeCacheWritten();
    return { ms, urlMs, sawSetupProgress };
  } catch (error) {
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n${app.output()}`);
  } finally {
    await context.close();
    await app.stop();
  }
}

export interface StartFigures {
  coldMs: number;
  /** The second launch: the rows come from the cache, the scripts still compile (see measureStart). */
  firstWarmMs: number;
  /** The third launch, as every later one: a person's everyday warm start. */
  warmMs: number;
  coldShowedProgress: boolean;
  warmUrlMs: number;
}

/**
 * A cold first launch on a new data dir (and a new Chromium profile), then two warm launches of
 * the same data dir with the profile the earlier ones left. Chromium makes a script's V8 code cache
 * on its second load and uses it from the third, so the second launch of a browser-mode profile is
 * the only one that compiles the renderer again (the desktop app makes the cache on the first load:
 * electron/main/window-options.ts, v8CacheOptions); the third is what every later start gets.
 */
export async function measureStart(path: LaunchPath = 'npm-start'): Promise<StartFigures> {
  const dir = await mkdtemp(join(tmpdir(), 'pave-bench-start-'));
  try {
    const cold = await timeLaunchToFirstRow(join(dir, 'app'), path);
    const firstWarm = await timeLaunchToFirstRow(join(dir, 'app'), path);
    const warm = await timeLaunchToFirstRow(join(dir, 'app'), path);
    return {
      coldMs: cold.ms,
      firstWarmMs: firstWarm.ms,
      warmMs: warm.ms,
      coldShowedProgress: cold.sawSetupProgress,
      warmUrlMs: warm.urlMs,
    };
  } finally {
    // A PostgreSQL still shutting down may write a last file while the folder goes.
    await rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 500 });
  }
}

/** Milliseconds from the launch to each step of a start, in the order they happened. */
export type StartTimeline = Record<string, number>;

/**
 * Where a start's time goes: launch → URL printed → token redirect → page → scripts → each IPC
 * call (sent, dispatched, answered) → first row, all but the first two and the last from the page's
 * own Performance API (Playwright's events arrive late). Node and page clocks meet through the
 * epoch (epochNow and the page's performance.timeOrigin), good to about a millisecond.
 */
export async function timeStartSteps(
  dataDir: string,
  platform?: { url: string; tokenFile: string },
): Promise<StartTimeline> {
  const { context, page, app, startedAt, launchedAt } = await launchAtRest(dataDir, () =>
    launch(dataDir, 'npm-start', platform),
  );
  const steps: StartTimeline = {};
  const mark = (name: string, at = epochNow()) => {
    steps[name] ??= at - startedAt;
  };
  mark('url printed', launchedAt);
  try {
    await page.goto(app.url, { waitUntil: 'commit' });
    await page.locator('[data-testid="service-row"]').first().waitFor({ timeout: 300_000 });
    mark('first row');
    const inPage = await page.evaluate(() => {
      // The page's Performance API (this file is typed for Node, whose entry types differ).
      type Entry = { name: string; requestStart: number; responseEnd: number } & Record<string, number>;
      // No named functions in here: tsx would wrap them in a helper the page does not have.
      const timing = performance as unknown as { getEntriesByType(type: string): Entry[] };
      const navigation = timing.getEntriesByType('navigation')[0] ?? ({} as Entry);
      const scripts = timing.getEntriesByType('resource').filter((entry) => entry.name.endsWith('.js'));
      return {
        origin: performance.timeOrigin,
        redirectStart: navigation['redirectStart'] ?? 0,
        fetchStart: navigation['fetchStart'] ?? 0,
        connectEnd: navigation['connectEnd'] ?? 0,
        requestStart: navigation.requestStart,
        responseStart: navigation['responseStart'] ?? 0,
        responseEnd: navigation.responseEnd,
        scriptsStart: Math.min(...scripts.map((entry) => entry['fetchStart'] ?? 0)),
        scriptsFromNetwork: scripts.filter((entry) => (entry['transferSize'] ?? 0) > 0).length,
        domInteractive: navigation['domInteractive'] ?? 0,
        scriptsEnd: Math.max(...scripts.map((entry) => entry.responseEnd)),
        domContentLoaded: navigation['domContentLoadedEventEnd'] ?? 0,
        ipc: timing
          .getEntriesByType('resource')
          .filter((entry) => entry.name.includes('/ipc/'))
          .map((entry) => ({
            command: decodeURIComponent(entry.name.split('/ipc/')[1] ?? ''),
            sent: entry['fetchStart'] ?? 0,
            answered: entry.responseEnd,
            // The backend's own time (ipc-route.ts): the rest is waiting for it to open, and HTTP.
            dispatchMs:
              (entry as unknown as { serverTiming: { duration: number }[] }).serverTiming[0]?.duration ?? 0,
          })),
      };
    });
    // The token URL is answered with a redirect to / (session-auth.ts), once the host's event loop
    // is free of the backend's opening.
    if (inPage.redirectStart > 0) mark('token redirect asked', inPage.origin + inPage.redirectStart);
    mark('page fetch started', inPage.origin + inPage.fetchStart);
    mark('connected', inPage.origin + inPage.connectEnd);
    mark('page requested', inPage.origin + inPage.requestStart);
    mark('html response started', inPage.origin + inPage.responseStart);
    mark('html received', inPage.origin + inPage.responseEnd);
    mark('scripts requested', inPage.origin + inPage.scriptsStart);
    if (inPage.scriptsFromNetwork > 0)
      console.log(`${inPage.scriptsFromNetwork} scripts came from the host, not the cache`);
    mark('html parsed', inPage.origin + inPage.domInteractive);
    mark('scripts received', inPage.origin + inPage.scriptsEnd);
    mark('scripts run (DOMContentLoaded)', inPage.origin + inPage.domContentLoaded);
    for (const call of inPage.ipc) {
      mark(`${call.command} sent`, inPage.origin + call.sent);
      mark(`${call.command} answered`, inPage.origin + call.answered);
      mark(`${call.command} dispatched from`, inPage.origin + call.answered - call.dispatchMs);
    }
    return Object.fromEntries(Object.entries(steps).sort(([, a], [, b]) => a - b));
  } catch (error) {
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n${app.output()}`);
  } finally {
    await context.close();
    await app.stop();
  }
}

/** The median of each step over several timelines. */
export function medianTimeline(timelines: readonly StartTimeline[]): StartTimeline {
  const names = Object.keys(timelines[0] ?? {});
  const median = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
  };
  return Object.fromEntries(
    names
      .map((name) => [name, median(timelines.map((timeline) => timeline[name] ?? Number.NaN))] as const)
      .sort(([, a], [, b]) => a - b),
  );
}

/**
 * Warm-start timelines on one data dir, alternating between renderer builds (A/B in the same
 * minute): `remote` syncs `services` from a platform at scale first (the bench's warm start),
 * `embedded` uses the demo platform (a person's own warm start).
 */
async function printWarmTimelines(kind: 'remote' | 'embedded', services: number): Promise<void> {
  const variants = (process.env.PAVE_RENDERER_DIRS ?? resolve(root, 'dist/renderer')).split(',');
  const runs = Number(process.env.PAVE_BENCH_RUNS ?? 5);
  const dir = await mkdtemp(join(tmpdir(), 'pave-bench-timeline-'));
  const { startPlatformAtScale } = await import('./platform-at-scale');
  const remote = kind === 'remote' ? await startPlatformAtScale(services) : undefined;
  try {
    let platform: { url: string; tokenFile: string } | undefined;
    if (remote) {
      const tokenFile = join(dir, 'token');
      await writeFile(tokenFile, `${remote.token}\n`, { mode: 0o600 });
      platform = { url: remote.url, tokenFile };
    }
    // The first launch fills the cache (and, embedded, sets the demo platform up) and the profile.
    const first = await launch(join(dir, 'app'), 'npm-start', platform);
    const context = await launchProfile(join(dir, 'app'));
    const page = await context.newPage();
    await page.goto(first.url);
    const count = kind === 'remote' ? `${services.toLocaleString('en-US')} services` : 'services';
    await page.locator('[data-testid="catalog-count"]', { hasText: count }).waitFor({ timeout: 600_000 });
    await hostCodeCacheWritten();
    await context.close();
    await first.stop();
    const timelines = new Map<string, StartTimeline[]>(variants.map((variant) => [variant, []]));
    // One launch per build first, not timed: Chromium makes a script's code cache on its second
    // load and uses it from the third (see measureStart).
    for (const variant of variants) {
      process.env.PAVE_RENDERER_DIR = variant;
      await timeStartSteps(join(dir, 'app'), platform);
    }
    for (let run = 0; run < runs; run++) {
      for (const variant of variants) {
        process.env.PAVE_RENDERER_DIR = variant;
        const timeline = await timeStartSteps(join(dir, 'app'), platform);
        timelines.get(variant)?.push(timeline);
        console.log(`${variant} run ${run}: first row ${Math.round(timeline['first row'] ?? 0)} ms`);
      }
    }
    for (const [variant, list] of timelines) {
      console.log(`\n${kind} warm start, ${variant}, medians of ${list.length}:`);
      for (const [step, ms] of Object.entries(medianTimeline(list)))
        console.log(`  ${Math.round(ms)} ms  ${step}`);
    }
  } finally {
    await remote?.close();
    await rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 500 });
  }
}

/**
 * `npx tsx test/bench/start-launch.ts [tsx]`: the start figures alone ($PAVE_BENCH_RUNS runs, 3 by
 * default). `… warm [services]` / `… warm-embedded`: warm-start timelines (see printWarmTimelines).
 */
if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const mode = process.argv[2];
  if (mode === 'warm' || mode === 'warm-embedded') {
    await printWarmTimelines(mode === 'warm' ? 'remote' : 'embedded', Number(process.argv[3] ?? 20_000));
  } else {
    const path: LaunchPath = mode === 'tsx' ? 'tsx' : 'npm-start';
    for (let run = 0; run < Number(process.env.PAVE_BENCH_RUNS ?? 3); run++) {
      const figures = await measureStart(path);
      console.log(
        `${path}: cold ${Math.round(figures.coldMs)} ms (progress shown: ${figures.coldShowedProgress}), second launch ${Math.round(figures.firstWarmMs)} ms, warm ${Math.round(figures.warmMs)} ms (URL after ${Math.round(figures.warmUrlMs)} ms)`,
      );
    }
  }
}
