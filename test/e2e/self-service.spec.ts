import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { commitFiles, resolveCommit } from '../../server/features/self-service/repositories/git-repository';
import { expect, syncState, test, type PlatformHandle } from './support/fixtures';
import { chooseOption } from './support/kit-select';
import { startWeb, type Running } from './support/processes';

/** An engineer of a demo team, signed in to browser mode with their own token. */
async function openAsEngineer(page: Page, platform: PlatformHandle, dataDir: string): Promise<Running> {
  const { items: teams } = await platform.api<{ items: { id: string }[] }>('GET', '/v1/teams');
  const teamId = teams[0]?.id ?? '';
  const user = await platform.api<{ id: string }>('POST', '/v1/users', {
    name: 'Erin Engineer',
    email: 'erin@example.com',
    role: 'engineer',
    teamIds: [teamId],
  });
  const { token } = await platform.api<{ token: string }>('POST', `/v1/users/${user.id}/tokens`, {
    name: 'e2e',
  });
  const tokenFile = join(dataDir, 'engineer-token');
  await writeFile(tokenFile, `${token}\n`);
  const web = await startWeb(join(dataDir, 'app'), { url: platform.url, tokenFile });
  await page.goto(web.url);
  await expect(page.locator('html[data-app-state="ready"]')).toBeAttached({ timeout: 120_000 });
  // The first full sync of the seeded catalog: slow when the machine is busy.
  await expect(syncState(page)).toHaveAttribute('data-state', 'online', { timeout: 120_000 });
  return web;
}

/** The message under a Create service field (the kit's Field says it as an alert). */
const fieldError = (page: Page, name: string) =>
  page.locator('.ui-field', { has: page.getByTestId(`field-${name}`) }).getByRole('alert');

/** Fills the Create service form for the HTTP template and submits it. */
async function submitCreateService(page: Page, name: string, title: string): Promise<void> {
  await page.getByTestId('nav-create-service').click();
  await page.locator('[data-testid="template-option"][data-template-id="http-service"]').click();
  await page.getByTestId('field-name').fill(name);
  await page.getByTestId('field-title').fill(title);
  await page.getByTestId('field-ownerTeamId').click();
  await page.getByRole('option').first().click();
  await page.getByTestId('create-service-submit').click();
}

async function createService(page: Page, name: string): Promise<string> {
  await submitCreateService(page, name, 'Checkout API');
  await expect(page.getByTestId('create-progress')).toHaveAttribute('data-state', 'done', {
    timeout: 60_000,
  });
  // The service.create job's own row, synced down: queued → running → succeeded.
  await expect(page.getByTestId('create-operation')).toHaveAttribute('data-status', 'succeeded');
  // Finished means the page says so: no "Creating …" left over.
  await expect(page.getByTestId('create-heading')).toHaveText(`Created ${name}`);
  await page.getByTestId('open-created-service').click();
  const servicePage = page.getByTestId('service-page');
  await expect(servicePage).toBeVisible();
  return (await servicePage.getAttribute('data-service-id')) ?? '';
}

/** Part A's provisioning dialog on the service page: a small development PostgreSQL database. */
async function requestDatabase(page: Page): Promise<void> {
  await page.getByTestId('provision-resource').click();
  await chooseOption(page, page.getByTestId('resource-kind'), 'PostgreSQL database');
  await chooseOption(page, page.getByTestId('resource-size'), 'small');
  await chooseOption(page, page.getByTestId('resource-environment'), 'development');
  await expect(page.getByTestId('resource-cost-estimate')).toContainText('$');
  await page.getByTestId('resource-confirm').click();
}

const openService = (page: Page, serviceId: string) =>
  page.evaluate(
    (hash) => {
      window.location.hash = hash;
    },
    `#/services/${encodeURIComponent(serviceId)}`,
  );

const health = (page: Page, environment: string) =>
  page.locator(`[data-testid="environment-health"][data-environment="${environment}"]`);
const liveRow = (page: Page, version: string) =>
  page.locator(`[data-testid="deployment-row"][data-status="live"][data-version="${version}"]`);
const databaseRow = (page: Page) => page.locator('[data-testid="resource-row"][data-kind="postgres"]');

test('an engineer creates a service, deploys it, watches its live log, and rolls back online; then, with the platform stopped, queues a deploy, a database and a new service that all complete after restart, and a rollback', async ({
  page,
  platform,
  dataDir,
}) => {
  test.setTimeout(300_000);
  const web = await openAsEngineer(page, platform, dataDir);
  try {
    // The form checks the template's schema field by field before anything is queued.
    await page.getByTestId('nav-create-service').click();
    await page.locator('[data-testid="template-option"][data-template-id="http-service"]').click();
    await page.getByTestId('field-name').fill('Not A Slug');
    await page.getByTestId('create-service-submit').click();
    await expect(fieldError(page, 'name')).toBeVisible();
    await expect(fieldError(page, 'title')).toHaveText('Required');
    await expect(page.getByTestId('field-name')).toBeFocused();
    await expect(page.getByTestId('field-name')).toHaveAttribute('aria-invalid', 'true');
    await page.getByTestId('field-name').fill('checkout-e2e');
    await expect(fieldError(page, 'name')).toHaveCount(0);
    await expect(page.getByTestId('create-progress')).toHaveCount(0);

    const name = 'checkout-e2e';
    const serviceId = await createService(page, name);
    await expect(health(page, 'development')).toHaveAttribute('data-state', 'healthy');

    // The Operations page's "Create service" row leads to the service it created.
    await page.evaluate(() => {
      window.location.hash = '#/operations';
    });
    const createRow = page.locator('[data-testid="operation-row"][data-kind="service.create"]').first();
    await createRow.getByRole('link', { name }).click();
    await expect(page.getByTestId('service-page')).toHaveAttribute('data-service-id', serviceId);

    // An alert rule for development, saved on the platform.
    const rule = page.locator('[data-testid="alert-rule"][data-environment="development"]');
    await expect(rule).toContainText('Platform default');
    await rule.getByTestId('alert-rule-seconds').fill('10');
    await rule.getByRole('button', { name: 'Save' }).click();
    await expect(rule).not.toContainText('Platform default');
    const rules = await platform.api<{ items: { environment: string; unhealthySeconds: number }[] }>(
      'GET',
      `/v1/services/${serviceId}/alert-rules`,
    );
    expect(rules.items).toEqual([
      expect.objectContaining({ environment: 'development', unhealthySeconds: 10 }),
    ]);
    const bareRepo = join(dataDir, 'platform', 'repositories', `${name}.git`);
    const first = await resolveCommit(bareRepo, 'main');
    await expect(liveRow(page, first.sha)).toBeVisible();

    // The live log shows the service's own structured lines, parsed into level and message.
    await expect(
      page.locator('[data-testid="log-line"][data-level="info"]', { hasText: 'listening' }).first(),
    ).toBeVisible();
    // Search, level filter, pause and download work on what was captured.
    const viewer = page.getByTestId('log-viewer');
    await viewer.getByTestId('log-search').fill('listening');
    await expect(viewer.getByTestId('log-line').first()).toContainText('listening');
    await chooseOption(page, viewer.getByTestId('log-level-filter'), 'Errors only');
    await expect(viewer.getByText('No line matches.')).toBeVisible();
    // The log's view is in the page's URL and comes back on reload.
    await expect(page).toHaveURL(/[?&]log=listening&level=error/);
    await page.reload();
    await expect(page.getByTestId('log-search')).toHaveValue('listening');
    await expect(page.getByTestId('log-level-filter')).toHaveText(/Errors only/);
    await expect(viewer.getByText('No line matches.')).toBeVisible();
    await chooseOption(page, viewer.getByTestId('log-level-filter'), 'All levels');
    await viewer.getByTestId('log-search').fill('');
    await viewer.getByTestId('log-follow').click();
    await expect(viewer).toHaveAttribute('data-following', 'false');
    const download = page.waitForEvent('download');
    await viewer.getByTestId('log-download').click();
    expect((await download).suggestedFilename()).toMatch(/-development-\d{4}-\d{2}-\d{2}\.log$/);
    await viewer.getByTestId('log-follow').click();
    await expect(viewer).toHaveAttribute('data-following', 'true');

    // A new commit, deployed from the app; then rolled back to the first version.
    const server = await readFile(
      join(
        dataDir,
        'platform',
        'runtime',
        (await page.getByTestId('service-page').getAttribute('data-service-id'))!,
        'development',
        first.sha,
        'server.js',
      ),
      'utf8',
    );
    const author = { name: 'Erin Engineer', email: 'erin@example.com' };
    const second = await commitFiles(
      bareRepo,
      new Map([['server.js', server.replace('"Hello from Pave"', '"Hello again"')]]),
      author,
      'New greeting',
    );
    await page.locator('[data-testid="deploy-button"][data-environment="development"]').click();
    await expect(liveRow(page, second.sha)).toBeVisible({ timeout: 60_000 });
    await expect(page.getByTestId('live-log')).toContainText('listening');

    await page.locator('[data-testid="rollback-button"][data-environment="development"]').click();
    await page
      .getByRole('dialog', { name: 'Roll back development?' })
      .getByRole('button', { name: 'Roll back' })
      .click();
    await expect(liveRow(page, first.sha)).toBeVisible({ timeout: 60_000 });
    await expect(
      page.locator(`[data-testid="deployment-row"][data-status="rolled_back"][data-version="${second.sha}"]`),
    ).toBeVisible();

    // Offline: a deploy, a database and a new service are queued, each with its key, and all run
    // once the platform is back.
    await platform.stop();
    await page.getByTestId('sync-now').click();
    await expect(syncState(page)).toHaveAttribute('data-state', 'offline');
    await page.locator('[data-testid="deploy-button"][data-environment="development"]').click();
    const queuedDeploy = page.getByTestId('queued-action');
    await expect(queuedDeploy).toHaveAttribute('data-status', 'pending');
    await expect(queuedDeploy).toContainText(/key \S{8}/);
    await requestDatabase(page);
    await expect(databaseRow(page)).toContainText('queued locally');
    await expect(page.getByTestId('pending-changes')).toHaveAttribute('data-count', '2');

    const offlineName = 'billing-e2e';
    await submitCreateService(page, offlineName, 'Billing API');
    await expect(page.getByTestId('create-operation')).toHaveAttribute('data-status', 'queued');
    await expect(page.getByTestId('create-operation')).toContainText('queued locally');
    await expect(page.getByTestId('create-progress')).toHaveAttribute('data-state', 'running');
    await expect(page.getByTestId('pending-changes')).toHaveAttribute('data-count', '3');

    await platform.restart();
    await page.getByTestId('sync-now').click();
    // The new service: created on the platform, deployed, healthy in development.
    await expect(page.getByTestId('create-progress')).toHaveAttribute('data-state', 'done', {
      timeout: 120_000,
    });
    await expect(page.getByTestId('create-operation')).toHaveAttribute('data-status', 'succeeded');
    await page.getByTestId('open-created-service').click();
    await expect(page.getByTestId('service-page')).toBeVisible();
    await expect(health(page, 'development')).toHaveAttribute('data-state', 'healthy', { timeout: 60_000 });
    // The first service: the queued deploy is live and its database ready.
    await openService(page, serviceId);
    await expect(liveRow(page, second.sha)).toBeVisible({ timeout: 90_000 });
    await expect(databaseRow(page)).toHaveAttribute('data-status', 'ready', { timeout: 90_000 });
    await expect(page.getByTestId('queued-action')).toHaveCount(0);
    await expect(page.getByTestId('pending-changes')).toHaveAttribute('data-count', '0');

    // And a rollback requested offline.
    await platform.stop();
    await page.getByTestId('sync-now').click();
    await expect(syncState(page)).toHaveAttribute('data-state', 'offline');
    await page.locator('[data-testid="rollback-button"][data-environment="development"]').click();
    await page
      .getByRole('dialog', { name: 'Roll back development?' })
      .getByRole('button', { name: 'Roll back' })
      .click();
    await expect(page.getByTestId('queued-action')).toHaveAttribute('data-status', 'pending');
    await platform.restart();
    await page.getByTestId('sync-now').click();
    await expect(liveRow(page, first.sha)).toBeVisible({ timeout: 90_000 });
    await expect(health(page, 'development')).toHaveAttribute('data-state', 'healthy');

    // Exactly one deploy per request: two rollbacks, and deploys of first, second, second.
    const service = await platform.api<{ items: { id: string; name: string }[] }>('GET', '/v1/services');
    const id = service.items.find((s) => s.name === name)?.id ?? '';
    const { items } = await platform.api<{ items: { version: string; rolledBackFromId: string | null }[] }>(
      'GET',
      `/v1/services/${id}/deployments?environment=development`,
    );
    expect(items.filter((d) => d.rolledBackFromId !== null)).toHaveLength(2);
    expect(items.filter((d) => d.rolledBackFromId === null).map((d) => d.version)).toEqual([
      second.sha,
      second.sha,
      first.sha,
    ]);
    // And exactly one service and one database from the requests queued offline.
    expect(service.items.filter((s) => s.name === offlineName)).toHaveLength(1);
    const resources = await platform.api<{ items: { kind: string; status: string }[] }>(
      'GET',
      `/v1/services/${id}/resources`,
    );
    expect(resources.items).toEqual([expect.objectContaining({ kind: 'postgres', status: 'ready' })]);
  } finally {
    await web.stop();
  }
});

test('an engineer provisions a database for a service they created', async ({ page, platform, dataDir }) => {
  test.setTimeout(240_000);
  const web = await openAsEngineer(page, platform, dataDir);
  try {
    await createService(page, 'ledger-e2e');
    await expect(health(page, 'development')).toHaveAttribute('data-state', 'healthy');
    await requestDatabase(page);
    await expect(databaseRow(page)).toHaveAttribute('data-status', 'ready', { timeout: 60_000 });
  } finally {
    await web.stop();
  }
});
