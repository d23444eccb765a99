import type { Browser } from '@playwright/test';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PlatformAtScale } from './platform-at-scale';
import { processTree, pssOf, rssOf } from './process-memory';
import { launch } from './start-launch';

/**
 * Resident memory once the app shows a whole organization (issue 12, point 5): the backend
 * (browser mode's host process, as `npm start` runs it), the platform's Node process tree (RSS)
 * and its PostgreSQL (PSS: its backends share most pages, so summed RSS would count them many times).
 */
export interface MemoryFigures {
  backendRssBytes: number;
  platformRssBytes: number;
  postgresPssBytes: number;
}

export async function measureMemory(
  browser: Browser,
  platform: PlatformAtScale,
  services: number,
): Promise<MemoryFigures> {
  const dir = await mkdtemp(join(tmpdir(), 'pave-bench-memory-'));
  const tokenFile = join(dir, 'token');
  await writeFile(tokenFile, `${platform.token}\n`, { mode: 0o600 });
  const app = await launch(join(dir, 'app'), 'npm-start', { url: platform.url, tokenFile });
  const page = await browser.newPage();
  try {
    await page.goto(app.url);
    await page
      .locator('[data-testid="catalog-count"]', { hasText: `${services.toLocaleString('en-US')} services` })
      .waitFor({ timeout: 600_000 });
    return {
      backendRssBytes: rssOf(app.child.pid ?? 0),
      platformRssBytes: processTree(platform.platformPid).reduce((sum, pid) => sum + rssOf(pid), 0),
      postgresPssBytes: pssOf(platform.postgresPids()),
    };
  } finally {
    await page.close();
    await app.stop();
    await rm(dir, { recursive: true, force: true });
  }
}
