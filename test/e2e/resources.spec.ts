import { expect, test } from './support/fixtures';
import { chooseOption } from './support/kit-select';

test('provision a database from the service page, watch its operation succeed, set a secret', async ({
  openApp,
}) => {
  test.setTimeout(180_000);
  const { page } = await openApp();
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-state', 'online');
  await page.getByTestId('service-row').first().click();
  await expect(page.getByTestId('service-page')).toBeVisible();

  // The estimate is on screen before anything is confirmed, and follows the chosen size.
  await page.getByTestId('provision-resource').click();
  await chooseOption(page, page.getByTestId('resource-kind'), 'PostgreSQL database');
  await chooseOption(page, page.getByTestId('resource-size'), 'medium');
  await chooseOption(page, page.getByTestId('resource-environment'), 'staging');
  await expect(page.getByTestId('resource-cost-estimate')).toHaveText('Estimated $60 / month');
  await chooseOption(page, page.getByTestId('resource-size'), 'small');
  await expect(page.getByTestId('resource-cost-estimate')).toHaveText('Estimated $15 / month');
  await page.getByTestId('resource-confirm').click();

  const row = page.locator('[data-testid="resource-row"][data-kind="postgres"]');
  await expect(row).toHaveCount(1);
  await expect(row).toHaveAttribute('data-status', 'ready', { timeout: 60_000 });
  await expect(row).toContainText('DATABASE_URL');

  // The operations page lists it; its detail shows the final status and the live log.
  await page.getByTestId('nav-operations').click();
  const operation = page.locator('[data-testid="operation-row"][data-kind="resource.provision"]');
  await expect(operation).toHaveCount(1);
  await expect(operation).toHaveAttribute('data-status', 'succeeded', { timeout: 60_000 });
  await operation.getByRole('link', { name: /Provision/ }).click();
  await expect(page.getByTestId('operation-status')).toHaveAttribute('data-status', 'succeeded');
  const log = page.getByTestId('operation-log');
  await expect(log).toContainText('credentials stored as secrets DATABASE_URL');
  await expect(log).toContainText('succeeded');

  // A secret: typed once into a password field, then only its name and time are shown.
  await page.goBack();
  await page.goBack();
  await expect(page.getByTestId('service-page')).toBeVisible();
  await page.getByTestId('secret-set').click();
  await chooseOption(page, page.getByTestId('secret-environment'), 'staging');
  await page.getByTestId('secret-name').fill('PAYMENT_API_KEY');
  await expect(page.getByTestId('secret-value')).toHaveAttribute('type', 'password');
  await page.getByTestId('secret-value').fill('pk_live_e2e_value_123');
  await page.getByTestId('secret-save').click();
  const secret = page.locator(
    '[data-testid="secret-row"][data-name="PAYMENT_API_KEY"][data-environment="staging"]',
  );
  await expect(secret).toBeVisible();
  await expect(page.getByTestId('secret-value')).toHaveCount(0);
  await expect(page.getByTestId('service-page')).not.toContainText('pk_live_e2e_value_123');
  // The database's own credentials are listed too, as resource-managed.
  await expect(
    page.locator('[data-testid="secret-row"][data-name="DATABASE_URL"][data-environment="staging"]'),
  ).toContainText('resource credentials');
});
