import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../../electron/backend/create-backend';
import { createKeyFileVault } from '../../../electron/backend/settings/key-file-vault';
import { startTestPlatform, type TestPlatform } from '../../harness/platform';
import { apiClient } from '../../server/api-client';
import { createPerson, createTeam } from '../../server/features/surveys/survey-fixtures';
import { invoke, waitForCache, waitForOnline } from '../backend-harness';

/**
 * Issue 13, finding 5, on the desktop: an engineer's cache holds only their team's secret names;
 * when they move team, the platform answers 409 resync_required and the desktop rebuilds its
 * synced tables, so the old team's names are gone and the new team's arrive.
 */
let platform: TestPlatform;
let dataDir: string;
const logLines: string[] = [];

beforeAll(async () => {
  platform = await startTestPlatform();
  dataDir = mkdtempSync(join(tmpdir(), 'pave-scope-'));
});
afterAll(async () => {
  await platform?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('a change of teams on the desktop', () => {
  it('resyncs and drops the secret names the user may no longer see', async () => {
    const admin = apiClient(platform.url, platform.adminToken);
    const teamA = await createTeam(admin, 'desk-a');
    const teamB = await createTeam(admin, 'desk-b');
    const service = async (name: string, ownerTeamId: string) =>
      ((await admin('POST', '/v1/services', { name, title: name, ownerTeamId })).body as { id: string }).id;
    const serviceA = await service('desk-a-api', teamA);
    const serviceB = await service('desk-b-api', teamB);
    for (const [id, name] of [
      [serviceA, 'A_SECRET'],
      [serviceB, 'B_SECRET'],
    ] as const) {
      expect(
        (await admin('PUT', `/v1/services/${id}/secrets/production/${name}`, { value: 'v' })).status,
      ).toBe(204);
    }
    const alice = await createPerson(platform.url, admin, 'Alice Desk', 'engineer', [teamA]);

    const desktop = await createBackend(
      {
        dataDir,
        platform: { url: platform.url, token: alice.token },
        vault: createKeyFileVault(dataDir),
        log: (line) => logLines.push(line),
      },
      { sync: { backoff: { initialMs: 50, maxMs: 300 }, periodicPullMs: 600_000 } },
    );
    const names = async (serviceId: string) =>
      (await invoke(desktop, 'secrets:list', { serviceId })).map((s) => s.name);
    try {
      await waitForOnline(desktop, logLines);
      expect(await names(serviceA)).toEqual(['A_SECRET']);
      expect(await names(serviceB)).toEqual([]);

      expect((await admin('PATCH', `/v1/users/${alice.id}`, { teamIds: [teamB] })).status).toBe(200);
      await invoke(desktop, 'sync:now', {});
      await waitForCache(
        desktop,
        async () => ((await names(serviceB)).includes('B_SECRET') ? true : undefined),
        logLines,
      );
      expect(await names(serviceA)).toEqual([]);
      expect(logLines.some((line) => line.includes('your role or teams changed'))).toBe(true);
    } finally {
      await desktop.close();
    }
  });
});
