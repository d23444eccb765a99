import { test as base, expect, type Page } from '@playwright/test';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Operation } from '../../../shared/features/operations/api';
import { freePort, startPlatform, startWeb, type Running } from './processes';

/**
 * One platform, one browser-mode app and one page per worker for the overflow suite: visiting
 * every page four times (light/dark × 1024/1440) is cheap, starting an app is not. The demo seed
 * fills the lists; a service made from a template adds what the demo lacks (an operation, a
 * service with deployments) and a published survey gives a survey to answer.
 */
export interface OverflowApp {
  page: Page;
  /** Where the page is now ("Backlog → first row"); console errors are filed under it. */
  where: { label: string };
  /** Uncaught page errors and console errors, each with where it happened. */
  errors: string[];
}

async function adminApi(url: string, token: string) {
  return async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
}

/** Data the demo seed does not have; set up through the API, as a script would. */
async function seedExtras(api: Awaited<ReturnType<typeof adminApi>>): Promise<void> {
  const { items: teams } = await api<{ items: { id: string }[] }>('GET', '/v1/teams');
  const created = await api<{ operationId: string }>('POST', '/v1/templates/http-service/services', {
    values: { name: 'overflow-check', title: 'Overflow check', ownerTeamId: teams[0]?.id, greeting: 'hello' },
    deployTo: 'development',
  });
  const now = Date.now();
  const survey = await api<{ id: string }>('POST', '/v1/surveys', {
    title: 'Platform survey, this quarter',
    template: 'quarterly',
    capabilities: ['CI/CD pipelines', 'Service templates', 'Observability'],
    opensAt: new Date(now - 3600_000).toISOString(),
    closesAt: new Date(now + 14 * 24 * 3600_000).toISOString(),
  });
  await api('POST', `/v1/surveys/${survey.id}/publish`);
  await expect
    .poll(async () => (await api<Operation>('GET', `/v1/operations/${created.operationId}`)).status, {
      timeout: 180_000,
    })
    .toMatch(/succeeded|failed/);
}

export const test = base.extend<object, { overflowApp: OverflowApp }>({
  overflowApp: [
    async ({ browser }, use) => {
      const dir = await mkdtemp(join(tmpdir(), 'pave-overflow-'));
      const started: Running[] = [];
      try {
        const platform = await startPlatform(join(dir, 'platform'), await freePort());
        started.push(platform);
        const tokenFile = join(dir, 'platform', 'admin-token');
        await seedExtras(await adminApi(platform.url, (await readFile(tokenFile, 'utf8')).trim()));
        const web = await startWeb(join(dir, 'app'), { url: platform.url, tokenFile });
        started.push(web);

        const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
        const page = await context.newPage();
        const where = { label: 'start' };
        const errors: string[] = [];
        page.on('pageerror', (error) => errors.push(`${where.label}: uncaught page error: ${error.message}`));
        page.on('console', (message) => {
          if (message.type() !== 'error') return;
          const source = message.location().url;
          errors.push(`${where.label}: console error: ${message.text()}${source ? ` (${source})` : ''}`);
        });
        await page.goto(web.url);
        await expect(page.locator('html[data-app-state="ready"]')).toBeAttached({ timeout: 120_000 });
        await expect(page.getByTestId('sync-status')).toHaveAttribute('data-state', 'online');
        await use({ page, where, errors });
        await context.close();
      } finally {
        for (const running of started.reverse()) await running.stop();
        await rm(dir, { recursive: true, force: true });
      }
    },
    { scope: 'worker', timeout: 420_000 },
  ],
});

export { expect };
