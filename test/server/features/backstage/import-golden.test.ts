import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Team } from '../../../../shared/api/directory';
import type { SourceFile } from '../../../../shared/features/backstage/api';
import type { Service } from '../../../../shared/features/catalog/api';
import { startTestPlatform, type TestPlatform } from '../../../harness/platform';
import { apiClient } from '../../api-client';
import { applyFiles, dryRun, goldenDir, readFolder, type Api } from './backstage-support';

let platform: TestPlatform;
let admin: Api;
let files: SourceFile[];
let ordersId: string;

beforeAll(async () => {
  platform = await startTestPlatform();
  admin = apiClient(platform.url, platform.adminToken);
  ordersId = ((await admin('POST', '/v1/teams', { slug: 'orders', name: 'Orders' })).body as { id: string })
    .id;
  const created = await admin('POST', '/v1/services', {
    name: 'orders-api',
    title: 'Orders API',
    ownerTeamId: ordersId,
    tier: 2,
    lifecycle: 'production',
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  files = await readFolder(goldenDir);
}, 60_000);

afterAll(async () => {
  await platform?.close();
});

const entry = (file: string, documentIndex: number, kind: string, name: string, changes: string[] = []) => ({
  file,
  documentIndex,
  kind,
  name,
  changes,
});
const P = 'payments/catalog-info.yaml';

async function services(): Promise<Service[]> {
  return ((await admin('GET', '/v1/services')).body as { items: Service[] }).items;
}

describe('Backstage import: golden files (written by hand)', () => {
  it('reads the folder in path order', () => {
    expect(files.map((file) => file.path)).toEqual(['broken.yaml', 'mixed.yaml', P, 'teams.yaml']);
  });

  it('dry run: creates, updates, refuses with the field and why, skips unknown kinds; writes nothing', async () => {
    const report = await dryRun(admin, files);
    expect(report.create).toEqual([
      entry(P, 0, 'Component', 'payments-api'),
      entry(P, 1, 'Component', 'payments-worker'),
      entry(P, 2, 'System', 'money'),
      entry(P, 3, 'API', 'payments-rest'),
      entry('teams.yaml', 0, 'Group', 'payments'),
    ]);
    expect(report.update).toEqual([
      entry('mixed.yaml', 7, 'Component', 'orders-api', ['description']),
      entry('teams.yaml', 1, 'Group', 'orders', ['backstage fields']),
    ]);
    expect(report.unchanged).toEqual([]);
    const refused = (
      documentIndex: number,
      name: string,
      reason: unknown,
      file = 'mixed.yaml',
      kind = 'Component',
    ) => ({
      file,
      documentIndex,
      kind,
      name,
      reason,
    });
    expect(report.refused).toEqual([
      refused(
        0,
        'fine-one',
        'duplicate: Component fine-one is also defined in mixed.yaml, document 2',
        'broken.yaml',
      ),
      refused(
        1,
        '',
        expect.stringMatching(/^YAML: Flow sequence in block collection .* at line \d+, column \d+$/),
        'broken.yaml',
        '',
      ),
      refused(
        2,
        '',
        'YAML: Unresolved alias (the anchor must be set before the alias): annotations',
        'broken.yaml',
        '',
      ),
      refused(
        0,
        'jane-tools',
        "owner user:default/jane: Pave's services are owned by teams; name the person's group instead",
      ),
      refused(1, 'ghost-service', 'owner group:default/ghosts: no team ghosts in Pave or in this import'),
      refused(2, 'Fine-One', 'duplicate: Component Fine-One is also defined in broken.yaml, document 0'),
      refused(
        3,
        'Legacy_Billing',
        "metadata.name: must use lowercase letters, digits and dashes, starting with a letter (Pave's catalog rule)",
      ),
      refused(4, 'search', 'metadata.tags.0: lowercase letters, digits, : + #, joined by single dashes'),
      refused(
        5,
        'reports',
        "spec.lifecycle: must be one of experimental, production, deprecated (Pave's catalog rule)",
      ),
      refused(6, 'no-owner', 'spec.owner: is required'),
      refused(9, 'audit', 'metadata.namespace compliance: Pave has one namespace, default'),
    ]);
    expect(report.skipped).toEqual([
      {
        file: 'mixed.yaml',
        documentIndex: 8,
        kind: 'ConfigMap',
        reason: 'apiVersion v1 is not a Backstage one',
      },
      {
        file: P,
        documentIndex: 4,
        kind: 'Location',
        reason: 'kind Location: Pave keeps Component, Group, System, API and skips the rest',
      },
      {
        file: 'teams.yaml',
        documentIndex: 2,
        kind: 'User',
        reason: 'kind User: Pave keeps Component, Group, System, API and skips the rest',
      },
    ]);
    expect((await services()).map((service) => service.name)).toEqual(['orders-api']);
  });

  it('only leads and admins may import', async () => {
    const engineer = (
      await admin('POST', '/v1/users', { name: 'Eve', email: 'eve@example.com', teamIds: [ordersId] })
    ).body as { id: string };
    const token = ((await admin('POST', `/v1/users/${engineer.id}/tokens`, {})).body as { token: string })
      .token;
    const asEngineer = apiClient(platform.url, token);
    const source = { source: { type: 'files', files } };
    expect((await asEngineer('POST', '/v1/catalog/imports/dry-run', source)).status).toBe(403);
    expect((await asEngineer('POST', '/v1/catalog/imports', source)).status).toBe(403);
    expect((await asEngineer('GET', '/v1/catalog/export')).status).toBe(200);
  });

  it('applies as one operation: services with their owners, fields kept, one audit entry', async () => {
    const operation = await applyFiles(admin, files);
    expect(operation.status, JSON.stringify(operation.error)).toBe('succeeded');
    expect(operation.kind).toBe('catalog.import');
    expect(operation.result).toEqual({ created: 5, updated: 2, unchanged: 0, refused: 11, skipped: 3 });
    expect(operation.input).toEqual({ type: 'files', files: files.map((file) => file.path), count: 4 });

    const teams = ((await admin('GET', '/v1/teams')).body as { items: Team[] }).items;
    const payments = teams.find((team) => team.slug === 'payments');
    expect(payments).toMatchObject({ name: 'Payments', description: 'Money in, money out', size: 0 });
    const byName = new Map((await services()).map((service) => [service.name, service]));
    expect([...byName.keys()].sort()).toEqual(['orders-api', 'payments-api', 'payments-worker']);
    expect(byName.get('payments-api')).toMatchObject({
      title: 'Payments API',
      description: 'Takes card payments.',
      ownerTeamId: payments?.id,
      tier: 1,
      lifecycle: 'production',
      tags: ['java', 'payments'],
      links: [
        { title: 'Dashboard', url: 'https://dashboards.example.com/payments' },
        { title: 'Errors', url: 'https://dashboards.example.com/payments-errors' },
      ],
    });
    expect(byName.get('payments-worker')).toMatchObject({
      title: 'payments-worker',
      tier: 1,
      ownerTeamId: payments?.id,
    });
    expect(byName.get('orders-api')).toMatchObject({
      description: 'Takes orders.',
      tier: 2,
      ownerTeamId: ordersId,
    });

    const audit = (
      (await admin('GET', '/v1/audit?limit=1000')).body as { items: { action: string; detail: unknown }[] }
    ).items;
    // One entry for the import (its operation: who asked, which files), besides the catalog's own.
    expect(audit.filter((row) => row.action === 'catalog.import')).toEqual([
      expect.objectContaining({
        entity: 'operation',
        detail: expect.objectContaining({ input: operation.input }),
      }),
    ]);
    expect(audit.filter((row) => row.action === 'service.create')).toHaveLength(3);
  });

  it('a re-import changes nothing and says so', async () => {
    const before = await services();
    const report = await dryRun(admin, files);
    expect(report.create).toEqual([]);
    expect(report.update).toEqual([]);
    expect(report.unchanged).toHaveLength(7);
    expect(report.refused).toHaveLength(11);
    const operation = await applyFiles(admin, files);
    expect(operation.result).toEqual({ created: 0, updated: 0, unchanged: 7, refused: 11, skipped: 3 });
    expect(await services()).toEqual(before);
  });

  it('a repository URL is cloned (file://) and its catalog files read', async () => {
    const { execFile } = await import('node:child_process');
    const { promisify } = await import('node:util');
    const { mkdtemp, mkdir, writeFile, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const run = promisify(execFile);
    const repo = await mkdtemp(path.join(tmpdir(), 'pave-backstage-repo-'));
    try {
      await mkdir(path.join(repo, 'payments'));
      for (const file of files)
        await writeFile(path.join(repo, file.path.replace('teams.yaml', 'catalog-info.yaml')), file.text);
      const env = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };
      const git = (args: string[]) => run('git', ['-C', repo, ...args], { env });
      await git(['init', '--quiet', '-b', 'main']);
      await git(['add', '--all']);
      await git([
        '-c',
        'user.name=T',
        '-c',
        'user.email=t@example.com',
        'commit',
        '--quiet',
        '-m',
        'catalog',
      ]);
      const { status, body } = await admin('POST', '/v1/catalog/imports/dry-run', {
        source: { type: 'repository', url: `file://${repo}` },
      });
      expect(status, JSON.stringify(body)).toBe(200);
      // Backstage's file names only: catalog-info.yaml at the root and in payments/.
      const report = body as { unchanged: { file: string }[]; create: unknown[] };
      expect(new Set(report.unchanged.map((item) => item.file))).toEqual(new Set(['catalog-info.yaml', P]));
      expect(report.create).toEqual([]);
      const missing = await admin('POST', '/v1/catalog/imports/dry-run', {
        source: { type: 'repository', url: `file://${repo}-missing` },
      });
      expect(missing.status).toBe(400);
      expect((missing.body as { error: { message: string } }).error.message).toMatch(
        /^could not clone file:\/\//,
      );
    } finally {
      await rm(repo, { recursive: true, force: true });
    }
  });

  it('refuses a bad request with a plain message and nothing written', async () => {
    const bad = await admin('POST', '/v1/catalog/imports/dry-run', {
      source: { type: 'repository', url: 'ssh://x' },
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('http://, https:// or file://');
    const nul = await admin('POST', '/v1/catalog/imports/dry-run', {
      source: { type: 'files', files: [{ path: 'a.yaml', text: 'kind: Component\u0000' }] },
    });
    expect(nul.status).toBe(400);
    expect(JSON.stringify(nul.body)).toContain('cannot be stored (NUL)');
  });
});
