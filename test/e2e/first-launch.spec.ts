import { join } from 'node:path';
import { expect, shownCount, syncState, test } from './support/fixtures';
import { startWeb } from './support/processes';

// The newcomer's path: no platform configured → the embedded platform starts with the demo org.
test('a fresh start shows the labeled demo catalog from the embedded platform', async ({ page, dataDir }) => {
  const web = await startWeb(join(dataDir, 'app'));
  try {
    await page.goto(web.url);
    await expect(page.locator('html[data-app-state="ready"]')).toBeAttached({ timeout: 120_000 });
    await expect(syncState(page)).toHaveAttribute('data-state', 'online', { timeout: 120_000 });
    await expect(page.getByTestId('demo-badge')).toBeVisible();
    await expect.poll(() => shownCount(page)).toBeGreaterThanOrEqual(50);
    await expect(page.getByTestId('service-row').first()).toBeVisible();
  } finally {
    await web.stop();
  }
});
