import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../../../electron/backend/host/backend-types';
import type { IpcInput } from '../../../../shared/contract';
import { startTestPlatform, type TestPlatform } from '../../../harness/platform';
import { waitFor } from '../../../harness/wait-for';
import { apiClient } from '../../../server/api-client';
import { createAdminBackend, invoke, waitForOnline } from '../../backend-harness';

let platform: TestPlatform;
let backend: Backend;
const dataDir = mkdtempSync(join(tmpdir(), 'pave-backstage-desktop-'));
const logLines: string[] = [];

const catalogFile = [
  'apiVersion: backstage.io/v1alpha1',
  'kind: Component',
  'metadata: { name: desk-api, title: Desk API }',
  'spec: { type: service, lifecycle: production, owner: group:default/core }',
  '',
].join('\n');
const source: IpcInput<'backstage:dry-run'> = {
  source: { type: 'files', files: [{ path: 'catalog-info.yaml', text: catalogFile }] },
};

beforeAll(async () => {
  platform = await startTestPlatform({ seed: 'none' });
  const admin = apiClient(platform.url, platform.adminToken);
  await admin('POST', '/v1/teams', { slug: 'core', name: 'Core' });
  backend = await createAdminBackend(dataDir, platform, logLines);
  await waitForOnline(backend, logLines);
}, 90_000);

afterAll(async () => {
  await backend?.close();
  await platform?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('Backstage import and export on the desktop', () => {
  it('dry run, apply as an operation that syncs, export as YAML', async () => {
    const dry = await invoke(backend, 'backstage:dry-run', source);
    expect(dry.create).toEqual([
      { file: 'catalog-info.yaml', documentIndex: 0, kind: 'Component', name: 'desk-api', changes: [] },
    ]);
    const { operationId } = await invoke(backend, 'backstage:import', source);
    // The operation reaches the cache through sync, like every other job.
    const done = await waitFor(
      async () => {
        const operation = await invoke(backend, 'operations:get', { id: operationId });
        return operation?.status === 'succeeded' && operation;
      },
      { what: 'the import operation synced as succeeded' },
    );
    expect(done.kind).toBe('catalog.import');
    const page = await waitFor(
      async () => {
        const list = await invoke(backend, 'catalog:list', { search: 'desk' });
        return list.rows.length === 1 && list;
      },
      { what: 'desk-api in the cached catalog' },
    );
    expect(page.rows[0]).toMatchObject({ name: 'desk-api', ownerTeamName: 'Core' });

    const { yaml } = await invoke(backend, 'backstage:export', { scope: 'all' });
    const names = parseAllDocuments(yaml).map(
      (doc) => (doc.toJS() as { metadata: { name: string } }).metadata.name,
    );
    expect(names).toEqual(['core', 'desk-api']);
  });

  it('refuses bad input before it leaves the desktop, in plain words', async () => {
    const bad = await backend.dispatch('backstage:dry-run', {
      source: { type: 'repository', url: 'ssh://git.example.com/x' },
    } as never);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.message).toContain('http://, https:// or file://');
  });

  it('offline, says that importing needs the platform and changes nothing', async () => {
    await platform.stop();
    try {
      const result = await backend.dispatch('backstage:import', source);
      expect(result.ok ? 'imported' : result.error.code).toBe('offline');
      if (!result.ok) expect(result.error.message).toMatch(/needs the platform/);
    } finally {
      await platform.start();
    }
  });
});
