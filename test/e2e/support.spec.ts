import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';

const rows = (page: Page) => page.getByTestId('support-row');
const count = (page: Page) => page.getByTestId('support-count');

/** Picks `option` in the kit's select `testId` (Radix: open it, then choose). */
async function choose(page: Page, testId: string, option: string) {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: option, exact: true }).click();
  await expect(page.getByTestId(testId)).toHaveText(new RegExp(`^${option.replace(/[()]/g, '\\$&')}`));
}

/**
 * The demo org's six support requests (filed 55, 110, … 330 minutes before seeding; the lead answered
 * the 1st, 3rd and 5th): filters, search and sort narrow and order the list; the keyboard opens one.
 */
test('support intake: filters, search and sort narrow the list; arrows select and Enter opens', async ({
  openApp,
}) => {
  const { page } = await openApp();
  await page.goto(page.url().replace(/#.*$/, '') + '#/support');
  await expect(count(page)).toHaveText('6 of 6');
  await expect(rows(page)).toHaveCount(6);

  await choose(page, 'support-filter-tier', 'Direct');
  await expect(count(page)).toHaveText('1 of 6');
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toHaveAttribute('data-tier', 'direct');
  await choose(page, 'support-filter-tier', 'Any tier');

  await choose(page, 'support-filter-status', 'Waiting on requester');
  await expect(rows(page)).toHaveCount(3);
  for (const status of await rows(page).evaluateAll((els) => els.map((e) => e.getAttribute('data-status'))))
    expect(status).toBe('answered');
  // Filters combine: open community requests are only the unanswered 4-hour one, long overdue.
  await choose(page, 'support-filter-status', 'Open');
  await choose(page, 'support-filter-tier', 'Community');
  await expect(count(page)).toHaveText('1 of 6');
  await expect(rows(page).first()).toHaveAttribute('data-request-id', 'support-06');
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(count(page)).toHaveText('6 of 6');

  await choose(page, 'support-filter-sla', 'Breached');
  await expect(rows(page)).toHaveCount(2);
  await choose(page, 'support-filter-sla', 'Any SLA state');
  await choose(page, 'support-filter-capability', 'secrets');
  await expect(rows(page)).toHaveCount(2);
  await choose(page, 'support-filter-capability', 'Any capability');
  await page.getByTestId('support-search').fill('read replica');
  await expect(count(page)).toHaveText('1 of 6');
  await expect(rows(page).first()).toContainText('How do I add a read replica?');
  await page.getByTestId('support-search').fill('');
  await expect(count(page)).toHaveText('6 of 6');

  // Most urgent first: the production issue (15-minute target) is the most overdue.
  await choose(page, 'support-sort', 'SLA due (soonest first)');
  await expect(rows(page).first()).toHaveAttribute('data-request-id', 'support-02');
  await expect(rows(page).nth(1)).toHaveAttribute('data-request-id', 'support-06');

  // The view is in the URL: a reload (or a shared link) shows the same list.
  await choose(page, 'support-filter-status', 'Open');
  await expect(page).toHaveURL(/#\/support\?status=open&sort=slaDue%3Aasc$/);
  const openCount = await count(page).textContent();
  await page.reload();
  await expect(page.locator('html[data-app-state="ready"]')).toBeAttached();
  await expect(page.getByTestId('support-filter-status')).toHaveText(/^Open/);
  await expect(page.getByTestId('support-sort')).toHaveText(/^SLA due/);
  await expect(count(page)).toHaveText(openCount!);
  await expect(rows(page).first()).toHaveAttribute('data-request-id', 'support-02');
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page).toHaveURL(/#\/support\?sort=slaDue%3Aasc$/);
  await expect(count(page)).toHaveText('6 of 6');

  // Keyboard: ↓ selects the first row, ↓ the second, Enter opens it.
  await page.getByTestId('support-list').focus();
  await page.keyboard.press('ArrowDown');
  await expect(rows(page).first()).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowDown');
  await expect(rows(page).nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('support-detail')).toHaveCount(0);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('support-detail').getByRole('heading')).toHaveText(
    'How do I add a read replica?',
  );
});
