import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';

const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
const LIGHT = 'rgb(255, 255, 255)';
const DARK = 'rgb(21, 21, 24)';

// Issue 11, "light and dark": the theme follows the OS until the user picks one; the pick is kept.
test('choosing Dark in Settings turns the app dark, survives a reload, and the palette switches back', async ({
  openApp,
}) => {
  const { page } = await openApp();
  await page.emulateMedia({ colorScheme: 'light' });
  await expect.poll(() => background(page)).toBe(LIGHT);

  await page.getByRole('link', { name: 'Settings' }).click();
  const choice = page.getByTestId('appearance-choice');
  await expect(choice.getByRole('radio', { name: /^System/ })).toHaveAttribute('aria-checked', 'true');
  await choice.getByRole('radio', { name: /^Dark/ }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect.poll(() => background(page)).toBe(DARK);

  // Kept across a restart of the window, and it wins over the OS's light setting.
  await page.reload();
  await expect(page.locator('html[data-app-state="ready"]')).toBeAttached();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect.poll(() => background(page)).toBe(DARK);
  await expect(page.getByTestId('appearance-choice').getByRole('radio', { name: /^Dark/ })).toHaveAttribute(
    'aria-checked',
    'true',
  );

  // The palette offers the other theme, and choosing it applies at once.
  await page.keyboard.press('ControlOrMeta+k');
  await page.getByTestId('command-input').fill('theme');
  await page
    .locator('[data-testid="palette-action"][data-command="switch-theme"]')
    .filter({ hasText: 'Switch to light theme' })
    .click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await expect.poll(() => background(page)).toBe(LIGHT);

  // System again: the OS decides (dark here).
  await page
    .getByTestId('appearance-choice')
    .getByRole('radio', { name: /^System/ })
    .click();
  await expect(page.locator('html')).not.toHaveAttribute('data-theme');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(() => background(page)).toBe(DARK);
});
