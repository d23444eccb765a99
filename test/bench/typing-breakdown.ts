import type { Page } from '@playwright/test';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { medianOf } from './bench-platform';
import { startPlatformAtScale } from './platform-at-scale';
import { measureTyping } from './renderer-bench';
import { launchChromium } from './start-launch';
import { launch, type Launched } from './start-launch';

/**
 * Where a catalog keystroke's time goes (issue 12, "One frame per keystroke"), and an A/B of
 * renderer builds in the same minutes. Usage:
 *
 *   npx vite build --outDir /tmp/a && … && npx tsx test/bench/typing-breakdown.ts /tmp/a /tmp/b
 *
 * Each build is served by its own browser-mode backend (a copy of one synced cache, one platform
 * behind both) and typed into in alternating rounds. Per keystroke it prints, from the page's own
 * clocks: keydown → the `catalog:list` request leaving, the request (host + backend), and the
 * answer → the frame showing its rows (JSON, validation, TanStack Query, React, layout); the
 * backend's own share of the request comes from electron/web's Server-Timing header. Minified
 * names make the profiles hard to read: `npx vite build --minify false --outDir …` for those.
 *   PAVE_TYPING_SERVICES (20000), PAVE_TYPING_ROUNDS (3): size and alternating rounds
 *   PAVE_TYPING_VERBOSE=1: each keystroke's request sent / answered / rows shown, in ms
 *   PAVE_TYPING_PROFILE=1: the page's top functions by self time (last round)
 *   PAVE_TYPING_TRACE=1: the main thread's tasks per keystroke from a Chromium trace (last round)
 */

const services = Number(process.env.PAVE_TYPING_SERVICES ?? 20_000);
const rounds = Number(process.env.PAVE_TYPING_ROUNDS ?? 3);
const builds = process.argv.slice(2).map((dir) => resolve(dir));
if (builds.length === 0) builds.push(resolve('dist/renderer'));
const words = ['payments api', 'ledger worker 1', 'search'];
const verbose = process.env.PAVE_TYPING_VERBOSE === '1';
const fmt = (n: number | null | undefined) =>
  n === undefined || n === null ? '—' : n.toFixed(1).padStart(6);

const profile = process.env.PAVE_TYPING_PROFILE === '1';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** A CPU profile of the page (Chromium's sampling profiler, 100 µs) while the bench types. */
async function startProfile(page: Page): Promise<() => Promise<Profile>> {
  const session = await page.context().newCDPSession(page);
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: 100 });
  await session.send('Profiler.start');
  return async () => {
    const { profile } = (await session.send('Profiler.stop')) as unknown as { profile: Profile };
    await session.detach();
    return profile;
  };
}

/** The functions the page spent most of its own time in (self time, ms). */
function printProfile(build: string, profile: Profile): void {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const frame = byId.get(id)?.callFrame;
    if (!frame) return;
    const file = frame.url.split('/').pop() ?? '';
    const name = `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}`;
    self.set(name, (self.get(name) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  const top = [...self].filter(([name]) => !name.startsWith('(idle)')).sort((a, b) => b[1] - a[1]);
  console.log(`\nself time while typing, ${build} (ms, top 30)`);
  for (const [name, ms] of top.slice(0, 30)) console.log(`  ${ms.toFixed(1).padStart(7)}  ${name}`);
}

const trace = process.env.PAVE_TYPING_TRACE === '1';
const traceCategories = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing'];

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { type?: string; url?: string; functionName?: string } };
}
interface Trace {
  traceEvents: TraceEvent[];
}

/**
 * Each keystroke on the page's main thread, from a Chromium performance trace: the tasks that ran
 * between its keydown and the next one (start ms after the keydown, duration, and what they were
 * made of), so a slow keystroke shows whether script, style, layout or waiting took the time.
 */
function printTimeline(build: string, { traceEvents: events }: Trace): void {
  const main = events.find(
    (e) =>
      e.name === 'thread_name' &&
      e.args?.name === 'CrRendererMain' &&
      events.some((k) => k.tid === e.tid && k.name === 'EventDispatch' && k.args?.data?.type === 'keydown'),
  );
  if (!main) return void console.log('no renderer main thread in the trace');
  const onMain = events
    .filter((e) => e.tid === main.tid && e.pid === main.pid && e.ph === 'X')
    .sort((a, b) => a.ts - b.ts);
  const keys = onMain.filter((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'keydown');
  const tasks = onMain.filter((e) => e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask');
  const kinds = [
    'EventDispatch',
    'FunctionCall',
    'TimerFire',
    'FireAnimationFrame',
    'UpdateLayoutTree',
    'Layout',
    'Paint',
    'PrePaint',
    'Layerize',
    'ParseHTML',
    'MajorGC',
    'MinorGC',
    'V8.GC_MC_BACKGROUND_MARKING',
    'RunMicrotasks',
    'ResourceReceiveResponse',
    'ResourceFinish',
  ];
  console.log(`\nmain thread per keystroke, ${build} (start +ms: task ms [parts])`);
  keys.forEach((key, i) => {
    const end = keys[i + 1]?.ts ?? key.ts + 200_000;
    const line = tasks
      .filter((task) => task.ts + (task.dur ?? 0) >= key.ts && task.ts < end && (task.dur ?? 0) > 300)
      .map((task) => {
        const parts = new Map<string, number>();
        for (const e of onMain)
          if (e.ts >= task.ts && e.ts < task.ts + (task.dur ?? 0) && kinds.includes(e.name))
            parts.set(e.name, (parts.get(e.name) ?? 0) + (e.dur ?? 0) / 1000);
        const made = [...parts]
          .filter(([, ms]) => ms >= 0.3)
          .map(([name, ms]) => `${name} ${ms.toFixed(1)}`)
          .join(', ');
        return `+${((task.ts - key.ts) / 1000).toFixed(1)}: ${((task.dur ?? 0) / 1000).toFixed(1)} [${made}]`;
      });
    console.log(`  key ${i}: ${line.join('  ')}`);
  });
}

interface Stages {
  total: number[];
  toRequest: number[];
  request: number[];
  /** The backend's dispatch, inside `request` (electron/web's Server-Timing header). */
  backend: number[];
  toFrame: number[];
}

/** Records, in the page, each keystroke's keydown and the `catalog:list` requests after it. */
async function instrument(page: Page): Promise<void> {
  await page.evaluate(`(() => {
    window.__stages = [];
    if (window.__stagesInstalled) return;
    window.__stagesInstalled = true;
    window.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape') window.__stages.push({ key: performance.now() });
    }, { capture: true });
    performance.setResourceTimingBufferSize(100000);
  })()`);
}

/** Pairs each keystroke with the first `catalog:list` request it sent (none when answered from cache). */
async function stagesOf(page: Page, shown: number[]): Promise<Omit<Stages, 'total'>> {
  const raw = (await page.evaluate(`(() => {
    const requests = performance.getEntriesByType('resource')
      .filter((entry) => entry.name.includes('/ipc/catalog%3Alist') || entry.name.includes('/ipc/catalog:list'))
      .map((entry) => ({
        start: entry.startTime,
        end: entry.responseEnd,
        backend: (entry.serverTiming.find((t) => t.name === 'dispatch') || { duration: NaN }).duration,
      }));
    // A keystroke answered from the query cache sends nothing: its request must start before the next key.
    const stages = window.__stages.map((stage, i) => {
      const next = window.__stages[i + 1] ? window.__stages[i + 1].key : Infinity;
      return { key: stage.key, request: requests.find((r) => r.start >= stage.key && r.start < next) };
    });
    window.__stages = [];
    performance.clearResourceTimings();
    return stages;
  })()`)) as { key: number; request?: { start: number; end: number; backend: number } }[];
  const out = {
    toRequest: [] as number[],
    request: [] as number[],
    backend: [] as number[],
    toFrame: [] as number[],
  };
  raw.forEach((stage, i) => {
    const frame = shown[i];
    if (!stage.request || frame === undefined) return;
    const sent = stage.request.start - stage.key;
    const answered = stage.request.end - stage.key;
    out.toRequest.push(sent);
    out.request.push(stage.request.end - stage.request.start);
    if (Number.isFinite(stage.request.backend)) out.backend.push(stage.request.backend);
    out.toFrame.push(frame - answered);
    if (verbose) console.log(`  key ${i}: sent ${fmt(sent)}  answered ${fmt(answered)}  shown ${fmt(frame)}`);
  });
  return out;
}

const platform = await startPlatformAtScale(services);
const dir = await mkdtemp(join(tmpdir(), 'pave-typing-'));
const browser = await launchChromium();
const apps: { build: string; app: Launched; page: Page; stages: Stages; clears: number[] }[] = [];
try {
  const tokenFile = join(dir, 'token');
  await writeFile(tokenFile, `${platform.token}\n`, { mode: 0o600 });
  const remote = { url: platform.url, tokenFile };
  // One sync, then a copy of the cache per build: every build types into the same rows.
  const first = await launch(join(dir, 'synced'), 'npm-start', remote);
  const firstPage = await browser.newPage();
  await firstPage.goto(first.url);
  await firstPage
    .locator('[data-testid="catalog-count"]', { hasText: `${services.toLocaleString('en-US')} services` })
    .waitFor({ timeout: 600_000 });
  await firstPage.close();
  await first.stop();
  for (const [i, build] of builds.entries()) {
    const data = join(dir, `app-${i}`);
    await cp(join(dir, 'synced'), data, { recursive: true });
    process.env.PAVE_RENDERER_DIR = build;
    const app = await launch(data, 'npm-start', remote);
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(app.url);
    await page.locator('[data-testid="service-row"]').first().waitFor({ timeout: 120_000 });
    apps.push({
      build,
      app,
      page,
      stages: { total: [], toRequest: [], request: [], backend: [], toFrame: [] },
      clears: [],
    });
  }
  delete process.env.PAVE_RENDERER_DIR;
  for (let round = 0; round < rounds; round++) {
    for (const entry of apps) {
      // A fresh page each round: the words typed before are in the query cache and would cost nothing.
      await entry.page.reload();
      await entry.page.locator('[data-testid="service-row"]').first().waitFor({ timeout: 120_000 });
      await instrument(entry.page);
      const profiler = profile && round === rounds - 1 ? await startProfile(entry.page) : undefined;
      const tracing = trace && round === rounds - 1;
      if (tracing) await browser.startTracing(entry.page, { categories: traceCategories });
      const typed = await measureTyping(entry.page, words);
      if (profiler) printProfile(entry.build, await profiler());
      if (tracing) printTimeline(entry.build, JSON.parse((await browser.stopTracing()).toString()) as Trace);
      const keys = typed.each;
      const stages = await stagesOf(entry.page, keys);
      entry.stages.total.push(...keys);
      entry.stages.toRequest.push(...stages.toRequest);
      entry.stages.request.push(...stages.request);
      entry.stages.backend.push(...stages.backend);
      entry.stages.toFrame.push(...stages.toFrame);
      entry.clears.push(typed.clearMs);
      process.stderr.write(`  … round ${round + 1} ${entry.build}: ${typed.keystrokeMs.toFixed(1)} ms\n`);
    }
  }
  console.log(`\nkeystroke → table at ${services.toLocaleString('en-US')} services (medians, ms)`);
  console.log('build                                 total  →request  request (backend)  →frame   clear');
  for (const entry of apps) {
    const s = entry.stages;
    console.log(
      `${entry.build.padEnd(36)} ${fmt(medianOf(s.total))}  ${fmt(medianOf(s.toRequest))}  ${fmt(medianOf(s.request))}  (${fmt(medianOf(s.backend))})  ${fmt(medianOf(s.toFrame))}  ${fmt(medianOf(entry.clears))}`,
    );
  }
} finally {
  for (const entry of apps) await entry.app.stop();
  await browser.close();
  await platform.close();
  await rm(dir, { recursive: true, force: true });
}
