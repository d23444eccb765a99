import type { Page } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, syncState, test } from './support/fixtures';
import { startWeb } from './support/processes';

const rows = (page: Page) => page.getByTestId('backlog-row');

test('a lead re-ranks and edits the backlog offline; after a restart a second session sees the same result', async ({
  openApp,
  platform,
  browser,
}) => {
  const { page } = await openApp();
  await page.goto(page.url().replace(/#.*$/, '') + '#/backlog');
  await expect(page.getByTestId('backlog-count')).toHaveText('30 of 30 items');
  await expect(syncState(page)).toHaveAttribute('data-state', 'online');

  await platform.stop();
  await page.getByTestId('sync-now').click();
  await expect(syncState(page)).toHaveAttribute('data-state', 'offline');

  // Keyboard re-rank: the third item moves to the top with Alt+↑ twice.
  const third = rows(page).nth(2);
  const id = (await third.getAttribute('data-id'))!;
  await third.click();
  await page.keyboard.press('Alt+ArrowUp');
  await expect(rows(page).nth(1)).toHaveAttribute('data-id', id);
  await page.keyboard.press('Alt+ArrowUp');
  await expect(rows(page).nth(0)).toHaveAttribute('data-id', id);

  // Drag re-rank: the fourth row dropped on the second lands second.
  const dragged = (await rows(page).nth(3).getAttribute('data-id'))!;
  await rows(page).nth(3).dragTo(rows(page).nth(1));
  await expect(rows(page).nth(1)).toHaveAttribute('data-id', dragged);
  await expect(rows(page).nth(0)).toHaveAttribute('data-id', id);
  await rows(page).nth(0).click();

  // Field edit, offline.
  const title = page.getByTestId('backlog-detail').getByLabel('Title');
  await title.fill('Golden paths, edited offline');
  await title.press('Enter');
  await expect(rows(page).nth(0).getByTestId('backlog-title')).toContainText('Golden paths, edited offline');
  await expect(rows(page).nth(0)).toContainText('manual');

  // Back online: the outbox drains and the platform holds the lead's result.
  await platform.restart();
  await page.getByTestId('sync-now').click();
  await expect
    .poll(async () => {
      const { items } = await platform.api<{ items: { id: string; title: string; rankManual: boolean }[] }>(
        'GET',
        '/v1/backlog/items',
      );
      return items[0];
    })
    .toMatchObject({ id, title: 'Golden paths, edited offline', rankManual: true });

  // A second browser session with its own data dir, same platform, sees the same order and values.
  const otherDir = await mkdtemp(join(tmpdir(), 'pave-e2e-second-'));
  const web = await startWeb(otherDir, { url: platform.url, tokenFile: platform.tokenFile });
  const context = await browser.newContext();
  try {
    const second = await context.newPage();
    await second.goto(web.url);
    await expect(second.locator('html[data-app-state="ready"]')).toBeAttached({ timeout: 120_000 });
    await second.goto(second.url().replace(/#.*$/, '') + '#/backlog');
    await expect(rows(second).nth(0)).toHaveAttribute('data-id', id);
    await expect(rows(second).nth(0).getByTestId('backlog-title')).toContainText(
      'Golden paths, edited offline',
    );
    await expect(rows(second).nth(0)).toContainText('manual');
    const firstPage = await rows(page).evaluateAll((els) =>
      els.slice(0, 10).map((e) => e.getAttribute('data-id')),
    );
    await expect
      .poll(() => rows(second).evaluateAll((els) => els.slice(0, 10).map((e) => e.getAttribute('data-id'))))
      .toEqual(firstPage);

    // The roadmap and the support intake read the same synced data.
    await second.goto(second.url().replace(/#.*$/, '') + '#/roadmap');
    await expect(second.getByTestId('shipped-foundation')).toHaveText(/Shipped \d+ of \d+/);
    await expect(second.getByTestId('roadmap-page')).toContainText('Golden paths, edited offline');
    await second.goto(second.url().replace(/#.*$/, '') + '#/support');
    await expect(second.getByTestId('support-row')).toHaveCount(6);
  } finally {
    await context.close();
    await web.stop();
    await rm(otherDir, { recursive: true, force: true });
  }
});

test('a refused backlog edit says why under the field and shows the saved value again', async ({
  openApp,
}) => {
  const { page } = await openApp();
  await page.goto(page.url().replace(/#.*$/, '') + '#/backlog');
  await expect(page.getByTestId('backlog-count')).toHaveText('30 of 30 items');
  await rows(page).nth(0).click();
  const detail = page.getByTestId('backlog-detail');

  // Effort 5000: refused by the item's own rule, the display reverts to what is in effect.
  const effort = detail.getByTestId('backlog-effort');
  const savedEffort = await effort.inputValue();
  await effort.fill('5000');
  await effort.press('Enter');
  await expect(detail.getByTestId('backlog-effort-error')).toHaveText('Effort (weeks) must be at most 1000');
  await expect(effort).toHaveValue(savedEffort);
  await expect(effort).toHaveAttribute('aria-invalid', 'true');

  // An emptied title is refused the same way.
  const title = detail.getByTestId('backlog-detail-title');
  const savedTitle = await title.inputValue();
  await title.fill('   ');
  await title.press('Enter');
  await expect(detail.getByTestId('backlog-detail-title-error')).toHaveText('Title is required');
  await expect(title).toHaveValue(savedTitle);

  // Clearing a weight no longer means 0: it is refused and the weight stays.
  const weight = page.getByTestId('weight-demand');
  const savedWeight = await weight.inputValue();
  await weight.fill('');
  await weight.press('Enter');
  await expect(page.getByTestId('weight-demand-error')).toHaveText('Demand weight is required');
  await expect(weight).toHaveValue(savedWeight);

  // A 400-character item is refused visibly; the text stays to be shortened.
  const newItem = page.getByLabel('New item title');
  await newItem.fill('x'.repeat(400));
  await newItem.press('Enter');
  await expect(page.getByTestId('backlog-new-error')).toHaveText('Title must be at most 200 characters');
  await expect(newItem).toHaveValue('x'.repeat(400));
  await expect(page.getByTestId('backlog-count')).toHaveText('30 of 30 items');

  // The list has column headers; scores share one precision.
  await expect(page.getByTestId('backlog-head')).toContainText('Score');
  for (const score of await rows(page).locator('.backlog-score').allTextContents())
    expect(score).toMatch(/^\d+\.\d{2}$/);

  // At 1024 px with the detail open, every title is shown whole (wrapped), none cut with "…".
  await page.setViewportSize({ width: 1024, height: 800 });
  await expect(detail).toBeVisible();
  const cut = await rows(page)
    .getByTestId('backlog-title')
    .evaluateAll((cells) =>
      cells.filter((cell) => cell.scrollWidth > cell.clientWidth).map((c) => c.textContent),
    );
  expect(cut).toEqual([]);
  await expect(detail.getByTestId('backlog-detail-heading')).toHaveText(savedTitle);
});

test('Ctrl+Z takes back the last backlog change, through the outbox, and it stays after a reload', async ({
  openApp,
  platform,
}) => {
  const { page } = await openApp();
  await page.goto(page.url().replace(/#.*$/, '') + '#/backlog');
  await expect(page.getByTestId('backlog-count')).toHaveText('30 of 30 items');
  const id = (await rows(page).nth(0).getAttribute('data-id'))!;
  await rows(page).nth(0).click();
  const effort = page.getByTestId('backlog-detail').getByTestId('backlog-effort');
  const before = await effort.inputValue();
  const after = String(Number(before) + 1.5);

  await effort.fill(after);
  await effort.press('Enter');
  await expect(page.getByTestId('toast').filter({ hasText: 'changed from' })).toContainText(
    `Effort (weeks) changed from ${before} to ${after}`,
  );
  await expect(effort).toHaveValue(after);

  // Ctrl+Z inside a text field is the field's own undo; on the page it takes back the change.
  await page.getByRole('heading', { name: 'Platform backlog' }).click();
  await page.keyboard.press('Control+z');
  await expect(effort).toHaveValue(before);
  await expect(page.getByTestId('toast').filter({ hasText: 'Undone' })).toContainText(
    `Undone: Effort (weeks) changed from ${before} to ${after}`,
  );

  // The previous value went through the outbox like any edit: the platform holds it…
  await page.getByTestId('sync-now').click();
  await expect
    .poll(async () => {
      const { items } = await platform.api<{ items: { id: string; effort: number }[] }>(
        'GET',
        '/v1/backlog/items',
      );
      return items.find((item) => item.id === id)?.effort;
    })
    .toBe(Number(before));
  // …and a reload (the open item is in the URL) shows it again.
  await page.reload();
  await expect(page.locator('html[data-app-state="ready"]')).toBeAttached();
  await expect(page.getByTestId('backlog-detail').getByTestId('backlog-effort')).toHaveValue(before);

  // The toast's Undo button does the same for a weight.
  const weight = page.getByTestId('weight-demand');
  const savedWeight = await weight.inputValue();
  await weight.fill(String(Number(savedWeight) + 1));
  await weight.press('Enter');
  await page
    .getByTestId('toast')
    .filter({ hasText: 'Demand weight changed' })
    .getByRole('button', { name: 'Undo' })
    .click();
  await expect(weight).toHaveValue(savedWeight);
});

test('the backlog view lives in the URL: search, status, model, order and the open item come back on reload', async ({
  openApp,
}) => {
  const { page } = await openApp();
  await page.goto(page.url().replace(/#.*$/, '') + '#/backlog');
  await expect(page.getByTestId('backlog-count')).toHaveText('30 of 30 items');

  await page.getByRole('combobox', { name: 'Model' }).click();
  await page.getByRole('option', { name: 'RICE' }).click();
  await page.getByRole('columnheader', { name: 'Score' }).getByRole('button').click();
  await expect(page.getByRole('columnheader', { name: 'Score' })).toHaveAttribute('aria-sort', 'descending');
  await page.getByRole('combobox', { name: 'Status filter' }).click();
  await page.getByRole('option', { name: 'proposed' }).click();
  await expect(page.getByTestId('backlog-count')).not.toHaveText('30 of 30 items');
  const count = (await page.getByTestId('backlog-count').textContent())!;
  const id = (await rows(page).nth(1).getAttribute('data-id'))!;
  await rows(page).nth(1).click();
  await expect(page).toHaveURL(
    new RegExp(`#/backlog\\?status=proposed&model=rice&sort=score%3Adesc&item=${id}$`),
  );

  await page.reload();
  await expect(page.locator('html[data-app-state="ready"]')).toBeAttached();
  await expect(page.getByTestId('backlog-count')).toHaveText(count);
  await expect(page.getByRole('combobox', { name: 'Model' })).toHaveText(/RICE/);
  await expect(page.getByRole('combobox', { name: 'Status filter' })).toHaveText(/proposed/);
  await expect(page.getByRole('columnheader', { name: 'Score' })).toHaveAttribute('aria-sort', 'descending');
  await expect(page.locator(`[data-testid="backlog-row"][data-id="${id}"]`)).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await expect(page.getByTestId('backlog-detail')).toBeVisible();
});
