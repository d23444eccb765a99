import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { findElectronRuntime } from '../../scripts/electron-runtime.mjs';

/**
 * The real desktop app, for machines that have the Electron runtime (this one does not: its binary
 * cannot be downloaded here, so the suite reports itself skipped with the reason).
 * Needs `npm run build:renderer` first (`npm run test:e2e` does it).
 */

const root = new URL('../../', import.meta.url).pathname;
const runtime = findElectronRuntime();
const hasElectron = runtime.available;

test.describe('Electron app', () => {
  test.skip(!hasElectron, `Electron runtime not installed: ${runtime.available ? '' : runtime.reason}`);

  let dataDir: string;
  test.beforeAll(() => {
    execFileSync(process.execPath, [join(root, 'scripts', 'build-electron.mjs')], {
      cwd: root,
      stdio: 'inherit',
    });
  });
  test.beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'pave-electron-'));
  });
  test.afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  test('opens one window on app://pave and shows the synced demo catalog', async () => {
    if (!runtime.available) return;
    // Each test gets its own data dir: cache, settings and the embedded platform.
    const env: Record<string, string> = { PAVE_DATA_DIR: dataDir };
    for (const [name, value] of Object.entries(process.env)) {
      if (value !== undefined && name !== 'ELECTRON_RUN_AS_NODE') env[name] ??= value;
    }
    const app = await electron.launch({
      executablePath: runtime.path,
      args: [root],
      cwd: root,
      env,
    });
    try {
      const page = await app.firstWindow();
      await expect(page.locator('html[data-app-state="ready"]')).toBeAttached({ timeout: 120_000 });
      expect(page.url()).toMatch(/^app:\/\/pave\//);
      expect(
        await page.evaluate(() => (window as unknown as { pave: { runtime: string } }).pave.runtime),
      ).toBe('electron');
      // The preload exposes window.pave and nothing of Node or Electron.
      expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe(
        'undefined',
      );
      await expect(page.getByTestId('catalog-count')).toContainText(/\d+/);
      await expect(page.getByTestId('sync-status')).toBeVisible();
      expect(app.windows()).toHaveLength(1);
    } finally {
      await app.close();
    }
  });
});
