import { join } from 'node:path';
import { expect, test } from './support/fixtures';
import { startWeb } from './support/processes';

// A first launch says what the embedded platform is doing until the demo catalog is there, then
// gives way to the rows (issue 12, "Start in a second").
test('a first launch shows the demo platform setup, then the catalog', async ({ page, dataDir }) => {
  // Every step the progress view shows, recorded as the page changes: a step may last a few frames.
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __setupSteps: string[] }).__setupSteps = seen;
    new MutationObserver(() => {
      const step = document.querySelector('[data-testid="platform-setup"]')?.getAttribute('data-step');
      if (step && seen.at(-1) !== step) seen.push(step);
    }).observe(document, { subtree: true, childList: true, attributes: true });
  });
  const web = await startWeb(join(dataDir, 'app'));
  try {
    await page.goto(web.url);
    await expect(page.getByTestId('service-row').first()).toBeVisible({ timeout: 120_000 });
    await expect(page.getByTestId('platform-setup')).toHaveCount(0);
    const steps = await page.evaluate(() => (window as unknown as { __setupSteps: string[] }).__setupSteps);
    expect(steps.length).toBeGreaterThan(0);
    // In the order the platform works through them.
    const order = ['database', 'migrations', 'seeding', 'starting', 'ready'];
    const positions = steps.map((step) => order.indexOf(step));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  } finally {
    await web.stop();
  }
});
