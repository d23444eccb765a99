import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, syncState, test } from './support/fixtures';
import { startWeb, type Running } from './support/processes';

const folder = fileURLToPath(new URL('../fixtures/backstage/e2e-folder/', import.meta.url));

// Issue 14's journey: a lead picks a folder of Backstage files, reads the dry run, applies it,
// watches the import operation, and finds the services in the catalog with their owners.
test('a lead imports a folder of Backstage catalog files and finds the services in the catalog', async ({
  page,
  platform,
  dataDir,
}) => {
  test.setTimeout(240_000);
  const lead = await platform.api<{ id: string }>('POST', '/v1/users', {
    name: 'Lena',
    email: 'lena@backstage.example.com',
    role: 'lead',
  });
  const { token } = await platform.api<{ token: string }>('POST', `/v1/users/${lead.id}/tokens`, {
    name: 'e2e',
  });
  const tokenFile = join(dataDir, 'lena.token');
  await writeFile(tokenFile, token);

  let web: Running | null = null;
  try {
    web = await startWeb(join(dataDir, 'app'), { url: platform.url, tokenFile });
    await page.goto(web.url);
    await expect(page.locator('html[data-app-state="ready"]')).toBeAttached({ timeout: 120_000 });
    await expect(syncState(page)).toHaveAttribute('data-state', 'online', { timeout: 120_000 });

    await page.getByTestId('nav-catalog-import').click();
    await page.getByTestId('backstage-folder').setInputFiles(folder);
    await expect(page.getByTestId('backstage-picked')).toHaveText('2 YAML files');

    // The dry run: one row per document, with file, document index and reason.
    await page.getByTestId('backstage-dry-run').click();
    await expect(page.getByTestId('backstage-report-summary')).toHaveText(
      '3 to create, 0 to update, 0 unchanged, 1 refused, 1 skipped.',
    );
    const rows = page.getByTestId('backstage-report-row');
    await expect(rows).toHaveCount(5);
    const refused = rows.and(page.locator('[data-outcome="refused"]'));
    await expect(refused).toContainText('e2e-folder/ledger/catalog-info.yaml');
    await expect(refused).toContainText("owner user:default/jane: Pave's services are owned by teams");
    await expect(rows.and(page.locator('[data-outcome="skipped"]'))).toContainText('kind User');

    // Apply: one operation, watched until it succeeds.
    await page.getByTestId('backstage-apply').click();
    await expect(page.getByTestId('backstage-import-status')).toHaveAttribute('data-status', 'succeeded', {
      timeout: 60_000,
    });
    await expect(page.getByTestId('backstage-import-log')).toContainText(
      'import done: 3 created, 0 updated, 0 unchanged, 1 refused, 1 skipped',
    );

    // The catalog shows the services with their owners (synced to the app like any change).
    await page.getByRole('link', { name: 'Catalog', exact: true }).click();
    await page.getByTestId('catalog-search').fill('e2e-ledger');
    const catalogRows = page.getByTestId('service-row');
    await expect(catalogRows).toHaveCount(2);
    await expect(catalogRows.filter({ hasText: 'e2e-ledger-api' })).toContainText('Ledgers');
    await expect(catalogRows.filter({ hasText: 'e2e-ledger-reports' })).toContainText('Payments');

    // Offline, the page says importing needs the platform and offers nothing to click.
    await platform.stop();
    await expect(syncState(page)).toHaveAttribute('data-state', 'offline', { timeout: 60_000 });
    await page.getByTestId('nav-catalog-import').click();
    await expect(page.getByTestId('backstage-offline')).toBeVisible();
  } finally {
    await web?.stop();
  }
});
