import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';

/** Picks `option` in the kit's select `testId` (Radix: open it, then choose). */
async function choose(page: Page, testId: string, option: string) {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: option, exact: true }).click();
  await expect(page.getByTestId(testId)).toHaveText(new RegExp(`^${option.replace(/[()]/g, '\\$&')}`));
}

const base = (page: Page) => page.url().replace(/#.*$/, '');

/**
 * The operations list's filters and sort live in its URL (issue 11, point 9): a chosen view is
 * written there, a reload restores it, and a shared link opens it; unknown values are ignored.
 */
test('operations: filters and sort are kept in the URL and restored on reload', async ({ openApp }) => {
  const { page } = await openApp();
  await page.goto(`${base(page)}#/operations`);
  await expect(page.getByTestId('operations-page')).toBeVisible();
  await expect(page.getByTestId('operations-count')).toHaveText(/operations$/);

  await choose(page, 'operations-filter-status', 'failed');
  await choose(page, 'operations-filter-kind', 'Deploy');
  await choose(page, 'operations-sort', 'Oldest first');
  await expect(page).toHaveURL(/#\/operations\?status=failed&kind=service\.deploy&sort=created%3Aasc$/);

  await page.reload();
  await expect(page.locator('html[data-app-state="ready"]')).toBeAttached();
  await expect(page.getByTestId('operations-filter-status')).toHaveText(/^failed/);
  await expect(page.getByTestId('operations-filter-kind')).toHaveText(/^Deploy/);
  await expect(page.getByTestId('operations-sort')).toHaveText(/^Oldest first/);
  await expect(page.getByTestId('operations-count')).toHaveText(/^\d[\d,]* of \d[\d,]*$/);
  for (const row of await page.getByTestId('operation-row').all()) {
    await expect(row).toHaveAttribute('data-status', 'failed');
    await expect(row).toHaveAttribute('data-kind', 'service.deploy');
  }

  // A shared link with a value the app does not know opens the plain list instead of a broken one.
  await page.goto(`${base(page)}#/operations?status=exploded&kind=resource.provision`);
  await page.reload();
  await expect(page.locator('html[data-app-state="ready"]')).toBeAttached();
  await expect(page.getByTestId('operations-filter-status')).toHaveText(/^Any status/);
  await expect(page.getByTestId('operations-filter-kind')).toHaveText(/^Provision/);
  await expect(page).toHaveURL(/#\/operations\?kind=resource\.provision$/);
});

/** Incidents: the status filter is kept in the URL too. */
test('incidents: the status filter is kept in the URL and restored on reload', async ({ openApp }) => {
  const { page } = await openApp();
  await page.goto(`${base(page)}#/incidents`);
  await expect(page.getByTestId('incidents-page')).toBeVisible();
  await choose(page, 'incidents-filter-status', 'Resolved');
  await expect(page).toHaveURL(/#\/incidents\?status=resolved$/);
  await page.reload();
  await expect(page.locator('html[data-app-state="ready"]')).toBeAttached();
  await expect(page.getByTestId('incidents-filter-status')).toHaveText(/^Resolved/);
  for (const row of await page.getByTestId('incident-row').all()) {
    await expect(row).toHaveAttribute('data-status', 'resolved');
  }
});
