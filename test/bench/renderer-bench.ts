import type { Page } from '@playwright/test';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Running } from '../e2e/support/processes';
import { medianOf } from './bench-platform';
import type { PlatformAtScale } from './platform-at-scale';
import { processTree, pssOf, rssOf } from './process-memory';
import { epochNow, hostCodeCacheWritten, launch, launchAtRest } from './start-launch';

/**
 * The app as a person meets it: browser mode (`npm start` without Electron) serving the real
 * renderer to Chromium, its backend syncing from a real platform. Measures typing in the
 * catalog search, a warm start and the memory of the backend and the platform.
 */

const progress = (line: string) => process.stderr.write(`  … ${line}\n`);

/**
 * Resolves with the ms from the last keydown to the frame in which the table shows `search`'s
 * rows. The page code is a string: the bench runs under tsx, whose helpers do not exist in the page.
 */
function tableShows(page: Page, search: string): Promise<number> {
  return page.evaluate(`new Promise((resolve, reject) => {
    const expected = ${JSON.stringify(search)};
    const until = performance.now() + 30000;
    const check = () => {
      const table = document.querySelector('[data-testid="catalog-table"][data-placeholder="false"]');
      if (table && table.getAttribute('data-search') === expected && table.querySelector('[data-testid="service-row"]'))
        resolve(performance.now() - window.__keyAt);
      else if (performance.now() > until) {
        const shown = document.querySelector('[data-testid="catalog-table"]');
        reject(new Error('the table never showed "' + expected + '"; it shows "' +
          (shown ? shown.getAttribute('data-search') + '" placeholder=' + shown.getAttribute('data-placeholder') : 'no table"')));
      } else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  })`);
}

export interface TypingFigures {
  keystrokeMs: number;
  clearMs: number;
  keystrokes: number;
  /** Each keystroke's ms, in typing order (Escape not included). */
  each: number[];
}

/** Types words into the catalog search one key at a time, then clears it, timing each to the table. */
export async function measureTyping(page: Page, words: string[]): Promise<TypingFigures> {
  await page.evaluate(
    `window.addEventListener('keydown', () => { window.__keyAt = performance.now(); }, { capture: true })`,
  );
  const search = page.getByTestId('catalog-search');
  const keys: number[] = [];
  const clears: number[] = [];
  for (const word of words) {
    await search.focus();
    let typed = '';
    for (const char of word) {
      typed += char;
      const shown = tableShows(page, typed.trim());
      await page.keyboard.press(char === ' ' ? 'Space' : char);
      keys.push(await shown);
    }
    // Clearing back to every row: Escape empties the search.
    const cleared = tableShows(page, '');
    await page.keyboard.press('Escape');
    clears.push(await cleared);
  }
  return {
    keystrokeMs: medianOf(keys) ?? 0,
    clearMs: medianOf(clears) ?? 0,
    keystrokes: keys.length,
    each: keys,
  };
}

export interface AppFigures extends TypingFigures {
  services: number;
  /** Launch of browser mode (a data dir with a synced cache) to the first catalog row in Chromium. */
  warmStartMs: number;
  /** The same for the second launch of the profile, before Chromium has the renderer's code cache. */
  secondLaunchMs: number;
  backendRssBytes: number;
  platformRssBytes: number;
  postgresPssBytes: number;
}

/**
 * Launch → first catalog row, as start-launch.ts times it (launchAtRest): on the data dir's
 * Chromium profile, kept across its launches as Electron's userData is (the warm start finds its
 * scripts in the HTTP cache and V8's code cache). `close` closes the profile.
 */
async function firstRowAfter(
  dataDir: string,
  start: () => Promise<Running>,
): Promise<{ ms: number; web: Running; page: Page; close(): Promise<void> }> {
  const { context, page, app: web, startedAt } = await launchAtRest(dataDir, start);
  try {
    await page.goto(web.url);
    await page.locator('[data-testid="service-row"]').first().waitFor({ timeout: 300_000 });
    return {
      ms: epochNow() - startedAt,
      web,
      page,
      close: () => context.close(),
    };
  } catch (error) {
    await context.close();
    throw error;
  }
}

/** Syncs `platform` into a fresh browser-mode backend, then measures typing, memory and a warm start. */
export async function measureApp(platform: PlatformAtScale, services: number): Promise<AppFigures> {
  const dir = await mkdtemp(join(tmpdir(), 'pave-bench-app-'));
  const tokenFile = join(dir, 'token');
  await writeFile(tokenFile, `${platform.token}\n`, { mode: 0o600 });
  const opened: (() => Promise<void>)[] = [];
  // As `npm start` launches it (the bundled host, no tsx): the warm start is what a person gets.
  const dataDir = join(dir, 'app');
  const start = () => launch(dataDir, 'npm-start', { url: platform.url, tokenFile });
  try {
    // First launch: the whole catalog syncs; wait until the count says it is all there.
    const first = await firstRowAfter(dataDir, start);
    opened.push(first.close);
    const { web, page, close } = first;
    progress('first rows shown; waiting for the whole catalog');
    await page
      .locator(`[data-testid="catalog-count"]`, { hasText: `${services.toLocaleString('en-US')} services` })
      .waitFor({ timeout: 600_000 });
    progress('synced; typing');
    const typing = await measureTyping(page, ['payments api', 'ledger worker 1', 'search']);
    progress('typed; warm start');
    const backendRssBytes = rssOf(web.child.pid ?? 0);
    const platformRssBytes = processTree(platform.platformPid).reduce((sum, pid) => sum + rssOf(pid), 0);
    const postgresPssBytes = pssOf(platform.postgresPids());
    await close();
    await web.stop();

    // Warm start: the same data dir, so the rows are in the cache before any sync; the host's own
    // code cache is written a few seconds into a launch (the first one lasted long enough).
    await hostCodeCacheWritten();
    // Chromium makes the renderer's code cache on the second launch and uses it from the third,
    // the warm start a person gets every day (start-launch.ts, measureStart).
    const warmStarts: number[] = [];
    for (let launchNo = 0; launchNo < 2; launchNo++) {
      const warm = await firstRowAfter(dataDir, start);
      opened.push(warm.close);
      await warm.close();
      await warm.web.stop();
      warmStarts.push(warm.ms);
    }
    return {
      services,
      ...typing,
      secondLaunchMs: warmStarts[0] ?? 0,
      warmStartMs: warmStarts[1] ?? 0,
      backendRssBytes,
      platformRssBytes,
      postgresPssBytes,
    };
  } finally {
    // A failed run leaves its profile open (closing twice is harmless).
    for (const close of opened) await close().catch(() => undefined);
    // Chromium may still be writing its profile for a moment after it closed.
    await rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  }
}
