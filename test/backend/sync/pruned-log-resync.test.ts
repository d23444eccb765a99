import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/backend/host/backend-types';
import { createBackend } from '../../../electron/backend/create-backend';
import { createKeyFileVault } from '../../../electron/backend/settings/key-file-vault';
import { Team } from '../../../shared/api/directory';
import { startTestPlatform, type TestPlatform } from '../../harness/platform';
import { waitFor } from '../../harness/wait-for';
import { invoke, waitForOnline } from '../backend-harness';

/**
 * Issue 13, finding 10: the platform's own maintenance schedule prunes tombstones; a desktop that
 * was closed across the prune (its cursor is older than the retained log) gets 409
 * resync_required and rebuilds its cache instead of keeping the deleted row for ever.
 */
let platform: TestPlatform;
let dataDir: string;
const logLines: string[] = [];

beforeAll(async () => {
  // Every tombstone is pruned within one 50 ms tick: as soon as possible, as the test needs.
  platform = await startTestPlatform({ maintenance: { intervalMs: 50, tombstoneRetentionMs: 0 } });
  dataDir = mkdtempSync(join(tmpdir(), 'pave-pruned-'));
});
afterAll(async () => {
  await platform?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function api(method: string, path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${platform.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${platform.adminToken}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? null : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res.status === 204 ? null : res.json();
}

const openDesktop = () =>
  createBackend(
    {
      dataDir,
      platform: { url: platform.url, token: platform.adminToken },
      vault: createKeyFileVault(dataDir),
      log: (line) => logLines.push(line),
    },
    { sync: { backoff: { initialMs: 50, maxMs: 300 }, periodicPullMs: 600_000 } },
  );
const teamIds = async (backend: Backend) => (await invoke(backend, 'teams:list', {})).map((t) => t.id).sort();

describe('a desktop whose cursor is older than the pruned change log', () => {
  it('gets 409 resync_required on its next pull and drops the row deleted meanwhile', async () => {
    const kept = Team.parse(await api('POST', '/v1/teams', { slug: 'kept', name: 'Kept' }));
    const doomed = Team.parse(await api('POST', '/v1/teams', { slug: 'doomed', name: 'Doomed' }));
    let desktop = await openDesktop();
    try {
      await waitForOnline(desktop, logLines);
      expect(await teamIds(desktop)).toEqual(expect.arrayContaining([kept.id, doomed.id]));
    } finally {
      await desktop.close();
    }

    // While the desktop is closed: the delete, then the schedule prunes its tombstone.
    await api('DELETE', `/v1/teams/${doomed.id}`);
    const db = new pg.Client({ connectionString: platform.databaseUrl });
    await db.connect();
    try {
      await waitFor(
        async () =>
          (await db.query(`SELECT 1 FROM change_log WHERE id = $1 AND op = 'del'`, [doomed.id])).rowCount ===
          0,
        { what: 'the tombstone pruned by the maintenance schedule' },
      );
      const meta = await db.query<{ min_seq: number }>('SELECT min_seq FROM server_meta');
      expect(meta.rows[0]!.min_seq).toBeGreaterThan(0);
    } finally {
      await db.end();
    }

    desktop = await openDesktop();
    try {
      await waitForOnline(desktop, logLines);
      expect(logLines.some((line) => line.includes('rebuilding the cache'))).toBe(true);
      const ids = await teamIds(desktop);
      expect(ids).toContain(kept.id);
      expect(ids).not.toContain(doomed.id);
    } finally {
      await desktop.close();
    }
  });
});
