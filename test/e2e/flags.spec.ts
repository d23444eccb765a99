import type { Page } from '@playwright/test';
import type { PlatformEvent } from '../../shared/features/events/api';
import type { Flag } from '../../shared/features/flags/api';
import { expect, syncState, test, type PlatformHandle } from './support/fixtures';
import { chooseOption } from './support/kit-select';

const flagRow = (page: Page, key: string, environment: string) =>
  page.locator(`[data-testid="flag-row"][data-key="${key}"][data-environment="${environment}"]`);

const serverFlag = async (platform: PlatformHandle, serviceId: string, key: string) =>
  (await platform.api<{ items: Flag[] }>('GET', `/v1/services/${serviceId}/flags`)).items.find(
    (flag) => flag.key === key,
  );

test('a flag is created and toggled from the app; with the platform stopped a toggle waits as pending and lands exactly once after restart', async ({
  openApp,
  platform,
}) => {
  // A platform stop and restart inside one test: slow on a busy two-core machine.
  test.setTimeout(300_000);
  const { page } = await openApp();
  await expect(syncState(page)).toHaveAttribute('data-state', 'online', { timeout: 120_000 });
  await page.getByTestId('service-row').first().click();
  const servicePage = page.getByTestId('service-page');
  await expect(servicePage).toBeVisible();
  const serviceId = (await servicePage.getAttribute('data-service-id')) ?? '';
  const section = page.getByTestId('flags-section');
  await section.scrollIntoViewIfNeeded();

  // Create: the key is checked while typing.
  await section.getByTestId('flag-new').click();
  await chooseOption(page, page.getByTestId('flag-environment'), 'production');
  await page.getByTestId('flag-key').fill('New Checkout');
  await expect(page.getByTestId('flag-form').getByRole('alert')).toContainText(
    'The key must start with a lowercase letter',
  );
  await expect(page.getByTestId('flag-create')).toBeDisabled();
  await page.getByTestId('flag-key').fill('new-checkout');
  await page.getByTestId('flag-description').fill('The one-page checkout');
  await page.getByTestId('flag-create').click();
  const row = flagRow(page, 'new-checkout', 'production');
  await expect(row).toHaveAttribute('data-enabled', 'false');
  await expect(row).toHaveAttribute('data-pending', 'false');
  await expect.poll(async () => (await serverFlag(platform, serviceId, 'new-checkout'))?.enabled).toBe(false);

  // The same key again in that environment is caught before anything is queued.
  await section.getByTestId('flag-new').click();
  await chooseOption(page, page.getByTestId('flag-environment'), 'production');
  await page.getByTestId('flag-key').fill('new-checkout');
  await expect(page.getByTestId('flag-form').getByRole('alert')).toHaveText(
    'A flag "new-checkout" already exists in production.',
  );
  await expect(page.getByTestId('flag-create')).toBeDisabled();
  await page.getByTestId('flag-key').press('Escape');

  // Toggle with the keyboard: the switch is a button, space turns it on.
  await row.getByTestId('flag-toggle').focus();
  await page.keyboard.press('Space');
  await expect(row).toHaveAttribute('data-enabled', 'true');
  await expect(row.getByTestId('flag-toggle')).toHaveAttribute('aria-checked', 'true');
  await expect.poll(async () => (await serverFlag(platform, serviceId, 'new-checkout'))?.enabled).toBe(true);
  await expect(row).toHaveAttribute('data-pending', 'false');

  // Offline: the toggle shows at once, marked pending, one change waiting.
  await platform.stop();
  await page.getByTestId('sync-now').click();
  await expect(syncState(page)).toHaveAttribute('data-state', 'offline');
  await row.getByTestId('flag-toggle').click();
  await expect(row).toHaveAttribute('data-enabled', 'false');
  await expect(row).toHaveAttribute('data-pending', 'true');
  await expect(row.getByTestId('flag-pending')).toBeVisible();
  await expect(page.getByTestId('pending-changes')).toHaveAttribute('data-count', '1');

  await platform.restart();
  await page.getByTestId('sync-now').click();
  await expect(page.getByTestId('pending-changes')).toHaveAttribute('data-count', '0', { timeout: 30_000 });
  await expect(syncState(page)).toHaveAttribute('data-state', 'online');
  await expect(row).toHaveAttribute('data-pending', 'false');
  await expect(row).toHaveAttribute('data-enabled', 'false');

  // Exactly once on the platform: one flag_changed event per change, the offline toggle included.
  const flag = await serverFlag(platform, serviceId, 'new-checkout');
  expect(flag?.enabled).toBe(false);
  const { items } = await platform.api<{ items: PlatformEvent[] }>(
    'GET',
    `/v1/platform-events?kind=flag_changed&serviceId=${encodeURIComponent(serviceId)}`,
  );
  expect(items.filter((event) => event.data.flagId === flag?.id).map((event) => event.data.change)).toEqual([
    'created',
    'enabled',
    'disabled',
  ]);

  // Delete, then undo: the flag is back with its key and settings.
  await row.getByTestId('flag-delete').click();
  await expect(row).toHaveCount(0);
  await expect.poll(async () => serverFlag(platform, serviceId, 'new-checkout')).toBeUndefined();
  await section.getByTestId('flag-undo').click();
  await expect(row).toHaveAttribute('data-pending', 'false');
  await expect
    .poll(async () => (await serverFlag(platform, serviceId, 'new-checkout'))?.description)
    .toBe('The one-page checkout');
});
