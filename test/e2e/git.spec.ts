import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { cloneUrl, gitUser } from '../server/features/git/git-cli';
import { expect, syncState, test } from './support/fixtures';
import { engineerOfFirstTeam, succeeded } from './support/engineer';
import { startWeb } from './support/processes';

test('an engineer copies the clone URL from the Source section, clones and pushes with the git CLI, and sees the commit', async ({
  page,
  context,
  platform,
  dataDir,
}) => {
  test.setTimeout(240_000);
  const name = 'ledger-e2e';
  // An engineer of a demo team, with a token of their own: the app and git both use it.
  const { teamId, token, tokenFile } = await engineerOfFirstTeam(platform, dataDir, {
    name: 'Gita Engineer',
    email: 'gita@example.com',
  });
  const created = await platform.api<{ operationId: string }>('POST', '/v1/templates/http-service/services', {
    values: { name, title: 'Ledger', ownerTeamId: teamId },
  });
  const { result } = await succeeded(platform, created.operationId, 60_000);
  const serviceId = (result as { serviceId: string }).serviceId;

  const web = await startWeb(join(dataDir, 'app'), { url: platform.url, tokenFile });
  const git = await gitUser('gita');
  try {
    await page.goto(web.url);
    await expect(page.locator('html[data-app-state="ready"]')).toBeAttached({ timeout: 120_000 });
    await expect(syncState(page)).toHaveAttribute('data-state', 'online', { timeout: 120_000 });
    await page.evaluate((hash) => (window.location.hash = hash), `#/services/${serviceId}`);
    await expect(page.getByTestId('service-page')).toHaveAttribute('data-service-id', serviceId);

    const section = page.getByTestId('source-section');
    const expectedUrl = `${platform.url}/git/${name}.git`;
    await expect(section.getByTestId('clone-url')).toHaveValue(expectedUrl);
    await expect(section).toContainText(`git clone ${expectedUrl}`);
    await expect(section.getByTestId('commit-row')).toHaveCount(1);
    // The service's facts name its platform repository (no more "Repository: None").
    await expect(page.getByTestId('repository-fact')).toHaveText(expectedUrl);

    // Copy with the mouse, then again from the keyboard: the clipboard holds the URL both times.
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: new URL(web.url).origin,
    });
    await section.getByTestId('copy-clone-url').click();
    await expect(section.getByTestId('copy-status')).toHaveText('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expectedUrl);
    await page.evaluate(() => navigator.clipboard.writeText(''));
    await expect(section.getByTestId('copy-status')).toHaveText('');
    await section.getByTestId('clone-url').focus();
    await page.keyboard.press('Tab');
    await expect(section.getByTestId('copy-clone-url')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(section.getByTestId('copy-status')).toHaveText('Copied');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(expectedUrl);

    // The copied URL, with the engineer's token as the password.
    await git.ok(['clone', cloneUrl(new URL(copied).origin, token, name), 'work']);
    const work = join(git.home, 'work');
    await writeFile(join(work, 'CHANGELOG.md'), '# Changes\n\n- pushed from the e2e test\n');
    await git.ok(['add', '.'], work);
    await git.ok(['commit', '-m', 'Add a changelog from the CLI'], work);
    const sha = await git.ok(['rev-parse', 'HEAD'], work);
    await git.ok(['push', 'origin', 'main'], work);

    // No reload: the push syncs down as a platform event, which refetches the section.
    const pushed = section.locator(`[data-testid="commit-row"][data-sha="${sha}"]`);
    await expect(pushed).toBeVisible();
    await expect(pushed).toContainText('Add a changelog from the CLI');
    await expect(pushed).toContainText('gita');
    await expect(section.getByTestId('commit-row').first()).toHaveAttribute('data-sha', sha);
  } finally {
    await git.cleanup();
    await web.stop();
  }
});
