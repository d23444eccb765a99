import type { Locator, Page } from '@playwright/test';

/**
 * Chooses an option in a kit SelectField (a Radix Select, not a native <select>): opens it from
 * its trigger and clicks the option by its visible label, as a person would.
 */
export async function chooseOption(page: Page, trigger: Locator, label: string | RegExp): Promise<void> {
  await trigger.click();
  await page.getByRole('option', { name: label, exact: typeof label === 'string' }).click();
}
