import { expect, syncState, test } from './support/fixtures';

// Issue 13: a change that keeps failing to send can be inspected (what, when, why) and dropped
// from the outbox panel; its local effect goes with it.
test('a change stuck while the platform is unreachable shows why and can be discarded', async ({
  openApp,
  platform,
}) => {
  const { page } = await openApp();
  await expect(syncState(page)).toHaveAttribute('data-state', 'online');
  const [first] = (await platform.api<{ items: { id: string }[] }>('GET', '/v1/services')).items;
  await page.evaluate((id) => (window.location.hash = `#/services/${id}`), first!.id);
  const servicePage = page.getByTestId('service-page');
  await expect(servicePage).toBeVisible();
  const original = await servicePage.locator('h1').textContent();

  await platform.stop();
  await page.getByTestId('sync-now').click();
  await expect(syncState(page)).toHaveAttribute('data-state', 'offline');

  await page.getByTestId('service-edit').click();
  await page.getByTestId('service-edit-form').locator('input[name="title"]').fill('Never to be sent');
  await page.getByTestId('service-edit-save').click();
  await expect(servicePage.locator('h1')).toHaveText('Never to be sent');
  await page.getByTestId('sync-now').click();

  const pending = page.getByTestId('pending-changes');
  await pending.click();
  const item = page.getByTestId('outbox-panel').getByTestId('outbox-item');
  await expect(item).toHaveAttribute('data-status', 'pending');
  // Why it waits, and what exactly it would send.
  await expect(item.getByTestId('outbox-reason')).toContainText('Last try failed');
  await item.getByText('Details').click();
  await expect(item).toContainText('service.update');
  await expect(item).toContainText('Never to be sent');

  await item.getByRole('button', { name: 'Discard' }).click();
  await expect(page.getByTestId('outbox-panel')).toContainText('Everything is synced.');
  await expect(pending).toHaveAttribute('data-count', '0');
  await expect(servicePage.locator('h1')).toHaveText(original ?? '');
});
