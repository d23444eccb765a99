import { mkdtempSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../../../electron/backend/host/backend-types';
import { apiClient } from '../../../server/api-client';
import { cloneUrl, gitUser } from '../../../server/features/git/git-cli';
import { waitForOperation } from '../../../server/features/self-service/self-service-support';
import { startTestPlatform, type TestPlatform } from '../../../harness/platform';
import { createAdminBackend, invoke, waitForCache, waitForOnline } from '../../backend-harness';

let platform: TestPlatform;
let backend: Backend;
let hostedId: string;
let otherHostedId: string;
let outsideId: string;
const dataDir = mkdtempSync(join(tmpdir(), 'pave-git-desktop-'));
const logLines: string[] = [];

async function createFromTemplate(admin: ReturnType<typeof apiClient>, name: string, ownerTeamId: string) {
  const created = await admin('POST', '/v1/templates/http-service/services', {
    values: { name, title: name, ownerTeamId },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(202);
  const operation = await waitForOperation(admin, (created.body as { operationId: string }).operationId);
  expect(operation.status, JSON.stringify(operation.error)).toBe('succeeded');
  return (operation.result as { serviceId: string }).serviceId;
}

beforeAll(async () => {
  platform = await startTestPlatform({ seed: 'none' });
  const admin = apiClient(platform.url, platform.adminToken);
  const team = (await admin('POST', '/v1/teams', { slug: 'core', name: 'Core' })).body as { id: string };
  hostedId = await createFromTemplate(admin, 'billing', team.id);
  otherHostedId = await createFromTemplate(admin, 'invoices', team.id);
  const outside = await admin('POST', '/v1/services', {
    name: 'legacy',
    title: 'Legacy',
    ownerTeamId: team.id,
  });
  outsideId = (outside.body as { id: string }).id;
  backend = await createAdminBackend(dataDir, platform, logLines);
  await waitForOnline(backend, logLines);
}, 90_000);

afterAll(async () => {
  await backend?.close();
  await platform?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('git:repository', () => {
  it('builds the clone URL from the connected platform and lists main', async () => {
    const source = await invoke(backend, 'git:repository', { serviceId: hostedId });
    expect(source).toMatchObject({
      clonePath: '/git/billing.git',
      cloneUrl: `${platform.url}/git/billing.git`,
      defaultBranch: 'main',
      fromCache: false,
    });
    expect(source?.commits).toHaveLength(1);
    expect(source?.environments.every((e) => e.commitSha === null)).toBe(true);
  });

  it('answers null for a service whose code the platform does not host', async () => {
    expect(await invoke(backend, 'git:repository', { serviceId: outsideId })).toBeNull();
  });

  it('sees a push arrive by sync as a platform event, then lists the new commit', async () => {
    const user = await gitUser('admin');
    try {
      await user.ok(['clone', cloneUrl(platform.url, platform.adminToken, 'billing'), 'work']);
      const work = join(user.home, 'work');
      await writeFile(join(work, 'NOTES.md'), 'pushed from the desktop test\n');
      await user.ok(['add', '.'], work);
      await user.ok(['commit', '-m', 'Add notes'], work);
      const sha = await user.ok(['rev-parse', 'HEAD'], work);

      // The renderer refetches the Source section when platform_events changes (renderer/features/git/data.ts).
      const changed = new Promise<void>((resolve) => {
        const off = backend.on('tables:changed', ({ tables }) => {
          if (!tables.includes('platform_events')) return;
          off();
          resolve();
        });
      });
      await user.ok(['push', 'origin', 'main'], work);
      await changed;
      const source = await waitForCache(backend, async () => {
        const next = await invoke(backend, 'git:repository', { serviceId: hostedId });
        return next?.commits[0]?.sha === sha ? next : undefined;
      });
      expect(source.commits.map((c) => c.message)).toEqual([
        'Add notes',
        'Create billing from the HTTP service template',
      ]);
    } finally {
      await user.cleanup();
    }
  });

  it('offline, shows the last answer with its time, and says why when it has none', async () => {
    const online = await invoke(backend, 'git:repository', { serviceId: hostedId });
    await platform.stop();
    try {
      const offline = await invoke(backend, 'git:repository', { serviceId: hostedId });
      expect(offline).toEqual({ ...online, fromCache: true });
      expect(await invoke(backend, 'git:repository', { serviceId: outsideId })).toBeNull();

      const never = await backend.dispatch('git:repository', { serviceId: otherHostedId });
      expect(never.ok).toBe(false);
      if (!never.ok) {
        expect(never.error.code).toBe('offline');
        expect(never.error.message).toMatch(/needs the platform once/);
      }
    } finally {
      await platform.start();
    }
  });

  it('rejects bad input before it reaches the platform', async () => {
    const bad = await backend.dispatch('git:repository', { serviceId: '' });
    expect(bad.ok).toBe(false);
  });
});
