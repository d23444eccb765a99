import { expect, test } from './support/fixtures';

// The renderer is one classic script (vite.config.ts: Chromium keeps V8's code cache for classic
// scripts only); pages other than the catalog are evaluated on their first visit
// (renderer/shell/lazy-page.ts) and show their loading state until then.
test('the app is one deferred classic script; every lazily evaluated page opens from it without errors', async ({
  openApp,
  page,
}) => {
  const scripts: string[] = [];
  const errors: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });
  // CSP refusals and failed loads show up here.
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));

  await openApp();
  await expect(page.getByTestId('service-row').first()).toBeVisible();
  const tags = await page.locator('script').evaluateAll((elements) =>
    elements.map((element) => ({
      type: element.getAttribute('type'),
      defer: element.hasAttribute('defer'),
    })),
  );
  expect(tags).toEqual([{ type: null, defer: true }]);

  await page.getByTestId('nav-metrics').click();
  await expect(page.getByTestId('metrics-page')).toBeVisible();
  await expect(page.getByTestId('page-loading')).toHaveCount(0);
  await expect(page.locator('main.app-main')).toHaveAttribute('aria-busy', 'false');
  await page.getByTestId('nav-surveys').click();
  await expect(page.getByTestId('surveys-page')).toBeVisible();
  await page.locator('nav.sidebar a[href="#/catalog"]').click();
  await expect(page.getByTestId('service-row').first()).toBeVisible();

  // Nothing else was fetched: the pages came from the one script.
  expect(scripts).toHaveLength(1);
  expect(scripts[0]).toMatch(/^\/assets\/index-[\w-]+\.js$/);
  expect(errors).toEqual([]);
});
