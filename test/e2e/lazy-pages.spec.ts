import { expect, test } from './support/fixtures';

// Pages other than the catalog load their code on first visit (renderer/shell/lazy-page.ts).
test('the catalog paints without the other pages’ code; a page’s code loads on its first visit, busy meanwhile', async ({
  openApp,
  page,
}) => {
  const scripts: string[] = [];
  const errors: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });
  // CSP refusals and failed chunk loads show up here.
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  // The metrics page's code is held back until the test has seen the loading state.
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/MetricsPage-[\w-]+\.js$/, async (route) => {
    await released;
    await route.continue();
  });

  await openApp();
  await expect(page.getByTestId('service-row').first()).toBeVisible();
  expect(scripts.some((path) => path.includes('/MetricsPage-'))).toBe(false);
  expect(scripts.some((path) => path.includes('/SurveysPage-'))).toBe(false);

  await page.getByTestId('nav-metrics').click();
  await expect(page.getByTestId('page-loading')).toBeVisible();
  await expect(page.locator('main.app-main')).toHaveAttribute('aria-busy', 'true');
  release();
  await expect(page.getByTestId('metrics-page')).toBeVisible();
  await expect(page.getByTestId('page-loading')).toHaveCount(0);
  await expect(page.locator('main.app-main')).toHaveAttribute('aria-busy', 'false');
  expect(scripts.some((path) => path.includes('/MetricsPage-'))).toBe(true);

  // Another lazily loaded page, and back to the catalog, which never waits for code.
  await page.getByTestId('nav-surveys').click();
  await expect(page.getByTestId('surveys-page')).toBeVisible();
  await page.locator('nav.sidebar a[href="#/catalog"]').click();
  await expect(page.getByTestId('service-row').first()).toBeVisible();
  expect(errors).toEqual([]);
});
