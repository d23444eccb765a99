import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import type { Team } from '../../../../shared/api/directory';
import { BackstageEntity } from '../../../../shared/features/backstage/entity';
import type { Service } from '../../../../shared/features/catalog/api';
import { startTestPlatform, type TestPlatform } from '../../../harness/platform';
import { apiClient } from '../../api-client';
import { applyFiles, dryRun, goldenDir, readFolder, type Api } from './backstage-support';

let platform: TestPlatform;
let admin: Api;
let search: Service;

beforeAll(async () => {
  platform = await startTestPlatform();
  admin = apiClient(platform.url, platform.adminToken);
  const orders = (await admin('POST', '/v1/teams', { slug: 'orders', name: 'Orders', size: 7 })).body as Team;
  // A service made in Pave, with a tag Backstage's rule refuses and a repository.
  search = (
    await admin('POST', '/v1/services', {
      name: 'search',
      title: 'Search',
      description: 'Finds things.',
      ownerTeamId: orders.id,
      tier: 1,
      lifecycle: 'deprecated',
      repositoryUrl: 'https://git.example.com/search',
      tags: ['Node JS', 'search'],
      links: [{ title: 'Docs', url: 'https://docs.example.com/search' }],
    })
  ).body as Service;
  const operation = await applyFiles(admin, await readFolder(goldenDir));
  expect(operation.status, JSON.stringify(operation.error)).toBe('succeeded');
}, 60_000);

afterAll(async () => {
  await platform?.close();
});

async function exportYaml(scope = 'all'): Promise<string> {
  const response = await fetch(`${platform.url}/v1/catalog/export?scope=${encodeURIComponent(scope)}`, {
    headers: { authorization: `Bearer ${platform.adminToken}` },
  });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('application/yaml');
  return response.text();
}

const entitiesOf = (yaml: string) =>
  parseAllDocuments(yaml).map((doc) => {
    expect(doc.errors).toEqual([]);
    return doc.toJS() as Record<string, unknown>;
  });

describe('Backstage export', () => {
  it('writes valid entities Backstage accepts without warnings', async () => {
    const entities = entitiesOf(await exportYaml());
    expect(entities.map((e) => `${String(e.kind)}:${String((e.metadata as { name: string }).name)}`)).toEqual(
      [
        'Group:orders',
        'Group:payments',
        'Component:orders-api',
        'Component:payments-api',
        'Component:payments-worker',
        'Component:search',
        'API:payments-rest',
        'System:money',
      ],
    );
    for (const entity of entities) {
      const parsed = BackstageEntity.safeParse(entity);
      expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
      if (!parsed.success) continue;
      // Owners in full (no guessing of kind or namespace), the default namespace implied.
      if ('owner' in parsed.data.spec) expect(parsed.data.spec.owner).toMatch(/^group:default\/[a-z0-9-]+$/);
      expect(parsed.data.metadata.namespace).toBeUndefined();
    }
  });

  it("keeps Pave's fields as pave.dev annotations and the imported Backstage fields as they were", async () => {
    const byName = new Map(
      entitiesOf(await exportYaml()).map((e) => [(e.metadata as { name: string }).name, e]),
    );
    expect(byName.get('search')).toEqual({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: 'search',
        title: 'Search',
        description: 'Finds things.',
        annotations: {
          'pave.dev/tier': '1',
          'pave.dev/repository-url': 'https://git.example.com/search',
          'pave.dev/tags': '["Node JS","search"]',
        },
        tags: ['search'],
        links: [{ title: 'Docs', url: 'https://docs.example.com/search' }],
      },
      spec: { type: 'service', lifecycle: 'deprecated', owner: 'group:default/orders' },
    });
    expect(byName.get('payments-api')).toMatchObject({
      metadata: {
        annotations: { 'github.com/project-slug': 'example/payments', 'pave.dev/tier': '1' },
        links: [
          { url: 'https://dashboards.example.com/payments', title: 'Dashboard', icon: 'dashboard' },
          { url: 'https://dashboards.example.com/payments-errors', title: 'Errors', icon: 'dashboard' },
        ],
      },
      spec: { system: 'money', providesApis: ['payments-rest'], owner: 'group:default/payments' },
    });
    expect(byName.get('orders')).toEqual({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: 'orders', annotations: { 'pave.dev/team-size': '7' } },
      spec: { type: 'team', profile: { displayName: 'Orders' }, parent: 'engineering', children: [] },
    });
  });

  it('export → import changes nothing', async () => {
    const report = await dryRun(admin, [{ path: 'export.yaml', text: await exportYaml() }]);
    expect(report.create).toEqual([]);
    expect(report.update).toEqual([]);
    expect(report.refused).toEqual([]);
    expect(report.skipped).toEqual([]);
    expect(report.unchanged).toHaveLength(8);
  });

  it('exports one team (the Group and its services) or one service', async () => {
    const teams = ((await admin('GET', '/v1/teams')).body as { items: Team[] }).items;
    const payments = teams.find((team) => team.slug === 'payments');
    const team = entitiesOf(await exportYaml(`team:${payments?.id ?? ''}`));
    expect(team.map((e) => (e.metadata as { name: string }).name)).toEqual([
      'payments',
      'payments-api',
      'payments-worker',
      'payments-rest',
      'money',
    ]);
    const one = entitiesOf(await exportYaml(`service:${search.id}`));
    expect(one.map((e) => (e.metadata as { name: string }).name)).toEqual(['search']);
    expect((await admin('GET', '/v1/catalog/export?scope=team:nope')).status).toBe(404);
    const json = await admin('GET', '/v1/catalog/export?scope=all', undefined, {
      accept: 'application/json',
    });
    expect(json.body).toEqual({ yaml: await exportYaml() });
  });
});
