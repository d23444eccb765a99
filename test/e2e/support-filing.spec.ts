import type { Page } from '@playwright/test';
import { expect, syncState, test } from './support/fixtures';

const rows = (page: Page) => page.getByTestId('support-row');
const count = (page: Page) => page.getByTestId('support-count');
const form = (page: Page) => page.getByTestId('support-new-form');

/** Long on purpose: the old list cut titles to "Depl…" at 1024 px. */
const TITLE = 'Deploys to staging hang at "waiting for canary" for the checkout service since this morning';

/**
 * Filing from the app (issue 11, point 4): the shared schema refuses an empty title before anything
 * is sent, the fixed draft is filed and reaches the platform with its SLA clock, the table shows the
 * whole title, and a reply sent with Ctrl+Enter shows at once.
 */
test('support: a request is checked, filed, shown in full and answered', async ({ openApp, platform }) => {
  const { page } = await openApp();
  await page.setViewportSize({ width: 1024, height: 768 });
  await expect(syncState(page)).toHaveAttribute('data-state', 'online');
  await page.goto(page.url().replace(/#.*$/, '') + '#/support');
  await expect(count(page)).toHaveText('6 of 6');

  // The table has headers and each status is a badge of its own.
  await expect(page.getByRole('columnheader')).toHaveText([
    'Title',
    'Kind',
    'Capability',
    'Status',
    'SLA',
    'Age',
  ]);
  await expect(page.locator('[data-request-id="support-06"]').getByTestId('support-row-status')).toHaveText(
    'Open',
  );

  await page.getByTestId('support-new').click();
  await expect(page.getByTestId('support-new-title')).toBeFocused();
  await page.getByTestId('support-file').click();
  await expect(form(page).getByRole('alert').filter({ hasText: 'Title is required' })).toBeVisible();
  await expect(form(page).getByRole('alert').filter({ hasText: 'Capability is required' })).toBeVisible();
  await expect(page.getByTestId('support-new-title')).toHaveAttribute('aria-invalid', 'true');
  // Nothing was sent: no change waits and the list is unchanged.
  await expect(page.getByTestId('pending-changes')).toHaveAttribute('data-count', '0');
  await expect(count(page)).toHaveText('6 of 6');

  await page.getByTestId('support-new-title').fill(TITLE);
  await page.getByTestId('support-new-body').fill('Three deploys in a row, all stuck.');
  await form(page)
    .getByRole('radio', { name: /^Blocking/ })
    .click();
  await page.getByTestId('support-new-capability').click();
  await page.getByRole('option').first().click();
  await page.getByTestId('support-file').click();

  await expect(form(page)).toHaveCount(0);
  await expect(page.getByTestId('toast').filter({ hasText: 'Request filed' })).toBeVisible();
  await expect(count(page)).toHaveText('7 of 7');
  const row = rows(page).filter({ hasText: TITLE });
  await expect(row).toHaveCount(1);
  await expect(row).toHaveAttribute('data-status', 'open');
  // The whole title is there and nothing of it is clipped, even with the detail panel open at 1024 px.
  const title = row.getByTestId('support-row-title');
  await expect(title).toHaveText(TITLE);
  const clipped = await title.evaluate((el) => {
    const cell = el.closest('[role="gridcell"]')!;
    return el.scrollWidth > el.clientWidth || cell.scrollHeight > cell.clientHeight + 1;
  });
  expect(clipped).toBe(false);

  // The new request is open; an empty reply is refused by the field, a real one shows at once.
  const detail = page.getByTestId('support-detail');
  await expect(detail.getByRole('heading')).toHaveText(TITLE);
  await detail.getByTestId('support-reply-send').click();
  await expect(detail.getByRole('alert')).toHaveText('The reply is required');
  const reply = detail.getByTestId('support-reply-body');
  await reply.fill('Adding logs from the last run.');
  await reply.press('ControlOrMeta+Enter');
  await expect(detail.getByTestId('support-reply')).toContainText(['Adding logs from the last run.']);
  await expect(reply).toHaveValue('');
  await expect(page.getByTestId('toast').filter({ hasText: 'Reply sent' })).toBeVisible();

  // Both changes reach the platform, which answers the request with its SLA clock.
  await expect(page.getByTestId('pending-changes')).toHaveAttribute('data-count', '0', { timeout: 30_000 });
  const id = (await row.getAttribute('data-request-id'))!;
  await expect
    .poll(async () => {
      const onPlatform = await platform.api<{
        title: string;
        kind: string;
        replies: { body: string }[];
        slaState: string;
        slaDueAt: string | null;
      }>('GET', `/v1/support/requests/${id}`);
      return {
        title: onPlatform.title,
        kind: onPlatform.kind,
        replies: onPlatform.replies.map((r) => r.body),
        hasSla: typeof onPlatform.slaState === 'string',
      };
    })
    .toEqual({ title: TITLE, kind: 'blocking', replies: ['Adding logs from the last run.'], hasSla: true });

  // Resolving asks first (the requester sees it); Cancel leaves the request open.
  await detail.getByRole('button', { name: 'Resolve…' }).click();
  const confirm = page.getByRole('dialog', { name: 'Resolve this request?' });
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(confirm).toHaveCount(0);
  await expect(row).toHaveAttribute('data-status', 'open');
  await detail.getByRole('button', { name: 'Resolve…' }).click();
  await confirm.getByRole('button', { name: 'Resolve' }).click();
  await expect(page.getByTestId('toast').filter({ hasText: 'Request resolved' })).toBeVisible();
  await expect(row).toHaveAttribute('data-status', 'resolved');
});

/** The palette's action opens the form; filed offline, the request is queued and says so. */
test('support: filed offline from the palette, a request is queued and shown at once', async ({
  openApp,
  platform,
}) => {
  const { page } = await openApp();
  await expect(syncState(page)).toHaveAttribute('data-state', 'online');
  await platform.stop();
  await page.getByTestId('sync-now').click();
  await expect(syncState(page)).toHaveAttribute('data-state', 'offline');

  await page.keyboard.press('ControlOrMeta+k');
  await page.getByTestId('command-input').fill('support request');
  await expect(
    page.locator('[data-testid="palette-action"][data-command="file-support-request"]'),
  ).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(form(page)).toBeVisible();

  await page.getByTestId('support-new-title').fill('Where are the runbooks?');
  await page.getByTestId('support-new-capability').click();
  await page.getByRole('option').first().click();
  await page.getByTestId('support-new-title').press('Enter');

  await expect(page.getByTestId('toast').filter({ hasText: 'Request queued' })).toContainText(
    'It will be sent when the platform is reachable.',
  );
  await expect(page.getByTestId('pending-changes')).toHaveAttribute('data-count', '1');
  await expect(rows(page).filter({ hasText: 'Where are the runbooks?' })).toHaveCount(1);
});
