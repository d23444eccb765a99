import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, syncState, test } from './support/fixtures';
import { startWeb, type Running } from './support/processes';

const usd = (text: string | null) => Number((text ?? '').replace(/[^\d.]/g, ''));

// Issue 10's journey: a lead opens Metrics on the demo platform, reads adoption, the before/after
// table, the trends and the ROI, changes an ROI input and sees the value follow, then reads the
// same page offline from the cache, marked "as of".
test('a lead reads the metrics of the demo platform, edits the ROI, and reads them offline', async ({
  page,
  platform,
  dataDir,
}) => {
  test.setTimeout(300_000);
  const lead = await platform.api<{ id: string }>('POST', '/v1/users', {
    name: 'Mira',
    email: 'mira@metrics.example.com',
    role: 'lead',
  });
  const { token } = await platform.api<{ token: string }>('POST', `/v1/users/${lead.id}/tokens`, {
    name: 'e2e',
  });
  const tokenFile = join(dataDir, 'mira.token');
  await writeFile(tokenFile, token);

  let web: Running | null = null;
  try {
    web = await startWeb(join(dataDir, 'app'), { url: platform.url, tokenFile });
    await page.goto(web.url);
    await expect(page.locator('html[data-app-state="ready"]')).toBeAttached({ timeout: 120_000 });
    await expect(syncState(page)).toHaveAttribute('data-state', 'online', { timeout: 120_000 });

    await page.getByTestId('nav-metrics').click();
    const metrics = page.getByTestId('metrics-page');
    await expect(metrics).toHaveAttribute('data-state', 'ready');
    await expect(metrics).toHaveAttribute('data-from-cache', 'false');

    // Adoption by capability, with teams using the platform X/Y.
    await expect(page.getByTestId('metrics-teams-using')).toContainText(
      /Teams using the platform: \d+\/\d+ \(\d+ %\)/,
    );
    const adoption = page.getByTestId('metrics-adoption-chart');
    await expect(adoption.locator('.recharts-bar-rectangle').first()).toBeVisible();
    await adoption.getByRole('tab', { name: 'Table' }).click();
    await expect(page.getByTestId('metrics-adoption-table').locator('tbody tr')).toHaveCount(8);
    await expect(page.getByTestId('metrics-adoption-table')).toContainText('CI/CD pipeline');

    // The before/after table over the demo's two years: every key has a value on both sides.
    await page.getByTestId('metrics-range-preset').click();
    await page.getByRole('option', { name: 'Custom dates' }).click();
    await page.getByTestId('metrics-range-from').fill('2024-06-01');
    await page.getByTestId('metrics-range-apply').click();
    await expect(page).toHaveURL(/#\/metrics\?from=2024-06-01&to=\d{4}-\d{2}-\d{2}$/);
    const beforeAfter = page.getByTestId('metrics-before-after-table');
    await expect(beforeAfter.locator('tbody tr')).toHaveCount(4);
    await expect(beforeAfter.locator('tbody tr').first()).toContainText(/\d+(\.\d)?\/(day|week|month)/);
    await expect(beforeAfter).toContainText(/[+−]\d+ %/);

    // Trends: weekly deploys with the launch marked, and the lead-time line.
    await expect(
      page.getByTestId('metrics-deploys-chart').locator('.recharts-bar-rectangle').first(),
    ).toBeVisible();
    // The launch marker's label (the line itself is zero pixels wide, which a locator calls hidden).
    await expect(page.getByTestId('metrics-deploys-chart').getByText('Platform launch')).toBeVisible();
    await expect(page.getByTestId('metrics-lead-time-chart').locator('.recharts-line')).toBeVisible();

    if (process.env.METRICS_SCREENSHOT) {
      // For a person's review (light and dark), not an assertion.
      await page.setViewportSize({ width: 1280, height: 5200 });
      await page.screenshot({ path: `${process.env.METRICS_SCREENSHOT}-light.png` });
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.screenshot({ path: `${process.env.METRICS_SCREENSHOT}-dark.png` });
      await page.emulateMedia({ colorScheme: 'light' });
      await page.setViewportSize({ width: 1024, height: 5200 });
      await page.screenshot({ path: `${process.env.METRICS_SCREENSHOT}-1024.png` });
      await page.setViewportSize({ width: 1280, height: 720 });
    }

    // ROI: changing the hourly rate recomputes the value (locally, before saving), then saves.
    const total = page.getByTestId('roi-total-usd');
    await expect.poll(async () => usd(await total.textContent())).toBeGreaterThan(0);
    const hours = Number(
      ((await page.getByTestId('roi-total-hours').textContent()) ?? '').replace(/[^\d]/g, ''),
    );
    await page.getByTestId('roi-hourly-rate').fill('250');
    await expect.poll(async () => usd(await total.textContent())).toBeCloseTo(hours * 250, -3);
    await page.getByTestId('roi-save').click();
    await expect(page.getByTestId('metrics-roi')).toContainText('Saved');
    const saved = await platform.api<{ roi: { hourlyRateUsd: number } }>('GET', '/v1/metrics/settings');
    expect(saved.roi.hourlyRateUsd).toBe(250);
    const valueOnline = await total.textContent();

    // NPS per quarter with whiskers, here and on the survey results page.
    await expect(page.getByTestId('metrics-nps').locator('.recharts-errorBar').first()).toBeAttached();
    await page.getByTestId('nav-surveys').click();
    await page.getByTestId('survey-row').filter({ hasText: 'Closed' }).first().getByRole('link').click();
    const results = page.getByTestId('survey-results');
    await expect(results.getByTestId('nps-trend-chart').locator('.recharts-line')).toBeVisible();
    await expect(results.getByTestId('survey-trend')).toBeVisible();
    await page.getByTestId('nav-metrics').click();
    await expect(metrics).toHaveAttribute('data-state', 'ready');

    // Drill down: org → a team → one of its services, and back up.
    const drill = page.getByTestId('metrics-drill-item');
    const teamName = ((await drill.first().textContent()) ?? '').replace(' →', '');
    await drill.first().click();
    await expect(page.getByTestId('metrics-scope')).toContainText(`Organization › ${teamName}`);
    await expect(page.getByTestId('metrics-drill-down')).toContainText('Services of this team');
    const serviceName = ((await drill.first().textContent()) ?? '').replace(' →', '');
    await drill.first().click();
    await expect(page.getByTestId('metrics-scope')).toContainText(`${teamName} › ${serviceName}`);
    await expect(metrics).toHaveAttribute('data-state', 'ready');
    await expect(page.getByTestId('metrics-dora')).toBeVisible();
    // The view is in the URL (issue 11): a reload (or a shared link) shows the same scope and range.
    await expect(page).toHaveURL(/scope=service%3A[^&]+&via=[^&]+&from=2024-06-01/);
    await page.reload();
    await expect(page.locator('html[data-app-state="ready"]')).toBeAttached({ timeout: 120_000 });
    await expect(page.getByTestId('metrics-scope')).toContainText(`${teamName} › ${serviceName}`);
    await expect(page.getByTestId('metrics-range-from')).toHaveValue('2024-06-01');
    await expect(metrics).toHaveAttribute('data-state', 'ready');
    await page.getByTestId('metrics-scope').getByRole('button', { name: teamName }).click();
    await expect(page.getByTestId('metrics-drill-down')).toContainText('Services of this team');
    await page.getByTestId('metrics-scope').getByRole('button', { name: 'Organization' }).click();
    await expect(page.getByTestId('metrics-drill-down')).toContainText('Teams');

    // Import history: a dry run reports the refused row and why; the good rows apply; again is a no-op.
    const csvFile = join(dataDir, 'deploys.csv');
    await writeFile(
      csvFile,
      [
        'service,environment,commit_sha,commit_time,deploy_time,status',
        `${serviceName},production,${'c'.repeat(40)},2023-03-01T10:00:00Z,2023-03-02T10:00:00Z,success`,
        `${serviceName},production,not-a-sha,2023-03-03T10:00:00Z,2023-03-03T09:00:00Z,success`,
      ].join('\n'),
    );
    const importPanel = page.getByTestId('metrics-import');
    await importPanel.locator('summary').click();
    await page.getByTestId('metrics-import-file').setInputFiles(csvFile);
    await page.getByTestId('metrics-import-dry-run').click();
    const importReport = page.getByTestId('metrics-import-report');
    await expect(importReport).toContainText('Dry run: 1 new, 0 already imported, 1 refused.');
    await expect(page.getByTestId('metrics-import-refused').locator('tbody tr')).toHaveCount(1);
    await expect(page.getByTestId('metrics-import-refused').locator('tbody td').first()).toHaveText('2');
    await page.getByTestId('metrics-import-apply-partial').click();
    await expect(importReport).toContainText('Imported: 1 new');
    await page.getByTestId('metrics-import-dry-run').click();
    await expect(importReport).toContainText('Dry run: 0 new, 1 already imported, 1 refused.');

    // Offline: the same page from the cache, marked "as of".
    await platform.stop();
    await page.reload();
    await expect(page.locator('html[data-app-state="ready"]')).toBeAttached({ timeout: 120_000 });
    // The reload kept the page and its custom range (in the URL); its last answer is cached.
    await expect(page.getByTestId('metrics-range-from')).toHaveValue('2024-06-01');
    await expect(metrics).toHaveAttribute('data-from-cache', 'true');
    await expect(page.getByTestId('metrics-as-of')).toContainText('Offline — as of');
    await expect(beforeAfter.locator('tbody tr')).toHaveCount(4);
    await expect(total).toHaveText(valueOnline ?? '');
    await expect(page.getByTestId('roi-save')).toBeDisabled();
  } finally {
    await web?.stop();
  }
});
