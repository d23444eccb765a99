import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';

const rows = (page: Page) => page.getByTestId('support-row');
const count = (page: Page) => page.getByTestId('support-count');

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

  await page.getByTestId('support-filter-tier').selectOption('direct');
  await expect(count(page)).toHaveText('1 of 6');
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toHaveAttribute('data-tier', 'direct');
  await page.getByTestId('support-filter-tier').selectOption('');

  await page.getByTestId('support-filter-status').selectOption('answered');
  await expect(rows(page)).toHaveCount(3);
  for (const status of await rows(page).evaluateAll((els) => els.map((e) => e.getAttribute('data-status'))))
    expect(status).toBe('answered');
  // Filters combine: open community requests are only the unanswered 4-hour one, long overdue.
  await page.getByTestId('support-filter-status').selectOption('open');
  await page.getByTestId('support-filter-tier').selectOption('community');
  await expect(count(page)).toHaveText('1 of 6');
  await expect(rows(page).first()).toHaveAttribute('data-request-id', 'support-06');
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(count(page)).toHaveText('6 of 6');

  await page.getByTestId('support-filter-sla').selectOption('breached');
  await expect(rows(page)).toHaveCount(2);
  await page.getByTestId('support-filter-sla').selectOption('');
  await page.getByTestId('support-filter-capability').selectOption('secrets');
  await expect(rows(page)).toHaveCount(2);
  await page.getByTestId('support-filter-capability').selectOption('');
  await page.getByTestId('support-search').fill('read replica');
  await expect(count(page)).toHaveText('1 of 6');
  await expect(rows(page).first()).toContainText('How do I add a read replica?');
  await page.getByTestId('support-search').fill('');
  await expect(count(page)).toHaveText('6 of 6');

  // Most urgent first: the production issue (15-minute target) is the most overdue.
  await page.getByTestId('support-sort').selectOption('slaDue:asc');
  await expect(rows(page).first()).toHaveAttribute('data-request-id', 'support-02');
  await expect(rows(page).nth(1)).toHaveAttribute('data-request-id', 'support-06');

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
