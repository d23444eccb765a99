import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { Operation } from '../../shared/features/operations/api';
import { commitFiles } from '../../server/features/self-service/repositories/git-repository';
import { expect, syncState, test, type PlatformHandle } from './support/fixtures';
import { chooseOption } from './support/kit-select';

/** Queues a deploy through the API and waits for its operation to succeed (set-up, not under test). */
async function deployed(platform: PlatformHandle, serviceId: string, environment: string, version: string) {
  const { operationId } = await platform.api<{ operationId: string }>(
    'POST',
    `/v1/services/${serviceId}/deployments`,
    { environment, version },
  );
  await expect
    .poll(async () => (await platform.api<Operation>('GET', `/v1/operations/${operationId}`)).status, {
      timeout: 120_000,
    })
    .toBe('succeeded');
}

const card = (page: Page, environment: string) =>
  page
    .locator('.environment-card')
    .filter({ has: page.locator(`[data-testid="rollback-button"][data-environment="${environment}"]`) });
const liveVersion = (page: Page, environment: string) =>
  page.locator(`[data-testid="live-version"][data-environment="${environment}"]`);

test('production as a canary from the app: the panel, Promote by hand, then Roll back; a disabled Roll back says why', async ({
  openApp,
  platform,
  dataDir,
}) => {
  test.setTimeout(300_000);
  const { page } = await openApp();
  await expect(syncState(page)).toHaveAttribute('data-state', 'online', { timeout: 120_000 });

  // Set-up through the API: a service live in development, staging and production at v1.
  const { items: teams } = await platform.api<{ items: { id: string }[] }>('GET', '/v1/teams');
  const { operationId } = await platform.api<{ operationId: string }>(
    'POST',
    '/v1/templates/http-service/services',
    {
      values: {
        name: 'canary-e2e',
        title: 'Canary e2e',
        ownerTeamId: teams[0]?.id,
        greeting: 'first greeting',
      },
      deployTo: 'development',
    },
  );
  await expect
    .poll(async () => (await platform.api<Operation>('GET', `/v1/operations/${operationId}`)).status, {
      timeout: 120_000,
    })
    .toBe('succeeded');
  const created = await platform.api<Operation>('GET', `/v1/operations/${operationId}`);
  const serviceId = String(created.result?.serviceId);
  const first = String(created.result?.version);
  await deployed(platform, serviceId, 'staging', first);
  await deployed(platform, serviceId, 'production', first);

  await page.evaluate((hash) => (window.location.hash = hash), `#/services/${encodeURIComponent(serviceId)}`);
  await expect(liveVersion(page, 'production')).toHaveAttribute('data-version', first);
  await expect(liveVersion(page, 'production')).toContainText(`v1 · ${first.slice(0, 7)}`);

  // One version has run in production: Roll back is disabled, and says why, in words and title.
  const rollback = page.locator('[data-testid="rollback-button"][data-environment="production"]');
  await expect(rollback).toBeDisabled();
  await expect(page.locator('[data-testid="rollback-reason"][data-environment="production"]')).toHaveText(
    'only one version has run here',
  );
  await expect(rollback).toHaveAttribute('title', /only one version has run here/);

  // v2: a new commit, through development and staging (the production policy wants a healthy staging).
  const bareRepo = join(dataDir, 'platform', 'repositories', 'canary-e2e.git');
  const serverJs = await readFile(
    join(dataDir, 'platform', 'runtime', serviceId, 'development', first, 'server.js'),
    'utf8',
  );
  const second = await commitFiles(
    bareRepo,
    new Map([['server.js', serverJs.replace('"first greeting"', '"second greeting"')]]),
    { name: 'E2E', email: 'e2e@example.com' },
    'Second greeting',
  );
  await deployed(platform, serviceId, 'development', second.sha);
  await deployed(platform, serviceId, 'staging', second.sha);

  // Deploy v2 to production as a canary, from the app.
  const production = card(page, 'production');
  const versionSelect = production.getByTestId('deploy-version');
  await chooseOption(page, versionSelect, new RegExp(`^v2 · ${second.sha.slice(0, 7)} `));
  await expect(versionSelect).toContainText('v2 · ');
  await production.getByTestId('canary-toggle').check();
  await production.getByTestId('canary-weight').fill('20');
  await production.getByTestId('canary-window').fill('600');
  await production.getByTestId('deploy-button').click();

  const panel = page.locator('[data-testid="canary-panel"][data-environment="production"]');
  await expect(panel).toHaveAttribute('data-status', 'analysing', { timeout: 120_000 });
  await expect(panel.getByTestId('canary-traffic-canary')).toContainText('20 %');
  await expect(panel.getByTestId('canary-traffic-stable')).toContainText('80 %');
  await expect(panel.getByTestId('canary-time-left')).toContainText('left of 600 s');
  await expect(rollback).toBeDisabled();
  await expect(page.locator('[data-testid="rollback-reason"][data-environment="production"]')).toContainText(
    'a deploy is in progress',
  );

  // Callers on the stable port meet both versions, and every request succeeds.
  const { items } = await platform.api<{ items: { stablePort: number | null }[] }>(
    'GET',
    `/v1/services/${serviceId}/deployments?environment=production`,
  );
  const stablePort = items[0]?.stablePort;
  const seen = new Set<string>();
  for (let i = 0; i < 40; i++) {
    const response = await fetch(`http://127.0.0.1:${stablePort}/`);
    expect(response.status).toBe(200);
    seen.add(((await response.json()) as { message: string }).message);
  }
  expect(seen).toEqual(new Set(['first greeting', 'second greeting']));

  // Promote by hand (keyboard): the canary becomes the live version.
  await panel.getByTestId('canary-promote').focus();
  await page.keyboard.press('Enter');
  await expect(liveVersion(page, 'production')).toHaveAttribute('data-version', second.sha, {
    timeout: 60_000,
  });
  await expect(liveVersion(page, 'production')).toContainText(`v2 · ${second.sha.slice(0, 7)}`);
  await expect(panel).toHaveCount(0);

  // Roll back: v1 is live again, from its kept process or its artifact (never rebuilt).
  await expect(rollback).toBeEnabled();
  await expect(rollback).toHaveAttribute('title', /Roll back to v1/);
  await rollback.click();
  // Asked first: the dialog names the version it brings back; Cancel is the default.
  const confirm = page.getByRole('dialog', { name: 'Roll back production?' });
  await expect(confirm).toContainText('Roll back to v1');
  await confirm.getByRole('button', { name: 'Roll back' }).click();
  await expect(liveVersion(page, 'production')).toHaveAttribute('data-version', first, { timeout: 60_000 });
  await expect(
    page.locator(
      `[data-testid="deployment-row"][data-status="rolled_back"][data-version="${second.sha}"][data-environment="production"]`,
    ),
  ).toBeVisible();
  const after = await fetch(`http://127.0.0.1:${stablePort}/`);
  expect(((await after.json()) as { message: string }).message).toBe('first greeting');
});
