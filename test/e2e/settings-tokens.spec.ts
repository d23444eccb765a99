import { expect, test } from './support/fixtures';

// Issue 13, finding 6: Settings → Tokens creates (secret shown once, Copy), lists and revokes
// (confirm dialog, by keyboard); revoked tokens get 401 token_revoked; offline it says so.
test('creates, copies, lists and revokes a token from Settings, by keyboard', async ({
  openApp,
  platform,
}) => {
  const { page } = await openApp();
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.evaluate(() => {
    window.location.hash = '#/settings';
  });
  const section = page.getByTestId('settings-tokens');
  await expect(section.getByTestId('tokens-table')).toBeVisible();

  // Create: name and expiry, submitted with Enter.
  await section.getByTestId('token-name').fill('CI deploy script');
  await section.getByTestId('token-expiry').click();
  await page.getByRole('option', { name: '7 days' }).click();
  await section.getByTestId('token-name').press('Enter');
  const secret = section.getByTestId('token-secret');
  await expect(secret).toHaveText(/^pave_\S{20,}$/);
  const token = (await secret.textContent()) ?? '';

  await section.getByTestId('token-copy').click();
  await expect(section.getByTestId('token-copy')).toHaveText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);

  // The secret works, and the list shows the token with its expiry but never the secret.
  const asToken = (path: string) =>
    fetch(`${platform.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  expect((await asToken('/v1/tokens')).status).toBe(200);
  const row = section.locator('[data-testid="token-row"][data-token-name="CI deploy script"]');
  await expect(row).toHaveAttribute('data-status', 'active');
  // Expires column (7 days out), not "never".
  await expect(row.locator('td').nth(3)).not.toHaveText('never');
  await section.getByTestId('token-issued-done').click();
  await expect(section.getByTestId('token-secret')).toHaveCount(0);
  await expect(section).not.toContainText(token);

  // Revoke by keyboard: Escape cancels the confirm, Tab + Enter confirms.
  await row.getByTestId('token-revoke').focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByTestId('token-revoke-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('token-revoke-cancel')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(row).toHaveAttribute('data-status', 'active');

  await row.getByTestId('token-revoke').focus();
  await page.keyboard.press('Enter');
  await expect(dialog.getByTestId('token-revoke-cancel')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(dialog.getByTestId('token-revoke-confirm')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(row).toHaveAttribute('data-status', 'revoked');
  const refused = await asToken('/v1/tokens');
  expect(refused.status).toBe(401);
  expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('token_revoked');

  // Offline: tokens live on the platform, and the section says so.
  await platform.stop();
  await page.reload();
  await expect(page.locator('html[data-app-state="ready"]')).toBeAttached();
  await expect(page.getByTestId('tokens-offline')).toBeVisible({ timeout: 30_000 });
});
