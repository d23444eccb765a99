import { appUrlForDeepLink } from '../../electron/main/deep-link';
import { expect, syncState, test } from './support/fixtures';

interface ServiceList {
  items: { id: string; name: string; title: string }[];
}

test('the palette finds every page, offers actions, runs an early Enter, and remembers services', async ({
  openApp,
  platform,
}) => {
  const { page } = await openApp();
  await expect(syncState(page)).toHaveAttribute('data-state', 'online');
  const palette = page.getByTestId('command-input');
  const openPalette = async () => {
    await page.keyboard.press('ControlOrMeta+k');
    await expect(palette).toBeFocused();
  };

  // A page that is only in the sidebar (no command of its own) is found by name.
  await openPalette();
  await palette.fill('roadmap');
  await expect(page.locator('[data-testid="palette-page"][data-command="nav:#/roadmap"]')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/roadmap$/);

  // Actions (the signed-in admin may start a survey); choosing one opens its form.
  await openPalette();
  await expect(page.locator('[data-testid="palette-action"][data-command="create-service"]')).toBeVisible();
  await expect(page.getByTestId('palette-shortcut').filter({ hasText: 'Search the catalog' })).toBeVisible();
  await palette.fill('new survey');
  await page.locator('[data-testid="palette-action"][data-command="new-survey"]').click();
  await expect(page.getByTestId('survey-new-form')).toBeVisible();

  // Enter typed straight after the name, before the search has answered, still opens the service.
  const { items } = await platform.api<ServiceList>('GET', '/v1/services');
  const target = items[0]!;
  await openPalette();
  await palette.pressSequentially(target.name);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('service-page')).toHaveAttribute('data-service-id', target.id);

  // On a service page: actions about this service, and the service among the recent ones.
  await openPalette();
  await expect(page.getByTestId('palette-recent').filter({ hasText: target.name })).toBeVisible();
  await palette.fill('deploy');
  await page.locator('[data-testid="palette-action"][data-command="deploy-this-service"]').click();
  await expect(page.locator('#deploy-version-development')).toBeFocused();
});

test('the palette copies a pave:// link to the view on screen, and the link opens that view again', async ({
  openApp,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const { page, web } = await openApp();
  await page.getByTestId('catalog-search').fill('pay');
  await expect(page).toHaveURL(/#\/catalog\?q=pay$/);

  await page.keyboard.press('ControlOrMeta+k');
  await page.getByTestId('command-input').fill('copy link');
  await page.locator('[data-testid="palette-action"][data-command="copy-view-link"]').click();
  await expect(page.getByTestId('toast').filter({ hasText: 'Link copied' })).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toBe('pave://catalog?q=pay');

  // The desktop app turns the link into its page's hash (electron/main/deep-link.ts): same view.
  const opened = appUrlForDeepLink(link);
  expect(opened).toBeDefined();
  await page.goto('about:blank');
  await page.goto(`${web.url}${new URL(opened ?? '').hash}`);
  await expect(page.getByTestId('catalog-search')).toHaveValue('pay');
});
