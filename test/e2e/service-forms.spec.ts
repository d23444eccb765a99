import type { Page } from '@playwright/test';
import { expect, syncState, test, type PlatformHandle } from './support/fixtures';
import { chooseOption } from './support/kit-select';

// The service page's forms (issue 11): bad input is refused at the field in plain words before
// anything is sent, and a refusal keeps the draft so the person can fix it and send again.

async function openFirstService(page: Page): Promise<string> {
  await expect(syncState(page)).toHaveAttribute('data-state', 'online', { timeout: 120_000 });
  await page.getByTestId('service-row').first().click();
  const servicePage = page.getByTestId('service-page');
  await expect(servicePage).toBeVisible();
  return (await servicePage.getAttribute('data-service-id')) ?? '';
}

const pendingCount = (page: Page) => page.getByTestId('pending-changes');

test('the service edit form refuses an empty title and a long tag at their fields, keeps the draft, and saves once fixed', async ({
  openApp,
  platform,
}) => {
  const { page } = await openApp();
  const serviceId = await openFirstService(page);
  await page.getByTestId('service-edit').click();
  const form = page.getByTestId('service-edit-form');
  const title = form.getByLabel('Title');
  const tags = form.getByLabel('Tags');

  await title.fill('   ');
  await tags.fill(`payments, ${'x'.repeat(51)}`);
  await form.getByTestId('service-edit-save').click();
  await expect(title).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByRole('alert').filter({ hasText: 'Title is required' })).toBeVisible();
  await expect(
    form.getByRole('alert').filter({ hasText: 'Tag 2 must be at most 50 characters' }),
  ).toBeVisible();
  // Nothing raw reaches the screen, and nothing was queued.
  await expect(form).not.toContainText('tags.1');
  await expect(form).not.toContainText('Too big');
  await expect(pendingCount(page)).toHaveAttribute('data-count', '0');
  // The draft is still there to fix.
  await expect(tags).toHaveValue(`payments, ${'x'.repeat(51)}`);

  await title.fill('Payments, edited');
  await tags.fill('payments, edited');
  await chooseOption(page, form.getByTestId('service-edit-tier'), 'Tier 2');
  await form.getByTestId('service-edit-save').click();
  await expect(form).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Payments, edited');
  await expect
    .poll(async () => {
      const service = await platform.api<{ title: string; tier: number; tags: string[] }>(
        'GET',
        `/v1/services/${serviceId}`,
      );
      return [service.title, service.tier, service.tags];
    })
    .toEqual(['Payments, edited', 2, ['payments', 'edited']]);
});

test('an alert rule refuses bad seconds at the field; a save the platform cannot take keeps the draft for a resend', async ({
  openApp,
  platform,
}) => {
  const { page } = await openApp();
  const serviceId = await openFirstService(page);
  const rule = page.locator('[data-testid="alert-rule"][data-environment="staging"]');
  const seconds = rule.getByTestId('alert-rule-seconds');
  await rule.scrollIntoViewIfNeeded();

  await seconds.fill('0');
  await rule.getByRole('button', { name: 'Save' }).click();
  await expect(rule.getByRole('alert')).toHaveText('Seconds must be at least 1');
  await expect(seconds).toHaveAttribute('aria-invalid', 'true');
  await seconds.fill('soon');
  await rule.getByRole('button', { name: 'Save' }).click();
  await expect(rule.getByRole('alert')).toHaveText('Seconds must be a number');

  // The platform is gone: the refusal is said in the form and the typed value stays.
  await platform.stop();
  await seconds.fill('45');
  await rule.getByRole('button', { name: 'Save' }).click();
  await expect(rule.getByRole('alert')).toBeVisible();
  await expect(rule.getByRole('alert')).not.toContainText('undefined');
  await expect(seconds).toHaveValue('45');

  await platform.restart();
  await rule.getByRole('button', { name: 'Save' }).click();
  // While the platform answers, the button reads "Saving…"; it goes once the rule is saved.
  await expect(rule.getByRole('button', { name: /^(Save|Saving…)$/ })).toHaveCount(0);
  await expect(rule.getByRole('alert')).toHaveCount(0);
  const rules = async (p: PlatformHandle) =>
    (
      await p.api<{ items: { environment: string; unhealthySeconds: number; enabled: boolean }[] }>(
        'GET',
        `/v1/services/${serviceId}/alert-rules`,
      )
    ).items.find((r) => r.environment === 'staging');
  expect(await rules(platform)).toEqual(expect.objectContaining({ unhealthySeconds: 45, enabled: true }));

  // Alerts off is a switch that takes effect at once.
  await rule.getByTestId('alert-rule-enabled').click();
  await expect(rule).toHaveAttribute('data-enabled', 'false');
  await expect.poll(async () => (await rules(platform))?.enabled).toBe(false);
  await expect(seconds).toHaveValue('45');
});

test('the new-flag form refuses a bad rollout and an over-long description at their fields before anything is queued', async ({
  openApp,
}) => {
  const { page } = await openApp();
  await openFirstService(page);
  const section = page.getByTestId('flags-section');
  await section.scrollIntoViewIfNeeded();
  await section.getByTestId('flag-new').click();
  const form = page.getByTestId('flag-form');

  await form.getByTestId('flag-key').fill('fast-search');
  await form.getByTestId('flag-new-rollout').fill('150');
  await form.getByTestId('flag-description').fill('d'.repeat(501));
  await expect(form.getByTestId('flag-new-rollout')).toHaveAttribute('aria-invalid', 'true');
  await expect(
    form.getByRole('alert').filter({ hasText: 'Enter a whole number from 0 to 100.' }),
  ).toBeVisible();
  await expect(
    form.getByRole('alert').filter({ hasText: 'The description must be at most 500 characters' }),
  ).toBeVisible();
  await expect(form.getByTestId('flag-create')).toBeDisabled();
  await expect(pendingCount(page)).toHaveAttribute('data-count', '0');

  // Fixed, it is created in the environment chosen, and the form's draft was never lost.
  await form.getByTestId('flag-new-rollout').fill('25');
  await form.getByTestId('flag-description').fill('Search as you type');
  await chooseOption(page, form.getByTestId('flag-environment'), 'staging');
  await expect(form.getByTestId('flag-key')).toHaveValue('fast-search');
  await form.getByTestId('flag-create').click();
  const row = page.locator('[data-testid="flag-row"][data-key="fast-search"][data-environment="staging"]');
  await expect(row).toBeVisible();
  await expect(row.getByTestId('flag-rollout')).toHaveValue('25');
  await expect(row.getByTestId('flag-toggle')).toHaveAttribute('aria-checked', 'false');
});
