import { test as plain } from '@playwright/test';
import { expect, test } from './support/overflow-app';
import { findLayoutProblems } from './support/overflow-detector';
import {
  countRows,
  formatFindings,
  goTo,
  inspect,
  newFormButtons,
  openRow,
  settle,
  sidebarPages,
  type Finding,
} from './support/overflow-pages';

/**
 * Every page, light and dark, at 1024 and 1440 px (issue 11, "fits from 1024 px up"): no text cut
 * or sticking out, no sideways scrolling, no browser-default control, no page or console error.
 * The pages come from the app itself (the sidebar, then the first and last row of each list and
 * its "new" form), so a page added later is checked without touching this file.
 */

plain.describe('the detector', () => {
  plain('finds the cut cell and passes the fine one', async ({ page }) => {
    await page.setContent(`
      <table style="table-layout: fixed; width: 400px">
        <tr>
          <td id="fine" style="width: 200px">Short title</td>
          <td id="cut" style="width: 80px; overflow: hidden; white-space: nowrap; text-overflow: ellipsis">
            Deploy pipeline is stuck on staging
          </td>
        </tr>
      </table>`);
    const problems = await page.evaluate(findLayoutProblems, null);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.selector).toBe('td#cut');
    expect(problems[0]?.why).toContain('cut with an ellipsis');
  });

  plain(
    'finds text sticking out of its cell and browser-default controls, not styled ones',
    async ({ page }) => {
      await page.setContent(`
      <style>.styled { background: #5e6ad2; border: 1px solid #5e6ad2; color: white }</style>
      <table style="table-layout: fixed; width: 300px"><tr>
        <td style="width: 60px; white-space: nowrap"><span id="long">documentationopen-and-more</span></td>
        <td>fine</td>
      </tr></table>
      <select id="native"><option>One</option></select>
      <button id="bare">Bare</button>
      <button class="styled" id="styled">Styled</button>`);
      const problems = await page.evaluate(findLayoutProblems, null);
      const by = (selector: string) => problems.filter((problem) => problem.selector === selector);
      expect(by('span#long')[0]?.why).toContain('sticks out of its cell');
      expect(by('select#native')[0]?.why).toContain('<select>');
      expect(by('button#bare')[0]?.why).toContain('default look');
      expect(by('button#styled')).toEqual([]);
    },
  );
});

test.describe('every page', () => {
  // In order, in one worker: both tests share its app.
  test.describe.configure({ mode: 'default', timeout: 600_000 });

  test('every sidebar page, the rows it opens and its "new" forms', async ({ overflowApp }) => {
    const { page, where, errors } = overflowApp;
    errors.length = 0;
    const findings: Finding[] = [];
    const visited: string[] = [];
    // A row's detail or a "new" form shows over its list: what the list already reported is not repeated.
    let listed = new Set<string>();
    const key = (finding: Finding) => `${finding.selector}|${finding.text}|${finding.why}`;
    const look = async (label: string, isList = false) => {
      where.label = label;
      visited.push(label);
      const found = await inspect(page, label);
      if (isList) listed = new Set(found.map(key));
      findings.push(...found.filter((finding) => isList || !listed.has(key(finding))));
    };

    for (const { label, href } of await sidebarPages(page)) {
      where.label = label;
      await goTo(page, href);
      await look(label, true);

      const rows = await countRows(page);
      const picks: [number, string][] =
        rows > 1
          ? [
              [0, 'first'],
              [rows - 1, 'last'],
            ]
          : rows === 1
            ? [[0, 'first']]
            : [];
      for (const [index, name] of picks) {
        await goTo(page, href);
        await openRow(page, index);
        await look(`${label} → ${name} row (${new URL(page.url()).hash})`);
      }

      await goTo(page, href);
      for (const buttonLabel of await newFormButtons(page).allInnerTexts()) {
        await goTo(page, href);
        await newFormButtons(page).filter({ hasText: buttonLabel }).first().click();
        await settle(page);
        await look(`${label} → ${buttonLabel.trim()}`);
        await page.keyboard.press('Escape');
      }
    }

    console.log(`Looked at ${visited.length} views:\n${visited.join('\n')}`);
    const report = [...formatFindings(findings), ...new Set(errors)];
    expect(report, `\n${report.join('\n')}\n`).toEqual([]);
  });

  test("the shell's own views: sidebar, status bar, palette, pending changes, a missing page, session expired", async ({
    overflowApp,
  }) => {
    const { page, where, errors } = overflowApp;
    errors.length = 0;
    const findings: Finding[] = [];
    // Only the shell's parts: the page behind them is checked by the test above.
    const look = async (label: string, scope: string) => {
      where.label = label;
      findings.push(...(await inspect(page, label, scope)));
    };

    await look('Sidebar and status bar', 'nav.sidebar, footer.status-bar');

    await page.keyboard.press('ControlOrMeta+k');
    await expect(page.getByTestId('command-input')).toBeFocused();
    await look('Command palette', '[cmdk-dialog]');
    await page.keyboard.press('Escape');

    await page.getByTestId('pending-changes').click();
    await expect(page.getByTestId('outbox-panel')).toBeVisible();
    await look('Pending changes panel', '[data-testid="outbox-panel"]');
    await page.getByTestId('pending-changes').click();

    await page.evaluate(() => (location.hash = '#/no-such-page'));
    await expect(page.locator('main.app-main')).toHaveAttribute('data-route', 'not-found');
    await look('Missing page', 'main.app-main');

    // Last, as it ends this app's session: the cookie gone, the next call is refused (401, which the
    // browser logs as a console error on purpose) and the shell shows "session expired".
    const errorsBefore = errors.length;
    where.label = 'Session expired';
    await page.context().clearCookies();
    await page.getByTestId('sync-now').click();
    await expect(page.getByTestId('session-expired')).toBeVisible();
    findings.push(...(await inspect(page, where.label, '[data-testid="session-expired"]')));
    errors.splice(errorsBefore);

    const report = [...formatFindings(findings), ...new Set(errors)];
    expect(report, `\n${report.join('\n')}\n`).toEqual([]);
  });
});
