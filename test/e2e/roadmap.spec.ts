import { expect, test } from './support/fixtures';

test('the roadmap lays phases over a timeline and each item opens its backlog detail', async ({
  openApp,
}) => {
  const { page } = await openApp();
  await page.setViewportSize({ width: 1024, height: 800 });
  await page.getByTestId('nav-roadmap').click();

  const lanes = ['foundation', 'common_needs', 'advanced'].map((phase) =>
    page.getByTestId(`roadmap-lane-${phase}`),
  );
  for (const lane of lanes) await expect(lane).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'Unscheduled' })).toBeVisible();
  await expect(page.getByTestId('shipped-foundation')).toHaveText(/Shipped \d+ of \d+/);
  const cards = lanes[0]!.getByTestId('roadmap-card');
  await expect(cards.nth(1)).toBeVisible();

  // At 1024 px the timeline scrolls inside its own box; the page itself is never cut sideways.
  const overflow = await page.getByTestId('roadmap-page').evaluate((el) => el.scrollWidth - el.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);

  // Keyboard: arrows stay within a lane (the last card does not jump to the next phase)…
  await cards.last().focus();
  await page.keyboard.press('ArrowRight');
  await expect(cards.last()).toBeFocused();
  // …→ moves to the lane's next card, Enter opens it.
  const secondId = (await cards.nth(1).getAttribute('data-id'))!;
  const secondTitle = (await cards.nth(1).locator('.roadmap-card-title').textContent())!;
  await cards.nth(0).focus();
  await page.keyboard.press('ArrowRight');
  await expect(cards.nth(1)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`#/backlog\\?item=${secondId}$`));
  await expect(page.getByTestId('backlog-detail').getByLabel('Title')).toHaveValue(secondTitle);
  await expect(page.locator(`[data-testid="backlog-row"][data-id="${secondId}"]`)).toHaveAttribute(
    'aria-selected',
    'true',
  );

  // A click opens the item even when a backlog filter would have hidden it.
  await page.getByLabel('Filter backlog').fill('no item is called this');
  await page.getByTestId('nav-roadmap').click();
  const last = lanes[2]!.getByTestId('roadmap-card').last();
  const lastTitle = (await last.locator('.roadmap-card-title').textContent())!;
  await last.click();
  await expect(page.getByTestId('backlog-detail').getByLabel('Title')).toHaveValue(lastTitle);
});

test('an item opened from the roadmap is scrolled into view in the backlog, however far down it is', async ({
  openApp,
  platform,
}) => {
  const { page } = await openApp();
  await page.setViewportSize({ width: 1024, height: 700 });
  // The platform lists items in the lead's order: the last one is at the bottom of the backlog.
  const { items } = await platform.api<{ items: { id: string; title: string }[] }>(
    'GET',
    '/v1/backlog/items',
  );
  const last = items.at(-1)!;
  await page.getByTestId('nav-roadmap').click();
  await page.locator(`[data-testid="roadmap-card"][data-id="${last.id}"]`).click();

  const row = page.locator(`[data-testid="backlog-row"][data-id="${last.id}"]`);
  await expect(row).toHaveAttribute('aria-selected', 'true');
  await expect(row).toBeInViewport();
  await expect(page.getByTestId('backlog-detail').getByLabel('Title')).toHaveValue(last.title);
  // It really was out of sight: the list had to scroll to show it.
  expect(await page.getByTestId('backlog-list').evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
});

test('the backlog comes in windows: an item far past the first window opens from the roadmap, scrolled to', async ({
  openApp,
  platform,
}) => {
  // 30 seeded + 140 new items: the table's first window holds 100, the new ones land after them.
  for (let i = 1; i <= 140; i++)
    await platform.api('POST', '/v1/backlog/items', { title: `Windowed item ${String(i).padStart(3, '0')}` });
  const { items } = await platform.api<{ items: { id: string; title: string }[] }>(
    'GET',
    '/v1/backlog/items',
  );
  expect(items).toHaveLength(170);
  const last = items.at(-1)!;

  const { page } = await openApp();
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.goto(page.url().replace(/#.*$/, '') + '#/backlog');
  await expect(page.getByTestId('backlog-count')).toHaveText('170 of 170 items');
  // Only what is on screen is in the page, never the whole backlog.
  expect(await page.getByTestId('backlog-row').count()).toBeLessThan(60);

  await page.getByTestId('nav-roadmap').click();
  await page.locator(`[data-testid="roadmap-card"][data-id="${last.id}"]`).click();
  const row = page.locator(`[data-testid="backlog-row"][data-id="${last.id}"]`);
  await expect(row).toHaveAttribute('aria-selected', 'true');
  await expect(row).toBeInViewport();
  await expect(row.locator('.backlog-pos')).toHaveText('170');
  await expect(page.getByTestId('backlog-detail').getByLabel('Title')).toHaveValue(last.title);

  // Home goes back to the first window, which is still there.
  await page.getByTestId('backlog-list').focus();
  await page.keyboard.press('Home');
  await expect(page.locator(`[data-testid="backlog-row"][data-id="${items[0]!.id}"]`)).toBeInViewport();
});
