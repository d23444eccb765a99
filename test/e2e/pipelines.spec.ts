import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { cloneUrl, gitUser } from '../server/features/git/git-cli';
import { expect, syncState, test } from './support/fixtures';
import { engineerOfFirstTeam, succeeded } from './support/engineer';
import { startWeb } from './support/processes';

test('an engineer pushes a change, watches the pipeline’s live log turn green, sees it live in development, runs the pipeline again and promotes to staging', async ({
  page,
  platform,
  dataDir,
}) => {
  test.setTimeout(300_000);
  const name = 'basket-e2e';
  // An engineer of a demo team, with a token of their own: the app and git both use it.
  const { teamId, token, tokenFile } = await engineerOfFirstTeam(platform, dataDir, {
    name: 'Pia Engineer',
    email: 'pia@example.com',
  });
  const created = await platform.api<{ operationId: string }>('POST', '/v1/templates/http-service/services', {
    values: { name, title: 'Basket', ownerTeamId: teamId },
    deployTo: 'development',
  });
  const { result } = await succeeded(platform, created.operationId, 90_000);
  const serviceId = (result as { serviceId: string }).serviceId;

  const web = await startWeb(join(dataDir, 'app'), { url: platform.url, tokenFile });
  const git = await gitUser('pia');
  try {
    await page.goto(web.url);
    await expect(page.locator('html[data-app-state="ready"]')).toBeAttached({ timeout: 120_000 });
    await expect(syncState(page)).toHaveAttribute('data-state', 'online', { timeout: 120_000 });
    await page.evaluate((hash) => (window.location.hash = hash), `#/services/${serviceId}`);
    await expect(page.getByTestId('service-page')).toHaveAttribute('data-service-id', serviceId);
    const section = page.getByTestId('pipeline-section');
    await expect(section).toContainText('No runs yet');

    // A push with the git CLI starts a run; the section shows it without a reload.
    await git.ok(['clone', cloneUrl(platform.url, token, name), 'work']);
    const work = join(git.home, 'work');
    await writeFile(join(work, 'CHANGELOG.md'), '# Changes\n\n- through the pipeline\n');
    await git.ok(['add', '.'], work);
    await git.ok(['commit', '-m', 'Ship through the pipeline'], work);
    const sha = await git.ok(['rev-parse', 'HEAD'], work);
    await git.ok(['push', 'origin', 'main'], work);

    const run = section.getByTestId('pipeline-run').first();
    await expect(run).toContainText('Ship through the pipeline');
    await expect(run).toContainText(sha.slice(0, 7));
    // The newest run is open: its live log fills with the steps' output, then it turns green.
    const log = run.getByTestId('pipeline-log');
    await expect(log).toContainText('[test] ');
    await expect(run).toHaveAttribute('data-status', 'succeeded');
    await expect(log).toContainText('[build] built');
    for (const step of ['checkout', 'install', 'test', 'build', 'package']) {
      await expect(run.locator(`[data-testid="pipeline-step"][data-step="${step}"]`)).toHaveAttribute(
        'data-status',
        'succeeded',
      );
    }

    // The green run deployed its commit to development.
    await expect(
      page.locator('[data-testid="live-version"][data-environment="development"]'),
    ).toHaveAttribute('data-version', sha);

    // Run pipeline by hand: a second run of main, also green.
    await section.getByTestId('run-pipeline').click();
    await expect(section.getByTestId('pipeline-run')).toHaveCount(2);
    await expect(section.getByTestId('pipeline-run').first()).toContainText('#2');
    await expect(section.getByTestId('pipeline-run').first()).toHaveAttribute('data-status', 'succeeded');

    // Promote the version that passed to staging.
    const promotion = section.getByTestId('pipeline-promotion');
    // Run #2's own deploy to development may still be arriving above: the deployments keep one
    // height (a scrolled area), so the button stays where the pointer aims.
    await promotion.getByTestId('promote-staging').click();
    await expect(promotion.getByTestId('promotion-staging').locator('.op-status')).toHaveText('succeeded', {
      timeout: 90_000,
    });
    await expect(page.locator('[data-testid="live-version"][data-environment="staging"]')).toHaveAttribute(
      'data-version',
      sha,
    );
  } finally {
    await git.cleanup();
    await web.stop();
  }
});
