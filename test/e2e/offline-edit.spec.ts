import { expect, syncState, test } from './support/fixtures';

test('an edit made offline shows at once, waits as 1 pending change, and reaches the platform when it is back', async ({
  openApp,
  platform,
}) => {
  const { page } = await openApp();
  await expect(syncState(page)).toHaveAttribute('data-state', 'online');
  await page.getByTestId('service-row').first().click();
  const servicePage = page.getByTestId('service-page');
  await expect(servicePage).toBeVisible();
  const id = (await servicePage.getAttribute('data-service-id'))!;

  await platform.stop();
  await page.getByTestId('sync-now').click();
  await expect(syncState(page)).toHaveAttribute('data-state', 'offline');

  await page.getByTestId('service-edit').click();
  const form = page.getByTestId('service-edit-form');
  await form.locator('input[name="title"]').fill('Edited while offline');
  await page.getByTestId('service-edit-save').click();

  // Shown at once from the local cache, with the change waiting in the outbox.
  await expect(servicePage.locator('h1')).toHaveText('Edited while offline');
  const pending = page.getByTestId('pending-changes');
  await expect(pending).toHaveAttribute('data-count', '1');
  await pending.click();
  const panel = page.getByTestId('outbox-panel');
  await expect(panel.getByTestId('outbox-item')).toHaveCount(1);
  await expect(panel.getByTestId('outbox-item')).toHaveAttribute('data-status', 'pending');
  await expect(panel).toContainText('title');

  await platform.restart();
  await page.getByTestId('sync-now').click();
  await expect(pending).toHaveAttribute('data-count', '0', { timeout: 30_000 });
  await expect(syncState(page)).toHaveAttribute('data-state', 'online');
  await expect(panel).toContainText('Everything is synced.');
  await expect(servicePage.locator('h1')).toHaveText('Edited while offline');
  const onPlatform = await platform.api<{ title: string }>('GET', `/v1/services/${id}`);
  expect(onPlatform.title).toBe('Edited while offline');
});
