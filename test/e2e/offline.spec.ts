import { expect, shownCount, syncState, test } from './support/fixtures';

test('with the platform stopped the catalog still works offline, and a restart brings it back', async ({
  openApp,
  platform,
}) => {
  const { page } = await openApp();
  await expect(syncState(page)).toHaveAttribute('data-state', 'online');
  const total = await shownCount(page);

  await platform.stop();
  await page.getByTestId('sync-now').click();
  await expect(syncState(page)).toHaveAttribute('data-state', 'offline');

  // Cached reads: search and a service page keep working.
  const firstRow = page.getByTestId('service-row').first();
  const name = (await firstRow.getAttribute('data-service-name'))!;
  await page.getByTestId('catalog-search').fill(name);
  await expect.poll(() => shownCount(page)).toBeLessThan(total);
  await page.locator(`[data-testid="service-row"][data-service-name="${name}"]`).click();
  await expect(page.getByTestId('service-page')).toBeVisible();

  await platform.restart();
  // Catch-up: a change made while we were away arrives once we are back online.
  await platform.api(
    'PATCH',
    `/v1/services/${await page.getByTestId('service-page').getAttribute('data-service-id')}`,
    {
      title: 'Renamed while offline',
    },
  );
  await page.getByTestId('sync-now').click();
  await expect(syncState(page)).toHaveAttribute('data-state', 'online');
  await expect(page.getByTestId('service-page').locator('h1')).toContainText('Renamed while offline');
});
