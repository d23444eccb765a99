import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { PlatformEvent } from '../../shared/features/events/api';
import type { Deployment } from '../../shared/features/self-service/api';
import { cloneUrl, gitUser } from '../server/features/git/git-cli';
import { expect, syncState, test } from './support/fixtures';
import { engineerOfFirstTeam, succeeded } from './support/engineer';
import { chooseOption } from './support/kit-select';
import { startWeb } from './support/processes';

// Issue 9's whole loop as one engineer lives it, in one session of the app: copy the clone URL,
// push with the git CLI, watch the pipeline, promote, ship production as a canary, roll back,
// toggle a flag, and toggle one offline that lands exactly once. The parts have their own specs
// (git, pipelines, canary, flags) for the details; this one checks they chain.

const liveVersion = (page: Page, environment: string) =>
  page.locator(`[data-testid="live-version"][data-environment="${environment}"]`);
const productionCard = (page: Page) =>
  page
    .locator('.environment-card')
    .filter({ has: page.locator('[data-testid="rollback-button"][data-environment="production"]') });

async function answer(port: number, query = ''): Promise<string> {
  const response = await fetch(`http://127.0.0.1:${port}/${query}`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { message: string }).message;
}

test('the change loop: clone URL → git push → pipeline → staging → production canary → rollback → flags, online and offline', async ({
  page,
  context,
  platform,
  dataDir,
}) => {
  test.setTimeout(480_000);
  const name = 'orders-loop';
  const { teamId, token, tokenFile } = await engineerOfFirstTeam(platform, dataDir, {
    name: 'Lou Engineer',
    email: 'lou@example.com',
  });

  // Set-up through the API: the service's first version live in every environment.
  const created = await platform.api<{ operationId: string }>('POST', '/v1/templates/http-service/services', {
    values: { name, title: 'Orders', ownerTeamId: teamId, greeting: 'orders v1' },
    deployTo: 'development',
  });
  const { result } = await succeeded(platform, created.operationId);
  const serviceId = String(result?.serviceId);
  const first = String(result?.version);
  for (const environment of ['staging', 'production']) {
    const { operationId } = await platform.api<{ operationId: string }>(
      'POST',
      `/v1/services/${serviceId}/deployments`,
      { environment, version: first },
    );
    await succeeded(platform, operationId);
  }
  const { items: production } = await platform.api<{ items: Deployment[] }>(
    'GET',
    `/v1/services/${serviceId}/deployments?environment=production`,
  );
  const productionPort = production[0]?.stablePort ?? 0;
  expect(await answer(productionPort)).toBe('orders v1');

  const web = await startWeb(join(dataDir, 'app'), { url: platform.url, tokenFile });
  const git = await gitUser('lou');
  try {
    await page.goto(web.url);
    await expect(page.locator('html[data-app-state="ready"]')).toBeAttached({ timeout: 120_000 });
    await expect(syncState(page)).toHaveAttribute('data-state', 'online', { timeout: 120_000 });
    await page.evaluate((hash) => (window.location.hash = hash), `#/services/${serviceId}`);
    await expect(page.getByTestId('service-page')).toHaveAttribute('data-service-id', serviceId);

    // 1. Copy the clone URL from the Source section; clone it with the engineer's token.
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: new URL(web.url).origin,
    });
    const source = page.getByTestId('source-section');
    await source.getByTestId('copy-clone-url').click();
    await expect(source.getByTestId('copy-status')).toHaveText('Copied');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(`${platform.url}/git/${name}.git`);
    await git.ok(['clone', cloneUrl(new URL(copied).origin, token, name), 'work']);

    // 2. Change the greeting and push to main.
    const work = join(git.home, 'work');
    const serverJs = await readFile(join(work, 'server.js'), 'utf8');
    expect(serverJs).toContain('"orders v1"');
    await writeFile(join(work, 'server.js'), serverJs.replace('"orders v1"', '"orders v2"'));
    await git.ok(['commit', '-am', 'Greet with v2'], work);
    const second = await git.ok(['rev-parse', 'HEAD'], work);
    await git.ok(['push', 'origin', 'main'], work);

    // 3. The pipeline runs: its live log fills, it turns green and development runs the commit.
    const pipeline = page.getByTestId('pipeline-section');
    const run = pipeline.getByTestId('pipeline-run').first();
    await expect(run).toContainText('Greet with v2');
    await expect(run.getByTestId('pipeline-log')).toContainText('[test] ');
    await expect(run).toHaveAttribute('data-status', 'succeeded', { timeout: 120_000 });
    await expect(liveVersion(page, 'development')).toHaveAttribute('data-version', second, {
      timeout: 60_000,
    });
    await expect(
      source.locator(`[data-testid="commit-row"][data-sha="${second}"]`),
      'the Source section lists the pushed commit',
    ).toBeVisible();

    // 4. Promote the version that passed to staging.
    const promotion = pipeline.getByTestId('pipeline-promotion');
    await promotion.getByTestId('promote-staging').click();
    await expect(liveVersion(page, 'staging')).toHaveAttribute('data-version', second, { timeout: 90_000 });

    // 5. Production as a canary (20 % for up to 10 minutes), promoted by hand.
    const card = productionCard(page);
    await chooseOption(page, card.getByTestId('deploy-version'), new RegExp(` · ${second.slice(0, 7)} `));
    await card.getByTestId('canary-toggle').check();
    await card.getByTestId('canary-weight').fill('20');
    await card.getByTestId('canary-window').fill('600');
    await card.getByTestId('deploy-button').click();
    const panel = page.locator('[data-testid="canary-panel"][data-environment="production"]');
    await expect(panel).toHaveAttribute('data-status', 'analysing', { timeout: 120_000 });
    const seen = new Set<string>();
    for (let i = 0; i < 20; i++) seen.add(await answer(productionPort));
    expect(seen).toEqual(new Set(['orders v1', 'orders v2']));
    await panel.getByTestId('canary-promote').click();
    await expect(liveVersion(page, 'production')).toHaveAttribute('data-version', second, {
      timeout: 60_000,
    });
    expect(await answer(productionPort)).toBe('orders v2');

    // 6. Roll back: the first version serves production again, without a rebuild.
    const rollback = page.locator('[data-testid="rollback-button"][data-environment="production"]');
    await expect(rollback).toBeEnabled();
    await rollback.click();
    await page
      .getByRole('dialog', { name: 'Roll back production?' })
      .getByRole('button', { name: 'Roll back' })
      .click();
    await expect(liveVersion(page, 'production')).toHaveAttribute('data-version', first, { timeout: 60_000 });
    expect(await answer(productionPort)).toBe('orders v1');

    // 7. A flag in production: created and turned on from the app, the running service follows.
    const flags = page.getByTestId('flags-section');
    await flags.scrollIntoViewIfNeeded();
    await flags.getByTestId('flag-new').click();
    await chooseOption(page, page.getByTestId('flag-environment'), 'production');
    await page.getByTestId('flag-key').fill('shout');
    await page.getByTestId('flag-create').click();
    const shout = page.locator('[data-testid="flag-row"][data-key="shout"][data-environment="production"]');
    await expect(shout).toHaveAttribute('data-pending', 'false');
    await shout.getByTestId('flag-toggle').click();
    await expect(shout).toHaveAttribute('data-pending', 'false');
    await expect.poll(() => answer(productionPort, '?user=ana'), { timeout: 5_000 }).toBe('ORDERS V1');

    // 8. Platform down: the toggle waits as pending, then lands exactly once after the restart.
    await platform.stop();
    await page.getByTestId('sync-now').click();
    await expect(syncState(page)).toHaveAttribute('data-state', 'offline');
    await shout.getByTestId('flag-toggle').click();
    await expect(shout).toHaveAttribute('data-pending', 'true');
    await platform.restart();
    await page.getByTestId('sync-now').click();
    await expect(page.getByTestId('pending-changes')).toHaveAttribute('data-count', '0', { timeout: 30_000 });
    await expect(shout).toHaveAttribute('data-pending', 'false');
    await expect(shout).toHaveAttribute('data-enabled', 'false');
    const { items: changes } = await platform.api<{ items: PlatformEvent[] }>(
      'GET',
      `/v1/platform-events?kind=flag_changed&serviceId=${encodeURIComponent(serviceId)}`,
    );
    expect(changes.map((event) => event.data.change)).toEqual(['created', 'enabled', 'disabled']);
    // The platform's restart brought production's live version back (until then: unreachable).
    await expect
      .poll(
        () => answer(productionPort, '?user=ana').catch((error: Error) => `unreachable: ${error.message}`),
        {
          timeout: 60_000,
        },
      )
      .toBe('orders v1');

    // The loop left its events for the metrics: the push, the run, the deploys, the decision.
    const { items: events } = await platform.api<{ items: PlatformEvent[] }>(
      'GET',
      `/v1/platform-events?serviceId=${encodeURIComponent(serviceId)}`,
    );
    const kinds = new Set(events.map((event) => event.kind));
    for (const kind of ['service_created', 'push', 'pipeline_run', 'deploy', 'canary_decision', 'rollback']) {
      expect(kinds, `a ${kind} event`).toContain(kind);
    }
  } finally {
    await git.cleanup();
    await web.stop();
  }
});
