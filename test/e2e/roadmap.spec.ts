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
  await expect(page).toHaveURL(/#\/backlog$/);
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
