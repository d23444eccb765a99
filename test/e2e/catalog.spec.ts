import { expect, shownCount, syncState, test } from './support/fixtures';

interface ServiceList {
  items: { id: string; name: string; title: string; ownerTeamId: string; tier: number }[];
}

test('search and filters narrow the catalog, and a service page opens', async ({ openApp, platform }) => {
  const { page } = await openApp();
  await expect(syncState(page)).toHaveAttribute('data-state', 'online');
  const { items } = await platform.api<ServiceList>('GET', '/v1/services');
  await expect.poll(() => shownCount(page)).toBe(items.length);

  // `/` focuses search from anywhere on the page.
  await page.locator('body').click();
  await page.keyboard.press('/');
  await expect(page.getByTestId('catalog-search')).toBeFocused();
  const target = items[0]!;
  await page.keyboard.type(target.name);
  await expect(page.locator(`[data-testid="service-row"][data-service-id="${target.id}"]`)).toBeVisible();
  await expect.poll(() => shownCount(page)).toBeLessThan(items.length);
  await page.getByTestId('catalog-search').fill('');
  await expect.poll(() => shownCount(page)).toBe(items.length);

  // Tier filter: exactly the services of that tier remain.
  const tier1 = items.filter((s) => s.tier === 1).length;
  await page.getByTestId('filter-tier').click();
  await page.locator('[data-testid="filter-option"][data-value="1"]').click();
  await page.keyboard.press('Escape');
  await expect.poll(() => shownCount(page)).toBe(tier1);
  // The view is in the URL: shareable, and a reload brings it back.
  await expect(page).toHaveURL(/#\/catalog\?tier=1$/);
  await page.reload();
  await expect(page.locator('html[data-app-state="ready"]')).toBeAttached({ timeout: 60_000 });
  await expect.poll(() => shownCount(page)).toBe(tier1);

  // Adding a team filter narrows further to the intersection.
  const team = items.find((s) => s.tier === 1)!.ownerTeamId;
  const both = items.filter((s) => s.tier === 1 && s.ownerTeamId === team).length;
  await page.getByTestId('filter-team').click();
  await page.locator(`[data-testid="filter-option"][data-value="${team}"]`).click();
  await page.keyboard.press('Escape');
  await expect.poll(() => shownCount(page)).toBe(both);

  await page.getByTestId('clear-filters').first().click();
  await expect.poll(() => shownCount(page)).toBe(items.length);

  // Open a service page from the table.
  const row = page.locator(`[data-testid="service-row"][data-service-id="${target.id}"]`);
  await page.getByTestId('catalog-search').fill(target.name);
  await row.click();
  const servicePage = page.getByTestId('service-page');
  await expect(servicePage).toHaveAttribute('data-service-id', target.id);
  await expect(servicePage.locator('h1')).toContainText(target.title);
});

test('a change on the platform reaches the open catalog without a reload', async ({ openApp, platform }) => {
  const { page } = await openApp();
  await expect(syncState(page)).toHaveAttribute('data-state', 'online');
  const before = await shownCount(page);
  const { items } = await platform.api<ServiceList>('GET', '/v1/services');
  await platform.api('POST', '/v1/services', {
    name: 'e2e-live-service',
    title: 'E2E live service',
    ownerTeamId: items[0]!.ownerTeamId,
    tier: 2,
  });
  await expect.poll(() => shownCount(page)).toBe(before + 1);
  await page.getByTestId('catalog-search').fill('e2e-live');
  await expect(
    page.locator('[data-testid="service-row"][data-service-name="e2e-live-service"]'),
  ).toBeVisible();
});
