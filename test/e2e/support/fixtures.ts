import { test as base, expect, type Page, type TestInfo } from '@playwright/test';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startPlatform, startWeb, type Running } from './processes';

/** A reference platform the test controls (stop/restart on the same port), plus its admin API. */
export interface PlatformHandle {
  url: string;
  tokenFile: string;
  adminToken: string;
  stop(): Promise<void>;
  restart(): Promise<void>;
  api<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
}

interface Fixtures {
  /** A fresh data directory for this test alone. */
  dataDir: string;
  platform: PlatformHandle;
  /** Opens browser mode against `platform`; returns the page once the app says it is ready. */
  openApp: (options?: { embedded?: boolean }) => Promise<{ page: Page; web: Running }>;
}

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern
  dataDir: async ({}, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'pave-e2e-'));
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  },

  platform: async ({ dataDir }, use, testInfo) => {
    const dir = join(dataDir, 'platform');
    const port = await freePort();
    let running: Running = await startPlatform(dir, port);
    const tokenFile = join(dir, 'admin-token');
    const adminToken = (await readFile(tokenFile, 'utf8')).trim();
    const handle: PlatformHandle = {
      url: running.url,
      tokenFile,
      adminToken,
      stop: () => running.stop(),
      async restart() {
        running = await startPlatform(dir, port);
      },
      async api<T>(method: string, path: string, body?: unknown): Promise<T> {
        const response = await fetch(`${running.url}${path}`, {
          method,
          headers: {
            authorization: `Bearer ${adminToken}`,
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        const text = await response.text();
        if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${text}`);
        return (text ? JSON.parse(text) : undefined) as T;
      },
    };
    await use(handle);
    await running.stop();
    reportOnFailure(testInfo, 'platform', running.output());
  },

  openApp: async ({ page, dataDir, platform }, use, testInfo) => {
    const started: Running[] = [];
    await use(async (options) => {
      const appDir = join(dataDir, options?.embedded ? 'app-embedded' : 'app');
      const web = await startWeb(
        appDir,
        options?.embedded ? undefined : { url: platform.url, tokenFile: platform.tokenFile },
      );
      started.push(web);
      await page.goto(web.url);
      await expect(page.locator('html[data-app-state="ready"]')).toBeAttached({ timeout: 120_000 });
      return { page, web };
    });
    for (const web of started) await web.stop();
    for (const web of started) reportOnFailure(testInfo, 'browser mode', web.output());
  },
});

export { expect };

/** A failed test prints the tail of its processes' output: the CI log is all we get there. */
function reportOnFailure(testInfo: TestInfo, name: string, output: string): void {
  if (testInfo.status === testInfo.expectedStatus) return;
  const tail = output.split('\n').slice(-60).join('\n');
  console.log(`--- ${testInfo.title}: last lines of ${name} ---\n${tail}\n--- end of ${name} ---`);
}

export const syncState = (page: Page) => page.getByTestId('sync-status');
export const catalogCount = (page: Page) => page.getByTestId('catalog-count');

/** The first number in the catalog count text ("12 of 60 services" → 12). */
export async function shownCount(page: Page): Promise<number> {
  const text = (await catalogCount(page).textContent()) ?? '';
  const match = /(\d[\d,]*)/.exec(text);
  if (!match?.[1]) throw new Error(`no count in "${text}"`);
  return Number(match[1].replace(/,/g, ''));
}
